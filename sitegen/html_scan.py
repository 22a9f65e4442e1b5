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


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        line = self.getpos()[0]
        if "data-wg-fallback" in attributes:
            self.scan.fallback = True
        for name in ("id", "name"):
            if attributes.get(name) and (name == "id" or tag == "a"):
                self.scan.ids.add(attributes[name])
        if tag == "a" and attributes.get("href"):
            self.scan.links.append(Reference(tag, "href", attributes["href"], line, False))
        elif tag == "link" and attributes.get("href"):
            rel = (attributes.get("rel") or "").lower().split()
            if "alternate" in rel or "canonical" in rel:
                return  # names a page, loads nothing
            blocking = "stylesheet" in rel and attributes.get("media", "all") != "print"
            self.scan.resources.append(Reference(tag, "href", attributes["href"], line, blocking))
        elif tag == "script" and attributes.get("src"):
            blocking = not ("defer" in attributes or "async" in attributes)
            blocking = blocking and attributes.get("type") != "module"
            self.scan.resources.append(Reference(tag, "src", attributes["src"], line, blocking))
        elif tag in ("img", "iframe", "audio", "video", "source", "embed", "track", "input"):
            for attr in ("src", "srcset", "poster"):
                if attributes.get(attr):
                    url = attributes[attr].split()[0]
                    self.scan.resources.append(Reference(tag, attr, url, line, False))
        elif tag == "object" and attributes.get("data"):
            self.scan.resources.append(Reference(tag, "data", attributes["data"], line, False))
        elif tag == "form" and attributes.get("action"):
            self.scan.links.append(Reference(tag, "action", attributes["action"], line, False))
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
