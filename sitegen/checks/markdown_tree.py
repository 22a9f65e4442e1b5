"""A page's Markdown, parsed once by markdown-it-py into what the content checks read.

The parser is set up like the site's mkdocs.yml: raw HTML, tables, admonitions
(`!!! note`) and definition lists. Every element keeps its line in the file.
Links and images are taken as written: markdown-it's normalisation (percent-
encoding) and its refusal of `javascript:` links are switched off, because the
checks must see exactly what the editor wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin

from sitegen.html_scan import Reference, Tag, scan_html

# Python-Markdown's attr_list at the end of a heading: '## Title {#an-id .class}'.
_HEADING_ATTRS = re.compile(r"\s*\{:?([^{}]*)\}\s*$")
_ATTR_ID = re.compile(r"(?:^|\s)#([^\s}]+)")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # as readers see it: no markup, no attribute list
    custom_id: str | None  # from '{#id}' at the end of the heading line
    line: int


@dataclass(frozen=True)
class TextUnit:
    """A paragraph, list item, table cell or definition: text readers read as one piece."""

    text: str
    line: int
    # (offset in text, file line) where each of its lines starts, for a unit written
    # over several lines; empty: all of it is on `line`.
    line_starts: tuple[tuple[int, int], ...] = ()

    def line_at(self, offset: int) -> int:
        """The file line of the character at `offset` in text."""
        found = self.line
        for start, line in self.line_starts:
            if start > offset:
                break
            found = line
        return found


@dataclass
class MarkdownTree:
    references: list[Reference] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)  # HTML elements written in the page
    headings: list[Heading] = field(default_factory=list)
    units: list[TextUnit] = field(default_factory=list)
    # Lines (1-based) that are code or an HTML comment, and inline code and comments
    # as (line, source text): what the line-oriented view of the page blanks.
    hidden_lines: set[int] = field(default_factory=set)
    hidden_spans: list[tuple[int, str]] = field(default_factory=list)
    # Markdown that shows readers something else than the editor probably meant.
    layout: list[Layout] = field(default_factory=list)
    # Titles written for admonitions ('!!! note "Let op"'): readers read them too.
    admonition_titles: list[TextUnit] = field(default_factory=list)


@dataclass(frozen=True)
class Layout:
    """A block whose look comes from how its lines are written, not from their text.

    kind: "code block" (indented by 4 spaces or a tab: lines line..end), "setext heading"
    (text on line..end-1, underlined on line end with marker), "rule" (a horizontal line
    written as marker), "glued list" (a list on line end, right under the paragraph that
    starts on line)."""

    kind: str
    line: int
    end: int
    marker: str = ""


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.use(admon_plugin).use(deflist_plugin)
    md.validateLink = lambda url: True  # a javascript: link is a finding, not plain text
    md.normalizeLink = lambda url: url  # keep links as written (Arabic anchors, spaces)
    return md


def _inline_parts(token: Token, first_line: int):
    """(child, line) for the children of an inline token, lines counted through breaks."""
    line = first_line
    for child in token.children or []:
        yield child, line
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "html_inline":
            line += child.content.count("\n")


def _plain(children: list[Token]) -> str:
    """Text as readers see it: link text and image alt kept, code, tags and markup left out."""
    words = []
    for child in children:
        if child.type == "text":
            words.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            words.append(" ")
        elif child.type == "image":
            words.append(child.content)
    return re.sub(r"\s+", " ", "".join(words)).strip()


def _line_starts(token: Token, first_line: int, text: str) -> tuple[tuple[int, int], ...]:
    """Where in a unit's text (as _plain gives it) each of its lines starts."""
    pieces: list[tuple[int, list[Token]]] = [(first_line, [])]
    for child, line in _inline_parts(token, first_line):
        if child.type in ("softbreak", "hardbreak"):
            pieces.append((line + 1, []))
        else:
            pieces[-1][1].append(child)
    if len(pieces) == 1:
        return ()
    starts, cursor = [], 0
    for line, children in pieces:
        piece = _plain(children)
        at = text.find(piece, cursor) if piece else -1
        if at >= 0:
            starts.append((at, line))
            cursor = at + len(piece)
    return tuple(starts)


def _heading(token: Token, level: int, line: int) -> Heading:
    children = list(token.children or [])
    custom_id = None
    if children and children[-1].type == "text":
        attrs = _HEADING_ATTRS.search(children[-1].content)
        if attrs:
            found = _ATTR_ID.search(attrs.group(1))
            custom_id = found.group(1) if found else None
            last = children[-1].copy()
            last.content = last.content[: attrs.start()]
            children[-1] = last
    # The toc extension takes the text of every element but not of tags or comments.
    text = "".join(
        child.content if child.type in ("text", "code_inline") else ""
        for child in children
        if child.type != "html_inline"
    ).strip()
    return Heading(level, text, custom_id, line)


