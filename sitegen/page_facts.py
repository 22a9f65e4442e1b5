"""What the later phases read in a built page, taken while its language's process holds it.

The search phase reads each page's text (sitegen.search_index.page_text) and the output
checks read its links, resources and ids (sitegen.html_scan.scan_page). Both used to read
every page back from disk after the languages phase and tokenize it, each in processes of
its own. Now, as mkdocs writes a page, the language's process tokenizes it once for both
(PageFacts plugin) and hands the facts back, keyed by the hash of the bytes written.
A phase looks a page's bytes up by that hash: a page that something changed after mkdocs
wrote it is read again from disk, as before (tests/site/test_page_facts.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.plugins import event_priority

from sitegen.html_scan import REFERRING, PageScan, ScanHandlers
from sitegen.html_tokens import RAW_TEXT
from sitegen.search_index import PageText, TextParser, finish_text
from sitegen.shared_files import content_key

# Attributes that make the scan keep a tag that refers to nothing (html_scan: ids, and
# the mark of a page that falls back on the Dutch text).
_SCANNED_ATTRIBUTES = ("id", "data-wg-fallback")


@dataclass(frozen=True)
class PageFacts:
    text: PageText
    scan: PageScan


class _Scan(ScanHandlers):
    def __init__(self, parser: TextParser) -> None:
        self.getpos = parser.getpos
        self._start_scan(1, keep_tags=False)


class _BothParser(TextParser):
    """The text parser's events, handed to a page scan too: one tokenization for both."""

    def __init__(self) -> None:
        super().__init__()
        self.scanner = _Scan(self)

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        # What scan_page is handed: the tags it may keep something of, and <style>.
        if (
            tag in REFERRING
            or tag in RAW_TEXT
            or any(name in _SCANNED_ATTRIBUTES for name, _ in attrs)
        ):
            self.scanner.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        self.scanner.handle_endtag(tag)

    def handle_data(self, data):
        super().handle_data(data)
        self.scanner.handle_data(data)


def facts_of(html: str) -> PageFacts:
    """page_text(html) and scan_page(html), from one pass over the page."""
    parser = _BothParser()
    parser.feed(html)
    return PageFacts(finish_text(parser), parser.scanner.scan)


def written_bytes(html: str) -> bytes:
    """The bytes mkdocs writes for a page's HTML (mkdocs.commands.build._build_page)."""
    return html.encode("utf-8", errors="xmlcharrefreplace")


class PageFactsPlugin:
    """Takes every page's facts as mkdocs writes it: after every other hook."""

    def __init__(self) -> None:
        self.by_digest: dict[str, PageFacts] = {}
        self._styles: dict[str, str] = {}

    @event_priority(-1000)
    def on_post_page(self, output, page, config):
        facts = facts_of(output)
        # Every page inlines the same stylesheet (8 KB): one object for all of them, which
        # the facts' trip to the main process then carries once, not once a page.
        css = facts.scan.inline_css
        css[:] = [self._styles.setdefault(style, style) for style in css]
        self.by_digest[content_key(written_bytes(output))] = facts
        return output
