"""Markdown written so that readers see something else than text: a code block, a
heading, a horizontal line, a list run into a paragraph.

Content pages never need code blocks, underlined (setext) headings or horizontal
lines; each of these comes from a slip: a list item indented by 4 spaces or a tab,
'---' right under a paragraph, a '---' line too many after the front matter. The
site's Markdown (Python-Markdown) also reads a list with no empty line before it as
part of the paragraph above. Found in the parsed page (sitegen.checks.markdown_tree),
then held against what the site's Markdown makes of it: the checks parse with
markdown-it (CommonMark), which reads some indents and underlines otherwise. A
paragraph indented 6 spaces under '- item' is code to CommonMark and a paragraph of
the item on the site; '---' under two lines of text is a heading to CommonMark and a
horizontal line on the site.
"""

from __future__ import annotations

import html
import re

import markdown

from sitegen.checks.findings import ERROR, WARNING, Finding
from sitegen.checks.source import ContentSite, SourcePage, split_front_matter

# mkdocs' own extensions (tables, fenced_code) and those of mkdocs.yml that make blocks.
_SITE_EXTENSIONS = ["tables", "fenced_code", "attr_list", "def_list", "admonition"]
_PRE = re.compile(r"<pre><code[^>]*>(.*?)</code></pre>", re.S)


def _site_html(page: SourcePage) -> str:
    """The page's body as the site's Markdown (Python-Markdown) renders it."""
    _, body, _ = split_front_matter(page.text)
    return markdown.markdown(body, extensions=_SITE_EXTENSIONS)


def _line(page: SourcePage, number: int) -> str:
    return html.escape(page.text.split("\n")[number - 1].strip(), quote=False)


def _finding(page: SourcePage, line: int, message: str, level: str = ERROR) -> Finding:
    return Finding(page.display, line, message, level, "markdown")


def _lines(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}-{last}"


def _body_start(page: SourcePage) -> int:
    """The first line after the front matter that is not empty."""
    _, body, skipped = split_front_matter(page.text)
    number = skipped + 1
    for text in body.split("\n"):
        if text.strip():
            return number
        number += 1
    return number


def check_layout(page: SourcePage, site: ContentSite) -> list[Finding]:
    findings = []
    body_start = _body_start(page)
    shown: str | None = None  # what the site renders, made only for a page that has a slip
    for block in page.tree.layout:
        if block.kind in ("code block", "setext heading") and shown is None:
            shown = _site_html(page)
        if block.kind == "code block" and shown is not None:
            if not any(_line(page, block.line) in code for code in _PRE.findall(shown)):
                continue  # the site reads it as text of a list item, not as code
            message = (
                f"line {block.line} starts with 4 spaces or a tab, so readers see "
                f"{'it' if block.line == block.end else _lines(block.line, block.end)} as "
                "code in a grey box, not as text or a list. Remove the spaces or the tab "
                "at the start of the line."
            )
            findings.append(_finding(page, block.line, message))
        elif block.kind == "setext heading" and shown is not None:
            level = 1 if block.marker == "=" else 2
            above = _line(page, block.end - 1)
            if re.search(rf"<h{level}[^>]*>{re.escape(above)}</h{level}>", shown):
                message = (
                    f"the line of '{block.marker * 3}' right under the text on line "
                    f"{block.end - 1} makes that text a level-{level} heading. Remove that "
                    "line, or leave an empty line above it; write a heading as "
                    f"'{'#' * level} Heading'."
                )
                findings.append(_finding(page, block.end, message))
            elif block.marker == "-":
                message = (
                    f"the line of '---' under the text on {_lines(block.line, block.end - 1)} "
                    "draws a horizontal line across the page; pages here do not use them. "
                    "Remove it; to start a new part, use a heading ('## ...')."
                )
                findings.append(_finding(page, block.end, message, WARNING))
            else:
                message = (
                    f"the line of '===' under the text on {_lines(block.line, block.end - 1)} "
                    "is shown as text at the end of that paragraph. Remove it; write a heading "
                    "as '# Heading'."
                )
                findings.append(_finding(page, block.end, message, WARNING))
        elif block.kind == "rule":
            if block.line == body_start and page.text.startswith("---"):
                message = (
                    f"the line '{block.marker}' comes after the end of the front matter, so "
                    "readers see a horizontal line at the top of the page. Remove it."
                )
            else:
                message = (
                    f"the line '{block.marker}' draws a horizontal line across the page; pages "
                    "here do not use them. Remove it; to start a new part, use a heading "
                    "('## ...')."
                )
            findings.append(_finding(page, block.line, message, WARNING))
        elif block.kind == "glued list":
            message = (
                f"the list starts right under the paragraph on line {block.line}, with no "
                "empty line between them, so readers see its items run on in that paragraph "
                "('... - item - item'). Leave an empty line before the list."
            )
            findings.append(_finding(page, block.end, message))
    return findings
