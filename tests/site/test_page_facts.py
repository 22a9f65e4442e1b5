"""The facts a page's process takes as mkdocs writes it are what the later phases would
read from the page on disk; a page changed since is read from disk again."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest

from sitegen.html_scan import Reference, scan_page
from sitegen.mkdocs_seams import build_language_pages
from sitegen.output_checks import check_site
from sitegen.page_facts import PageFacts, facts_of
from sitegen.search_index import PageText, TextCache, page_text
from wegwijs_shared.languages import load_languages


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("site", ["real_site", "fixture_site"])
def test_one_pass_gives_the_text_and_the_scan_of_every_built_page(site, request):
    pages = sorted(request.getfixturevalue(site).rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert facts_of(html) == PageFacts(page_text(html), scan_page(html)), page


def test_a_language_process_hands_back_the_facts_of_every_page_it_wrote(fixture_copy, tmp_path):
    languages = load_languages(fixture_copy / "languages.yml")
    wegwijs = {
        "languages": [vars(lang) for lang in languages],
        "target": "ar",
        "template_cache": str(tmp_path / "templates"),
    }
    out = tmp_path / "out"
    config, content = fixture_copy / "mkdocs.yml", fixture_copy / "content"
    facts = build_language_pages(config, content, out, languages, "ar", wegwijs).facts
    pages = [page for page in out.rglob("*.html") if page.name != "404.html"]
    assert len(pages) >= 5
    for page in pages:  # the 404 page is a theme template: scanned from disk
        html = page.read_text(encoding="utf-8")
        assert facts[digest(page)] == facts_of(html), page
    # The stylesheet every page inlines travels as one object, not one a page.
    styles = [style for fact in facts.values() for style in fact.scan.inline_css]
    assert len(styles) >= len(pages) and len({id(style) for style in styles}) == 1


def test_the_search_phase_takes_a_given_text_by_the_pages_bytes(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("<article><h1>Kosten</h1><p>Wat het kost.</p></article>", encoding="utf-8")
    given = PageText(title="given", words="given")
    texts = TextCache(None, {digest(page): given})
    assert texts.page_text(page.read_bytes()) is given
    page.write_text("<article><h1>Kosten</h1><p>Nu anders.</p></article>", encoding="utf-8")
    assert texts.page_text(page.read_bytes()).title == "Kosten"  # changed: read again


def test_the_output_checks_take_a_given_scan_by_the_pages_bytes(tmp_path):
    site = tmp_path / "site"
    (site / "mo").mkdir(parents=True)
    page = site / "mo" / "index.html"
    page.write_text('<a href="../">home</a>', encoding="utf-8")
    (site / "index.html").write_text("<p>home</p>", encoding="utf-8")
    scan = scan_page(page.read_text(encoding="utf-8"))
    broken = replace(scan, references=[Reference("link", "../nowhere/", 1)])
    given = {digest(page): broken}
    problems, _ = check_site(site, 14_000, given=given)
    assert [p.message.split(":")[0] for p in problems] == ["link to ../nowhere/ leads nowhere"]
    page.write_text('<a href="../">home</a> ', encoding="utf-8")  # changed: scanned again
    assert check_site(site, 14_000, given=given)[0] == []
