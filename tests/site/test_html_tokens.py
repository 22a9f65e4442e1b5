"""The quick tokenizer of built pages gives html.parser's events, on every built page.

The output checks and the search index read every page through it; if it read a
page differently from html.parser, a broken link or a page's text could be missed.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from sitegen.html_scan import scan_html, scan_page
from sitegen.html_tokens import TagTokenizer


class _Events:
    """Records what the handlers are given: tags with their attributes and line, text."""

    def _reset(self) -> None:
        self.events: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, attrs, self.getpos()[0]))

    def handle_startendtag(self, tag, attrs):
        self.events.append(("startend", tag, attrs, self.getpos()[0]))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_data(self, data):
        # html.parser may hand one run of text over in pieces: join them.
        if self.events and self.events[-1][0] == "data":
            self.events[-1] = ("data", self.events[-1][1] + data)
        else:
            self.events.append(("data", data))


class _Quick(_Events, TagTokenizer):
    def __init__(self) -> None:
        TagTokenizer.__init__(self)
        self._reset()


class _Reference(_Events, HTMLParser):
    def __init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)
        self._reset()


def events(parser_class, text: str) -> list[tuple]:
    parser = parser_class()
    parser.feed(text)
    parser.close()
    return parser.events


TRICKY = """<!doctype html>
<HTML lang="ar" dir=rtl>
<!-- a comment with <a href="/nowhere/"> inside -->
<head><style>a > b { content: "</p>" }</style>
<script>if (a < b && "<a href='x'>") {}</script></head>
<body data-wg-fallback class='a b'>
<a href="/x/?a=1&amp;b=2" title="1 > 0" hidden>caf&eacute; &amp; thé &#1575;</a>
<img src="/i.png" alt="" /><br/><input type=checkbox checked>
<p>a < b and c > d</p>
<svg viewBox="0 0 1 1"><path d="M0 0"/></svg>
</body></html>
"""


def test_tricky_html_gives_the_same_events():
    assert events(_Quick, TRICKY) == events(_Reference, TRICKY)


def test_the_scan_of_a_page_is_html_parsers_without_the_tags():
    quick, reference = scan_page(TRICKY), scan_html(TRICKY)
    assert quick.tags == [] and reference.tags
    reference.tags = []
    assert quick == reference
    assert quick.fallback and [ref.url for ref in quick.links] == ["/x/?a=1&b=2"]


@pytest.mark.parametrize("site", ["real_site", "fixture_site"])
def test_every_built_page_gives_the_same_events(site, request):
    site_dir = request.getfixturevalue(site)
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert events(_Quick, text) == events(_Reference, text), page
        # The page scan skips tags that refer to nothing and carry no id: the same scan.
        reference = scan_html(text)
        reference.tags = []
        assert scan_page(text) == reference, page