def _read_inline(tree: MarkdownTree, token: Token, line: int) -> None:
    link: tuple[str, int, list[Token]] | None = None
    for child, child_line in _inline_parts(token, line):
        if link is not None and child.type != "link_close":
            link[2].append(child)
        if child.type == "link_open":
            link = (str(child.attrs.get("href", "")), child_line, [])
        elif child.type == "link_close" and link is not None:
            url, link_line, inside = link
            tree.references.append(
                Reference("link", url, link_line, text=_plain(inside), markdown=True)
            )
            link = None
        elif child.type == "image":
            alt = _plain(child.children or [])
            tree.references.append(
                Reference(
                    "image",
                    str(child.attrs.get("src", "")),
                    child_line,
                    "img",
                    "src",
                    alt,
                    has_alt=bool(alt),
                    markdown=True,
                )
            )
        elif child.type == "html_inline":
            _read_html(tree, child.content, child_line)
        elif child.type == "code_inline":
            tree.hidden_spans.append((child_line, child.markup + child.content + child.markup))


def _read_html(tree: MarkdownTree, html: str, line: int) -> None:
    if html.lstrip().startswith("<!--"):
        if "\n" in html.strip():
            tree.hidden_lines.update(range(line, line + html.strip().count("\n") + 1))
        else:
            tree.hidden_spans.append((line, html.strip()))
        return
    scan = scan_html(html, line)
    tree.tags += scan.tags
    tree.references += [ref for ref in scan.references if ref.kind in ("link", "image")]


_LIST_ITEM = re.compile(r"\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+\S")


def _layout(tokens: list[Token], lines: list[str], first_line: int) -> list[Layout]:
    """Code blocks, setext headings, horizontal lines and lists glued to a paragraph."""
    found = []
    paragraph: tuple[int, int] | None = None  # (first line, line after) of a top paragraph
    for token in tokens:
        if not token.map:
            continue
        line, end = token.map[0] + first_line, token.map[1] + first_line - 1
        if token.level == 0 and token.type.endswith("_open"):
            after = paragraph
            paragraph = (line, end + 1) if token.type == "paragraph_open" else None
            if token.type in ("bullet_list_open", "ordered_list_open") and after:
                if after[1] == line:
                    found.append(Layout("glued list", after[0], line))
            if token.type == "paragraph_open":
                # A numbered item not numbered 1 does not start a list under a paragraph,
                # in CommonMark either: it stays in the paragraph, as on the site.
                for number in range(token.map[0] + 1, token.map[1]):
                    if _LIST_ITEM.match(lines[number]):
                        found.append(Layout("glued list", line, number + first_line))
                        break
        if token.type == "code_block":
            found.append(Layout("code block", line, end))
        elif token.type == "hr":
            found.append(Layout("rule", line, line, lines[token.map[0]].strip()))
        elif token.type == "heading_open" and token.markup in ("=", "-"):
            found.append(Layout("setext heading", line, end, token.markup))
    return found


def _admonition_titles(tokens: list[Token], first_line: int) -> list[TextUnit]:
    """The titles written for admonitions; one without a title written shows the name of
    its type ('Note'), which is no text of the page."""
    titles = []
    for number, token in enumerate(tokens):
        if token.type == "admonition_open" and '"' in token.info and token.map:
            title = tokens[number + 2] if number + 2 < len(tokens) else None
            if title is not None and title.type == "inline" and title.content.strip():
                titles.append(TextUnit(title.content.strip(), token.map[0] + first_line))
    return titles


def parse_markdown(body: str, first_line: int = 1) -> MarkdownTree:
    """Parse a page's body; first_line is the file line the body starts on."""
    tree = MarkdownTree()
    heading_level = 0
    in_title = False
    tokens = _parser().parse(body)
    tree.layout = _layout(tokens, body.split("\n"), first_line)
    tree.admonition_titles = _admonition_titles(tokens, first_line)
    for token in tokens:
        line = token.map[0] + first_line if token.map else first_line
        if token.type == "heading_open":
            heading_level = int(token.tag[1])
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type == "admonition_title_open":
            in_title = True
        elif token.type == "admonition_title_close":
            in_title = False
        elif token.type in ("fence", "code_block"):
            tree.hidden_lines.update(range(line, token.map[1] + first_line))
        elif token.type == "html_block":
            _read_html(tree, token.content, line)
        elif token.type == "inline":
            _read_inline(tree, token, line)
            if heading_level:
                tree.headings.append(_heading(token, heading_level, line))
            elif not in_title:
                text = _plain(token.children or [])
                tree.units.append(TextUnit(text, line, _line_starts(token, line, text)))
    tree.references.sort(key=lambda ref: ref.line)
    return tree
