"""Terms a native reviewer should check first: docs/review-terms.yml.

    fa:
      - term: راهنمای مسیر
        page: intake.md
        why: Our word for 'trajectbegeleider'; is there a usual one?

`page` is the page (inside the language's folder) where the term is; without it
the note is about the whole translation (its register, say). The editors' page
lists them beside each page's review state; `build.py check` warns when a term
is no longer on its page, so that the list stays true.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from sitegen.checks.findings import ERROR, WARNING, Finding

TERMS_FILE = Path("docs") / "review-terms.yml"
SHOWN = TERMS_FILE.as_posix()


@dataclass(frozen=True)
class ReviewTerm:
    code: str  # the language
    term: str
    page: str | None  # e.g. kosten.md; None: the whole translation
    why: str
    line: int  # in docs/review-terms.yml


def _text(node: yaml.Node | None) -> str | None:
    if isinstance(node, yaml.ScalarNode) and str(node.value).strip():
        return str(node.value).strip()
    return None


def _entry(code: str, node: yaml.Node, findings: list[Finding]) -> ReviewTerm | None:
    line = node.start_mark.line + 1
    fields = {_text(k): v for k, v in node.value} if isinstance(node, yaml.MappingNode) else None
    term = _text(fields.get("term")) if fields else None
    why = _text(fields.get("why")) if fields else None
    if fields is None or term is None or why is None:
        findings.append(
            Finding(
                SHOWN,
                line,
                f"each term of '{code}' needs 'term:' (as it is written in the translation) "
                "and 'why:' (what the reviewer should look at); 'page:' is optional.",
                ERROR,
                "review-terms",
            )
        )
        return None
    return ReviewTerm(code, term, _text(fields.get("page")), why, line)


def load_review_terms(
    root: Path, docs_dir: Path, languages
) -> tuple[list[ReviewTerm], list[Finding]]:
    """The terms, in the file's order, and what is wrong with the file (nothing if it is absent)."""
    path = root / TERMS_FILE
    if not path.is_file():
        return [], []
    try:
        document = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        message = "not valid YAML: put a term or a reason with a colon in quotes."
        return [], [Finding(SHOWN, line, message, ERROR, "review-terms")]
    if document is None:
        return [], []
    if not isinstance(document, yaml.MappingNode):
        message = "write one language code per line, each with a list of terms."
        return [], [Finding(SHOWN, 1, message, ERROR, "review-terms")]
    codes = {language.code for language in languages}
    terms: list[ReviewTerm] = []
    findings: list[Finding] = []
    for key, value in document.value:
        code, line = _text(key) or "", key.start_mark.line + 1
        if code not in codes or code == "nl":
            findings.append(
                Finding(
                    SHOWN,
                    line,
                    f"'{code}' is not a translated language of languages.yml: use its code "
                    f"({', '.join(sorted(codes - {'nl'}))}).",
                    ERROR,
                    "review-terms",
                )
            )
            continue
        items = value.value if isinstance(value, yaml.SequenceNode) else [value]
        terms += [t for node in items if (t := _entry(code, node, findings))]
    findings += [_not_on_page(term, docs_dir) for term in terms]
    return terms, [f for f in findings if f is not None]


def _not_on_page(term: ReviewTerm, docs_dir: Path) -> Finding | None:
    if term.page is None:
        return None
    page = docs_dir / term.code / term.page
    shown = f"content/{term.code}/{term.page}"
    if not page.is_file():
        message = f"{shown} does not exist: correct 'page:' (a path such as kosten.md)."
    elif term.term not in page.read_text(encoding="utf-8"):
        message = (
            f"'{term.term}' is no longer on {shown}: if a reviewer changed it, remove it "
            "from the list; otherwise correct it as it is written on the page."
        )
    else:
        return None
    return Finding(SHOWN, term.line, message, WARNING, "review-terms")
