"""The page's one level-1 heading is its title (CONTRIBUTING.md, 'Add a page').

Readers see the heading on the page and the title in the browser tab, the topic
list and the next-step link: when the two differ, the link promises another page.
"""

from __future__ import annotations

import re

from sitegen.checks.findings import WARNING, Finding
from sitegen.checks.source import ContentSite, SourcePage


def _finding(page: SourcePage, line: int, message: str) -> Finding:
    return Finding(page.display, line, message, WARNING, "title")


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


# '#Kop' or '##Kop': the site's Markdown (Python-Markdown) makes it a heading without the
# space, also inside a paragraph ('#1 tip hier'); other Markdown readers show it as text.
_NO_SPACE = re.compile(r"^ {0,3}(#{1,6})([^\s#].*)$")


def _no_space(page: SourcePage) -> list[tuple[int, str, str]]:
    """(line, '#'s, text) of every line that the site makes a heading with no space after
    the '#'s.

    Code, comments and front matter are blanked in page.prose; so is nothing else."""
    found = []
    for number, line in enumerate(page.prose.split("\n"), start=1):
        if match := _NO_SPACE.match(line):
            found.append((number, match.group(1), match.group(2).rstrip()))
    return found


def check_title_heading(page: SourcePage, site: ContentSite) -> list[Finding]:
    unspaced = _no_space(page)
    findings = [
        _finding(
            page,
            number,
            f"the site shows '{marks}{text}' as a level-{len(marks)} heading: write "
            f"'{marks} {text}' if it is meant as one, or start the line with '\\{marks}' (or "
            "rephrase it) if it is not.",
        )
        for number, marks, text in unspaced
    ]
    return sorted(
        findings + _title_findings(page, any(marks == "#" for _, marks, _ in unspaced)),
        key=lambda f: f.line,
    )


def _title_findings(page: SourcePage, unspaced_level_one: bool) -> list[Finding]:
    title = page.meta.get("title")
    if not isinstance(title, str) or not title.strip():
        return []  # a missing title is a front matter error already
    title = title.strip()
    headings = page.headings
    first_level_one = [h for h in headings if h.level == 1]
    if not first_level_one:
        if unspaced_level_one:
            return []  # '#Title': the message on that line says what to do
        return [
            _finding(
                page,
                headings[0].line if headings else 1,
                f"the page has no level-1 heading: start the text with '# {title}', the title "
                "of the front matter.",
            )
        ]
    findings = []
    heading = first_level_one[0]
    if headings[0] is not heading:
        findings.append(
            _finding(
                page,
                headings[0].line,
                f"the heading '{headings[0].text}' comes before the level-1 heading: the page "
                f"starts with '# {title}'.",
            )
        )
    if not _same(heading.text, title):
        findings.append(
            _finding(
                page,
                heading.line,
                f"the heading '# {heading.text}' is not the title '{title}': readers see the "
                "title in the browser tab, the topic list and the next-step link. Make them the "
                "same (change the heading or the title).",
            )
        )
    findings += [
        _finding(
            page,
            extra.line,
            f"a second level-1 heading ('# {extra.text}'): a page has one, its title. Make it "
            f"'## {extra.text}'.",
        )
        for extra in first_level_one[1:]
    ]
    return findings
