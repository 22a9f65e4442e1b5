"""The translation status overview: a terminal table and a page for editors."""

from __future__ import annotations

from html import escape

from sitegen.freshness import MISSING, OUTDATED, UP_TO_DATE, PageState, completeness
from sitegen.sitemap import page_path

SOURCE_CELL = "source"
LEGEND = (
    f"{UP_TO_DATE}: translated from the current Dutch page; "
    f"{OUTDATED}: the Dutch page changed after the translation was made; "
    f"{MISSING}: readers get the Dutch page (fallback). "
    "Complete: pages up to date."
)


def _cell(state: PageState) -> str:
    return SOURCE_CELL if state.code == "nl" else state.state


def render_table(states: dict[str, list[PageState]]) -> str:
    """Pages down, languages across, a completeness row at the bottom."""
    codes = list(states)
    rows = [["page", *codes]]
    for index, state in enumerate(states[codes[0]]):
        rows.append([state.rel.as_posix(), *(_cell(states[code][index]) for code in codes)])
    rows.append(["complete", *(f"{completeness(states[code])}%" for code in codes)])
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n\n" + LEGEND + "\n"


def _page_link(state: PageState, languages: dict) -> str:
    """A cell of the editors' page: the state, linked to the page as readers see it."""
    text = SOURCE_CELL if state.code == "nl" else state.state
    if state.state == MISSING:
        return f"<td>{text}</td>"
    href = "../../" + languages[state.code].prefix + page_path(state.rel)
    return f'<td><a href="{escape(href)}">{text}</a></td>'


def render_page(states: dict[str, list[PageState]], languages: dict) -> str:
    """Markdown (with one HTML table) for the editors' page at _editors/translations/."""
    codes = list(states)
    head = "".join(f'<th scope="col">{escape(languages[c].english)}</th>' for c in codes)
    body = []
    for index, state in enumerate(states[codes[0]]):
        cells = "".join(_page_link(states[code][index], languages) for code in codes)
        body.append(f'<tr><th scope="row">{escape(state.rel.as_posix())}</th>{cells}</tr>')
    total = "".join(f"<td>{completeness(states[c])}%</td>" for c in codes)
    counts = {code: sum(s.state == OUTDATED for s in found) for code, found in states.items()}
    outdated = ", ".join(f"{languages[c].english} {n}" for c, n in counts.items() if n) or "none"
    return "\n".join(
        [
            "---",
            "title: Translation status",
            "description: Which pages are translated and up to date, per language. For editors.",
            "---",
            "",
            '<div lang="en" dir="ltr">',
            "<h1>Translation status</h1>",
            f"<p>{escape(LEGEND)} Outdated pages: {escape(outdated)}. The same table: "
            "<code>build.py status</code>.</p>",
            '<table><thead><tr><th scope="col">Page</th>' + head + "</tr></thead><tbody>",
            *body,
            f'<tr><th scope="row">Complete</th>{total}</tr>',
            "</tbody></table>",
            "</div>",
            "",
        ]
    )
