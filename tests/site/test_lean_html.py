"""Pages without the templates' indentation read and render the same."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import sitegen.lean_html
from sitegen.lean_html import without_indentation
from tests.site.conftest import build_site, fixture_project

_RAW = ("pre", "textarea", "script", "style")


class _Rendered(HTMLParser):
    """Tags with their attributes, and text as a browser lays it out: white space runs as
    one space, except inside elements whose white space is content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []
        self.raw = 0

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, attrs))
        self.raw += tag in _RAW

    def handle_endtag(self, tag):
        self.events.append(("end", tag))
        self.raw -= tag in _RAW

    def handle_data(self, data):
        text = data if self.raw else re.sub(r"\s+", " ", data)
        if self.events and self.events[-1][0] == "text":
            text = self.events.pop()[1] + text
            text = text if self.raw else re.sub(r"\s+", " ", text)
        if text.strip() or self.raw:
            self.events.append(("text", text))


def rendered(html: str) -> list[tuple]:
    parser = _Rendered()
    parser.feed(html)
    parser.close()
    return parser.events


def test_white_space_that_is_content_is_kept():
    html = (
        "<ul>\n    <li><a href='/'>a</a></li>\n    <li>b</li>\n  </ul>\n"
        "<pre>\n  code\n    indented\n</pre>\n  <textarea>\n  typed\n</textarea>\n"
        "<script>\n  var a = 1;\n</script>\n<p>two\n    lines</p>"
    )
    lean = without_indentation(html)
    assert "<ul>\n<li><a href='/'>a</a></li>\n<li>b</li>\n</ul>" in lean
    assert "<pre>\n  code\n    indented\n</pre>" in lean
    assert "<textarea>\n  typed\n</textarea>" in lean
    assert "<script>\n  var a = 1;\n</script>" in lean
    assert "<p>two\n    lines</p>" in lean  # text is not between two tags
    assert without_indentation(lean) == lean
    assert rendered(lean) == rendered(html)


def test_every_page_reads_and_renders_as_the_templates_wrote_it(tmp_path, monkeypatch):
    project = fixture_project(tmp_path / "fixture")

    def build(name: str):
        out = tmp_path / name
        config, content = project / "mkdocs.yml", project / "content"
        assert build_site(config, content, out, project / "languages.yml", "--jobs", "1") == 0
        return {path.relative_to(out): path.read_text("utf-8") for path in out.rglob("*.html")}

    lean = build("lean")
    monkeypatch.setattr(sitegen.lean_html, "without_indentation", lambda html: html)
    as_written = build("as-written")
    assert lean.keys() == as_written.keys() and len(lean) > 20
    for page, html in as_written.items():
        assert lean[page] == without_indentation(html), page
        assert rendered(lean[page]) == rendered(html), page
    before = sum(len(html.encode()) for html in as_written.values())
    after = sum(len(html.encode()) for html in lean.values())
    assert after < 0.95 * before
