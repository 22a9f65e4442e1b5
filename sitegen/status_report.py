"""The translation status overview: a terminal table and a page for editors.

Two questions per page and language: is the translation up to date with the Dutch
page (freshness), and has a native speaker checked it (review)?
"""

from __future__ import annotations

from html import escape
from pathlib import PurePosixPath

from sitegen.freshness import (
    MISSING,
    NEVER_STAMPED,
    OUTDATED,
    UP_TO_DATE,
    PageState,
    completeness,
    reviewed_share,
)
from sitegen.review import NOT_REVIEWED, REVIEW_OUTDATED, REVIEWED
from sitegen.review_terms import ReviewTerm
from sitegen.sitemap import page_path

SOURCE_CELL = "source"
LEGEND = (
    f"{UP_TO_DATE}: translated from the current Dutch page; "
    f"{OUTDATED}: the Dutch page changed after the translation was made; "
    f"{NEVER_STAMPED}: nobody recorded which Dutch version it translates (run build.py stamp "
    f"once it matches); {MISSING}: readers get the Dutch page (fallback). "
    "Complete: pages up to date."
)
REVIEW_LEGEND = (
    f"{REVIEWED}: a native speaker checked it against the current Dutch page "
    f"(build.py review); {REVIEW_OUTDATED}: checked against an earlier Dutch text; "
    f"{NOT_REVIEWED}: nobody has checked it yet, and readers are told so. "
    "Reviewed: pages reviewed against the current Dutch page."
)


def _cell(state: PageState) -> str:
    return SOURCE_CELL if state.code == "nl" else state.state


def _review_cell(state: PageState) -> str:
    if state.code == "nl":
        return SOURCE_CELL
    return state.review or "-"


def _table(states: dict[str, list[PageState]], corner: str, cell, total: tuple) -> list[str]:
    codes = list(states)
    rows = [[corner, *codes]]
    for index, state in enumerate(states[codes[0]]):
        rows.append([state.rel.as_posix(), *(cell(states[code][index]) for code in codes)])
    rows.append([total[0], *(total[1](code, states[code]) for code in codes)])
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def _complete(code: str, states: list[PageState]) -> str:
    return f"{completeness(states)}%"


def _reviewed(code: str, states: list[PageState]) -> str:
    return "-" if code == "nl" else f"{reviewed_share(states)}%"


def render_table(states: dict[str, list[PageState]]) -> str:
    """Pages down, languages across: freshness, then native-speaker review, each with a total."""
    freshness = _table(states, "page", _cell, ("complete", _complete))
    review = _table(states, "review", _review_cell, ("reviewed", _reviewed))
    return "\n".join([*freshness, "", LEGEND, "", *review, "", REVIEW_LEGEND]) + "\n"


def _review_text(state: PageState) -> str:
    if state.reviewed is None or state.review == NOT_REVIEWED:
        return NOT_REVIEWED
    when = f"{state.reviewed.date}, {state.reviewed.role}"
    return f"{REVIEWED} ({when})" if state.review == REVIEWED else f"{REVIEW_OUTDATED} ({when})"


def _page_link(state: PageState, languages: dict) -> str:
    """A cell of the editors' page: the state, linked to the page as readers see it."""
    text = SOURCE_CELL if state.code == "nl" else state.state
    if state.state == MISSING:
        return f"<td>{text}</td>"
    href = "../../" + languages[state.code].prefix + page_path(state.rel)
    review = "" if state.review is None else f"<br><small>{escape(_review_text(state))}</small>"
    return f'<td><a href="{escape(href)}">{text}</a>{review}</td>'


def _terms_section(terms: list[ReviewTerm], states: dict, languages: dict) -> list[str]:
    """For native reviewers: the terms to check first, per language, with the page's state."""
    if not terms:
        return []
    lines = [
        "<h2>Terms for a native reviewer</h2>",
        "<p>Check these first (the list is <code>docs/review-terms.yml</code>; remove a term "
        "once it is settled).</p>",
    ]
    for code in dict.fromkeys(term.code for term in terms):
        language = languages[code]
        review = {s.rel.as_posix(): s for s in states.get(code, [])}
        lines.append(f"<h3>{escape(language.english)}</h3>")
        lines.append(
            '<table><thead><tr><th scope="col">Term</th><th scope="col">Page</th>'
            '<th scope="col">Why</th></tr></thead><tbody>'
        )
        for term in (t for t in terms if t.code == code):
            attrs = f' lang="{escape(code)}" dir="{language.dir}"' if term.page else ""
            if term.page is None:
                page = "every page"
            else:
                href = "../../" + language.prefix + page_path(PurePosixPath(term.page))
                state = review.get(term.page)
                status = f" ({escape(_review_text(state))})" if state and state.review else ""
                page = f'<a href="{escape(href)}">{escape(term.page)}</a>{status}'
            lines.append(
                f"<tr><td{attrs}>{escape(term.term)}</td><td>{page}</td>"
                f"<td>{escape(term.why)}</td></tr>"
            )
        lines.append("</tbody></table>")
    return lines


def render_page(
    states: dict[str, list[PageState]], languages: dict, terms: list[ReviewTerm] = ()
) -> str:
    """Markdown (with HTML tables) for the editors' page at _editors/translations/."""
    codes = list(states)
    head = "".join(f'<th scope="col">{escape(languages[c].english)}</th>' for c in codes)
    body = []
    for index, state in enumerate(states[codes[0]]):
        cells = "".join(_page_link(states[code][index], languages) for code in codes)
        body.append(f'<tr><th scope="row">{escape(state.rel.as_posix())}</th>{cells}</tr>')
    total = "".join(f"<td>{completeness(states[c])}%</td>" for c in codes)
    reviewed = "".join(f"<td>{_reviewed(c, states[c])}</td>" for c in codes)
    counts = {code: sum(s.state == OUTDATED for s in found) for code, found in states.items()}
    outdated = ", ".join(f"{languages[c].english} {n}" for c, n in counts.items() if n) or "none"
    return "\n".join(
        [
            "---",
            "title: Translation status",
            "description: Which pages are translated, up to date and reviewed, per language.",
            "---",
            "",
            '<div lang="en" dir="ltr">',
            "<h1>Translation status</h1>",
            f"<p>{escape(LEGEND)} Outdated pages: {escape(outdated)}.</p>",
            f"<p>Native-speaker review (under each state): {escape(REVIEW_LEGEND)} The same "
            "tables: <code>build.py status</code>.</p>",
            '<table><thead><tr><th scope="col">Page</th>' + head + "</tr></thead><tbody>",
            *body,
            f'<tr><th scope="row">Complete</th>{total}</tr>',
            f'<tr><th scope="row">Reviewed</th>{reviewed}</tr>',
            "</tbody></table>",
            *_terms_section(list(terms), states, languages),
            "</div>",
            "",
        ]
    )
