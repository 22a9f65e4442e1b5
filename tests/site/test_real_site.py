"""The real content, built in every language: budget, no other hosts, honest languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitegen.compress import exact_size
from sitegen.html_scan import scan_html
from sitegen.settings import BUDGET_BYTES
from sitegen.urls import is_remote
from wegwijs_shared.languages import load_languages

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = load_languages()
DUTCH_PAGES = sorted(
    p.relative_to(ROOT / "content" / "nl").as_posix()
    for p in (ROOT / "content" / "nl").rglob("*.md")
)


def language_of(site: Path, page: Path) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in {lang.code for lang in LANGUAGES[1:]} else "nl"


@pytest.mark.slow
def test_every_page_fits_the_first_round_trip(real_site):
    pages = sorted(real_site.rglob("*.html"))
    # Every Dutch page, a 404, the offline page and the topic index in every language,
    # plus the staff channel page and the editors' translation status page.
    assert len(pages) == len(LANGUAGES) * (len(DUTCH_PAGES) + 3) + 2
    for page in pages:
        # Pages inline their only stylesheet and have no blocking script, so the
        # critical path is the HTML itself.
        assert not [r for r in scan_html(page.read_text(encoding="utf-8")).resources if r.blocking]
        assert exact_size(page) <= BUDGET_BYTES, page


def test_every_script_is_small_deferred_and_optional(real_site):
    scripts = [*(real_site / "assets").glob("*.js"), real_site / "sw.js"]
    for script in scripts:
        assert exact_size(script) <= 3 * 1024, script.name
    page = (real_site / "ar" / "mo" / "index.html").read_text(encoding="utf-8")
    tags = [tag for tag in scan_html(page).tags if tag.name == "script"]
    assert all("defer" in tag.attrs for tag in tags)
    assert [tag.attrs["src"] for tag in tags] == [
        "../../assets/feedback.js",
        "../../assets/offline.js",
        "../../assets/listen.js",
    ]


@pytest.mark.slow
def test_no_page_requests_another_host(real_site):
    for page in real_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        scan = scan_html(text)
        assert [r.url for r in scan.resources if is_remote(r.url)] == [], page
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), page


@pytest.mark.slow
def test_lang_and_dir_match_languages_yml(real_site):
    by_code = {lang.code: lang for lang in LANGUAGES}
    for page in real_site.rglob("*.html"):
        lang = by_code[language_of(real_site, page)]
        head = page.read_text(encoding="utf-8")[:200]
        assert f'<html lang="{lang.code}" dir="{lang.dir}">' in head, page


def test_english_and_arabic_translate_every_page():
    for code in ("en", "ar"):
        have = sorted(
            p.relative_to(ROOT / "content" / code).as_posix()
            for p in (ROOT / "content" / code).rglob("*.md")
        )
        assert have == DUTCH_PAGES, code


def test_every_language_has_home_and_mo_page():
    for lang in LANGUAGES:
        for page in ("index.md", "mo.md", "feedback/thanks.md", "feedback/error.md"):
            assert (ROOT / "content" / lang.code / page).is_file(), (lang.code, page)
