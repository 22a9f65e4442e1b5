"""A quick tokenizer for the pages the build wrote, with html.parser's handler methods.

Every built page is read twice after rendering (the search text, the output checks),
and html.parser spends about 5 ms on one of our 28 KB pages, most of it in Python,
character run by character run. Built pages are well-formed HTML that our templates
wrote, so one regular expression that finds the tags (and the text between them)
does the same work about five times faster.

Subclasses implement the handlers they need, as with html.parser.HTMLParser:
handle_starttag(tag, attrs), handle_startendtag(tag, attrs), handle_endtag(tag) and
handle_data(text), and may call getpos() for the line of the tag being handled.
Names are lower-cased, an attribute without a value has None, character references
in text and values are decoded, and the text of <script> and <style> is passed
as it is, as html.parser does. HTML that editors write in Markdown may be broken:
it is read by html.parser (sitegen.html_scan), which is more forgiving.
"""

from __future__ import annotations

import re
from html import unescape

_TOKEN = re.compile(
    r"""
    <!--.*?(?:-->|\Z)                             # a comment (to the end, if never closed)
    | <[!?][^>]*>?                                # a doctype, a processing instruction
    | </(?P<end>[a-zA-Z][^\s/>]*)[^>]*>           # an end tag
    | <(?P<start>[a-zA-Z][^\s/>]*)                # a start tag: its name,
      (?P<attrs>(?:[^>"']|"[^"]*"|'[^']*')*)>     # its attributes (quoted values may hold >)
    """,
    re.DOTALL | re.VERBOSE,
)
_ATTRIBUTE = re.compile(
    r"""([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?"""
)
RAW_TEXT = ("script", "style")  # their content is text, never tags


def _value(text: str) -> str:
    return unescape(text) if "&" in text else text


class TagTokenizer:
    # False: hand over only the start tags `wants` accepts and the text of <script> and
    # <style>; no other text, no other end tags (a scan that needs no structure).
    structure = True

    def wants(self, tag: str, raw: str) -> bool:
        """Whether a start tag (its name, its attributes unparsed) is handed over."""
        return True

    def __init__(self) -> None:
        self._text = ""
        self._line = 1
        self._counted_to = 0  # self._line is the line of this offset
        self._at = 0  # the offset of the token being handled

    def getpos(self) -> tuple[int, int]:
        """(line, column) of the token being handled, as html.parser gives them."""
        self._line += self._text.count("\n", self._counted_to, self._at)
        self._counted_to = self._at
        return self._line, self._at - self._text.rfind("\n", 0, self._at) - 1

    def feed(self, text: str) -> None:
        """The whole document at once (unlike html.parser, not in pieces)."""
        self._text = text
        structure = self.structure
        position, end = 0, len(text)
        while position < end:
            match = _TOKEN.search(text, position)
            if match is None:
                if structure:
                    self._data(text[position:])
                return
            if structure and match.start() > position:
                self._data(text[position : match.start()])
            self._at = match.start()
            position = match.end()
            if match["end"]:
                if structure:
                    self.handle_endtag(match["end"].lower())
            elif match["start"]:
                tag, raw = match["start"].lower(), match["attrs"]
                if structure or tag in RAW_TEXT or self.wants(tag, raw):
                    position = self._start(tag, raw, position)

    def close(self) -> None:
        pass

    def _data(self, text: str) -> None:
        self.handle_data(_value(text))

    def _start(self, tag: str, raw: str, position: int) -> int:
        attrs = [
            # lastindex 1: a name without a value; else the one value group that matched
            (found[1].lower(), None if found.lastindex == 1 else _value(found[found.lastindex]))
            for found in _ATTRIBUTE.finditer(raw)
        ]
        if raw.endswith("/"):
            self.handle_startendtag(tag, attrs)
            return position
        self.handle_starttag(tag, attrs)
        if tag not in RAW_TEXT:
            return position
        # The text up to the matching end tag, as it is; then that end tag.
        close = re.compile(rf"</{tag}\b[^>]*>", re.IGNORECASE).search(self._text, position)
        stop = close.start() if close else len(self._text)
        if stop > position:
            self.handle_data(self._text[position:stop])
        if close is None:
            return stop
        self._at = close.start()
        self.handle_endtag(tag)
        return close.end()

    # Handlers: subclasses override the ones they need.
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        pass

    def handle_data(self, data: str) -> None:
        pass
