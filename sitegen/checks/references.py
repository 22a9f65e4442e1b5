"""What a page's Markdown points at: links, images and HTML elements, with their lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# [text](url "title") and ![alt](url "title"); the url may be in <...> or hold (...).
_INLINE = re.compile(
    r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]"
    r"\(\s*(<[^>]*>|(?:[^\s()]|\([^\s()]*\))*)(?:\s+[\"'(][^)]*)?\s*\)"
)
_REF_USE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\[([^\]]*)\]")
_REF_DEF = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*(<[^>]*>|\S+)", re.M)
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_ATTR_ID = re.compile(r"\s*\{:?\s*[^}]*#([\w-]+)[^}]*\}\s*$")


@dataclass
class Reference:
    kind: str  # link, image, html
    url: str
    line: int
    text: str = ""  # link text or image alt
    has_alt: bool = True  # Markdown: alt text given; HTML: an alt attribute (alt="" = decorative)


@dataclass
class HtmlTag:
    tag: str
    attrs: dict[str, str]
    line: int


@dataclass
class Heading:
    level: int
    text: str
    custom_id: str | None
    line: int


@dataclass
class PageRefs:
    references: list[Reference] = field(default_factory=list)
    tags: list[HtmlTag] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[HtmlTag] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(HtmlTag(tag, {k.lower(): v or "" for k, v in attrs}, self.getpos()[0]))

    handle_startendtag = handle_starttag


def html_tags(prose: str) -> list[HtmlTag]:
    collector = _TagCollector()
    collector.feed(prose)
    collector.close()
    return collector.tags


def _strip_url(url: str) -> str:
    return url[1:-1] if url.startswith("<") and url.endswith(">") else url


def _markdown_references(prose: str) -> list[Reference]:
    refs = []
    definitions = {
        m.group(1).strip().lower(): (_strip_url(m.group(2)), line_of(prose, m.start()))
        for m in _REF_DEF.finditer(prose)
    }
    for m in _INLINE.finditer(prose):
        kind = "image" if m.group(1) else "link"
        text = m.group(2)
        line = line_of(prose, m.start())
        refs.append(Reference(kind, _strip_url(m.group(3)), line, text, bool(text.strip())))
    for m in _REF_USE.finditer(prose):
        label = (m.group(3) or m.group(2)).strip().lower()
        if label in definitions:
            kind = "image" if m.group(1) else "link"
            text, line = m.group(2), line_of(prose, m.start())
            refs.append(Reference(kind, definitions[label][0], line, text, bool(text.strip())))
    return refs


def _html_references(tags: list[HtmlTag]) -> list[Reference]:
    refs = []
    for tag in tags:
        if tag.tag == "a" and "href" in tag.attrs:
            refs.append(Reference("link", tag.attrs["href"], tag.line))
        elif tag.tag == "img":
            refs.append(
                Reference(
                    "image",
                    tag.attrs.get("src", ""),
                    tag.line,
                    tag.attrs.get("alt", ""),
                    has_alt="alt" in tag.attrs,
                )
            )
    return refs


def headings(prose: str) -> list[Heading]:
    found = []
    for m in _HEADING.finditer(prose):
        text = m.group(2)
        custom = _ATTR_ID.search(text)
        if custom:
            text = text[: custom.start()]
        found.append(
            Heading(
                len(m.group(1)), text.strip(), custom and custom.group(1), line_of(prose, m.start())
            )
        )
    return found


def page_refs(prose: str) -> PageRefs:
    """Links, images, HTML tags and headings of a page's prose (code already blanked)."""
    tags = html_tags(prose)
    refs = _markdown_references(prose) + _html_references(tags)
    refs.sort(key=lambda ref: ref.line)
    return PageRefs(refs, tags, headings(prose))
