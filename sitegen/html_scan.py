"""The one HTML scanner: what a piece of HTML refers to, for built pages and HTML in Markdown.

Built pages are scanned by the output checks (resources, links, element ids,
inline CSS); the HTML that editors write inside Markdown is scanned by the
content checks (its tags for safety, its <a> and <img> for links and images).
One set of handlers reads both: built pages through the quick tokenizer
(scan_page), editors' HTML, which may be broken, through html.parser (scan_html).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from sitegen.html_tokens import TagTokenizer


@dataclass(frozen=True)
class Tag:
    name: str
    attrs: dict[str, str]
    line: int


@dataclass(frozen=True)
class Reference:
    """Something a page points at: a link, an image or another resource, with its line."""

    kind: str  # link (a, form), image (img, Markdown image) or resource (what a page loads)
    url: str
    line: int
    tag: str = "a"
    attr: str = "href"
    text: str = ""  # link text or image alt
    has_alt: bool = True  # Markdown: alt text given; HTML: an alt attribute (alt="" = decorative)
    blocking: bool = False  # needed before first paint: stylesheets and synchronous scripts
    markdown: bool = False  # written as Markdown, not as an HTML element


@dataclass
class PageScan:
    tags: list[Tag] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    inline_css: list[str] = field(default_factory=list)
    fallback: bool = False  # the page shows the Dutch text in another language's site

    @property
    def links(self) -> list[Reference]:
        return [ref for ref in self.references if ref.kind == "link"]

    @property
    def resources(self) -> list[Reference]:
        """What the browser loads: images included."""
        return [ref for ref in self.references if ref.kind != "link"]


_MEDIA_TAGS = ("img", "iframe", "audio", "video", "source", "embed", "track", "input")
REFERRING = frozenset(("a", "form", "link", "script", "object", *_MEDIA_TAGS))
_MAY_HOLD_ID = re.compile(r"\bid\b|data-wg-fallback", re.IGNORECASE)


def _references(tag: str, attributes: dict[str, str], line: int) -> list[Reference]:
    """What an element links to or makes the browser load, and whether first paint waits."""
    if tag in ("a", "form"):
        attr = "href" if tag == "a" else "action"
        if attr not in attributes:
            return []
        return [Reference("link", attributes[attr], line, tag, attr)]
    if tag == "img":
        refs = [
            Reference(
                "image",
                attributes.get("src", ""),
                line,
                tag,
                "src",
                attributes.get("alt", ""),
                has_alt="alt" in attributes,
            )
        ]
        if attributes.get("srcset", "").strip():
            refs.append(Reference("resource", attributes["srcset"].split()[0], line, tag, "srcset"))
        return refs
    if tag == "link" and attributes.get("href"):
        rel = attributes.get("rel", "").lower().split()
        if "alternate" in rel or "canonical" in rel:
            return []  # names a page, loads nothing
        blocking = "stylesheet" in rel and attributes.get("media", "all") != "print"
        return [Reference("resource", attributes["href"], line, tag, "href", blocking=blocking)]
    if tag == "script" and attributes.get("src"):
        deferred = "defer" in attributes or "async" in attributes
        blocking = not deferred and attributes.get("type") != "module"
        return [Reference("resource", attributes["src"], line, tag, "src", blocking=blocking)]
    if tag == "object" and attributes.get("data"):
        return [Reference("resource", attributes["data"], line, tag, "data")]
    if tag in _MEDIA_TAGS:
        return [
            Reference("resource", attributes[attr].split()[0], line, tag, attr)
            for attr in ("src", "srcset", "poster")
            if attributes.get(attr, "").strip()
        ]
    return []


class ScanHandlers:
    """What a scan keeps, for either tokenizer (the class it is mixed into)."""

    getpos: Callable[[], tuple[int, int]]

    def _start_scan(self, first_line: int, keep_tags: bool = True) -> None:
        self.scan = PageScan()
        self._lines_before = first_line - 1  # not "offset": HTMLParser uses that name
        self._in_style = False
        self._keep_tags = keep_tags  # the content checks read every tag; a page's checks do not

    def handle_starttag(self, tag, attrs):
        attributes = {name.lower(): value or "" for name, value in attrs}
        if self._keep_tags:
            line = self.getpos()[0] + self._lines_before
            self.scan.tags.append(Tag(tag, attributes, line))
            self.scan.references += _references(tag, attributes, line)
        elif tag in REFERRING:
            line = self.getpos()[0] + self._lines_before
            self.scan.references += _references(tag, attributes, line)
        if "data-wg-fallback" in attributes:
            self.scan.fallback = True
        if attributes.get("id"):
            self.scan.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.scan.ids.add(attributes["name"])
        self._in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._in_style = False

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.scan.inline_css.append(data)


class _Scanner(ScanHandlers, HTMLParser):
    def __init__(self, first_line: int) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)
        self._start_scan(first_line)


class _PageScanner(ScanHandlers, TagTokenizer):
    structure = False  # tags that refer to something or carry an id; the CSS of <style>

    def __init__(self) -> None:
        TagTokenizer.__init__(self)
        self._start_scan(1, keep_tags=False)

    def wants(self, tag: str, raw: str) -> bool:
        # A word "id" may be another attribute's value: that tag is only read for nothing.
        return tag in REFERRING or _MAY_HOLD_ID.search(raw) is not None


def scan_html(text: str, first_line: int = 1) -> PageScan:
    """Scan HTML; line numbers count from first_line (the line the HTML starts on)."""
    scanner = _Scanner(first_line)
    scanner.feed(text)
    scanner.close()
    return scanner.scan


def scan_page(text: str) -> PageScan:
    """Scan HTML that the build wrote (a page, or the HTML Markdown made of a page).

    Its tags are not kept (scan.tags is empty): what the build checks in them is in
    references, ids, inline_css and fallback.
    """
    scanner = _PageScanner()
    scanner.feed(text)
    return scanner.scan
