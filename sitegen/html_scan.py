"""What a built HTML page refers to: resources, links and element ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Reference:
    tag: str
    attr: str
    url: str
    line: int
    blocking: bool  # needed before first paint: stylesheets and synchronous scripts


@dataclass
class PageScan:
    resources: list[Reference] = field(default_factory=list)
    links: list[Reference] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    inline_css: list[str] = field(default_factory=list)
    fallback: bool = False  # the page shows the Dutch text in another language's site


_MEDIA_TAGS = ("img", "iframe", "audio", "video", "source", "embed", "track", "input")


def _resources(tag: str, attributes: dict[str, str], line: int) -> list[Reference]:
    """What an element makes the browser load, and whether first paint waits for it."""
    if tag == "link" and attributes.get("href"):
        rel = attributes.get("rel", "").lower().split()
        if "alternate" in rel or "canonical" in rel:
            return []  # names a page, loads nothing
        blocking = "stylesheet" in rel and attributes.get("media", "all") != "print"
        return [Reference(tag, "href", attributes["href"], line, blocking)]
    if tag == "script" and attributes.get("src"):
        deferred = "defer" in attributes or "async" in attributes
        blocking = not deferred and attributes.get("type") != "module"
        return [Reference(tag, "src", attributes["src"], line, blocking)]
    if tag == "object" and attributes.get("data"):
        return [Reference(tag, "data", attributes["data"], line, False)]
    if tag in _MEDIA_TAGS:
        return [
            Reference(tag, attr, attributes[attr].split()[0], line, False)
            for attr in ("src", "srcset", "poster")
            if attributes.get(attr, "").strip()
        ]
    return []


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        line = self.getpos()[0]
        if "data-wg-fallback" in attributes:
            self.scan.fallback = True
        if attributes.get("id"):
            self.scan.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.scan.ids.add(attributes["name"])
        if tag in ("a", "form"):
            attr = "href" if tag == "a" else "action"
            if attributes.get(attr):
                self.scan.links.append(Reference(tag, attr, attributes[attr], line, False))
        else:
            self.scan.resources += _resources(tag, attributes, line)
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.scan.inline_css.append(data)


def scan_html(text: str) -> PageScan:
    scanner = _Scanner()
    scanner.feed(text)
    scanner.close()
    return scanner.scan
