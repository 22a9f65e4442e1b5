"""Golden-output checks on the tiny fixture site: files, lang/dir, fallback, hreflang."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sitegen.html_scan import scan_html
from sitegen.urls import is_remote
from wegwijs_shared.languages import load_languages

EXPECTED_PAGES = {
    "index.html", "mo/index.html", "kosten/index.html", "404.html",
    "en/index.html", "en/mo/index.html", "en/kosten/index.html", "en/404.html",
    "ar/index.html", "ar/mo/index.html", "ar/kosten/index.html", "ar/404.html",
    "ps/index.html", "ps/mo/index.html", "ps/kosten/index.html", "ps/404.html",
    "_staff/channels/index.html",
    # The offline page and the topic index of each language (hooks/offline_pack.py,
    # hooks/topic_index.py).
    "offline/index.html", "en/offline/index.html", "ar/offline/index.html", "ps/offline/index.html",
    "a-z/index.html", "en/a-z/index.html", "ar/a-z/index.html", "ps/a-z/index.html",
}  # fmt: skip
DIRECTION = {"nl": "ltr", "en": "ltr", "ar": "rtl", "ps": "rtl"}
SITE_URL = "http://127.0.0.1:8000/"
FIXTURE = Path(__file__).resolve().parent / "fixture"


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def html_tag(text: str) -> str:
    return re.search(r"<html[^>]*>", text).group(0)


def hreflangs(text: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', text))


def test_output_file_list(fixture_site):
    pages = {p.relative_to(fixture_site).as_posix() for p in fixture_site.rglob("*.html")}
    assert pages == EXPECTED_PAGES
    files = {
        p.relative_to(fixture_site).as_posix()
        for p in fixture_site.rglob("*")
        if p.is_file() and p.suffix not in (".html", ".br", ".gz")
    }
    search = {name for name in files if name.startswith("pagefind/")}
    assert {"pagefind/pagefind.js", "pagefind/pagefind-entry.json"} <= search
    files -= search
    print_qr = {name for name in files if name.endswith("qr-folder.svg")}
    staff_qr = {name for name in files if name.startswith("_staff/qr/")}
    # No Material bundle, fonts or images: our favicon, the feedback script, the
    # service worker, the sitemap and robots.txt, the page list, and the QR codes.
    assert files - print_qr - staff_qr == {
        "assets/favicon.svg", "assets/feedback.js", "sw.js", "sitemap.xml", "robots.txt",
        "pages.json", "assets/offline.js", "assets/search.js",
        "assets/listen.js", "assets/language-offer.js",
        "offline.json", "en/offline.json", "ar/offline.json", "ps/offline.json",
        ".wegwijs-build.json",  # the record of a finished build (never published)
    }  # fmt: skip
    # A print QR code beside every content page in every language (not the staff page).
    assert print_qr == {
        f"{prefix}{page}qr-folder.svg"
        for prefix in ("", "en/", "ar/", "ps/")
        for page in ("", "mo/", "kosten/")
    }
    # A staff QR code for every language and channel.
    assert len(staff_qr) == 4 * 10 and "_staff/qr/ar-letter.svg" in staff_qr


def test_every_text_file_has_br_and_gz(public_fixture_site):
    for page in public_fixture_site.rglob("*.html"):
        assert page.with_name(page.name + ".br").stat().st_size > 0
        assert page.with_name(page.name + ".gz").stat().st_size > 0


@pytest.mark.parametrize("rel", sorted(EXPECTED_PAGES))
def test_lang_and_dir_on_every_page(fixture_site, rel):
    code = rel.split("/")[0] if rel.split("/")[0] in DIRECTION else "nl"
    text = read(fixture_site, rel)
    assert html_tag(text) == f'<html lang="{code}" dir="{DIRECTION[code]}">'
    assert f'<body dir="{DIRECTION[code]}">' in text


def test_fallback_page_has_notice_in_readers_language_and_dutch_markup(fixture_site):
    text = read(fixture_site, "ar/kosten/index.html")
    assert '<p class="wg-notice" role="note">هذه الصفحة غير متوفرة بعد باللغة العربية.' in text
    wrapper = re.search(r'<div lang="nl" dir="ltr" data-wg-fallback>(.*?)</article>', text, re.S)
    assert wrapper and "Deze pagina is alleen in het Nederlands." in wrapper.group(1)
    # The Pashto UI strings come from our own partial, not from a wrong language.
    ps = read(fixture_site, "ps/kosten/index.html")
    assert '<html lang="ps" dir="rtl">' in ps
    assert 'class="wg-notice"' in ps and "Deze pagina is alleen" in ps


def pages_of(content: Path, code: str) -> set[Path]:
    return {p.relative_to(content / code) for p in (content / code).rglob("*.md")}


def test_the_fixture_keeps_a_right_to_left_language_partial():
    # The hard case of fallback is a right-to-left site showing left-to-right Dutch text.
    # Every language of the real site may become complete; this fixture keeps the case.
    content = FIXTURE / "content"
    partial = [
        language.code
        for language in load_languages(FIXTURE / "languages.yml")
        if language.dir == "rtl" and pages_of(content, language.code) < pages_of(content, "nl")
    ]
    assert partial, "keep a right-to-left language of tests/site/fixture partial"


def test_translated_page_has_no_notice(fixture_site):
    text = read(fixture_site, "ar/mo/index.html")
    assert 'class="wg-notice"' not in text and "data-wg-fallback" not in text
    assert "الدورة بلغتك." in text


def test_hreflang_only_for_real_translations(fixture_site):
    # mo exists in nl, en, ar; not in ps.
    expected = {
        "nl": SITE_URL + "mo/", "en": SITE_URL + "en/mo/", "ar": SITE_URL + "ar/mo/",
        "x-default": SITE_URL + "mo/",
    }  # fmt: skip
    for rel in ("mo/index.html", "en/mo/index.html", "ar/mo/index.html"):
        assert hreflangs(read(fixture_site, rel)) == expected
    # A fallback is not a translation: no alternates, canonical to the Dutch original.
    ps = read(fixture_site, "ps/mo/index.html")
    assert hreflangs(ps) == {}
    assert f'<link rel="canonical" href="{SITE_URL}mo/">' in ps
    assert f'<link rel="canonical" href="{SITE_URL}ar/mo/">' in read(
        fixture_site, "ar/mo/index.html"
    )


def test_language_switcher_separates_real_translations(fixture_site):
    text = read(fixture_site, "ar/kosten/index.html")
    available, missing = re.search(
        r'<details class="wg-langs">.*?<ul>(.*?)</ul>.*?<ul>(.*?)</ul>', text, re.S
    ).groups()
    assert re.findall(r' lang="(\w+)"', available) == ["nl"]
    assert re.findall(r' lang="(\w+)"', missing) == ["en", "ar", "ps"]
    assert 'href="../../en/kosten/"' in missing


def test_fallback_nav_items_are_marked_dutch_and_say_so(fixture_site):
    nav = re.search(r'<nav id="wg-menu".*?</nav>', read(fixture_site, "ar/index.html"), re.S)
    items = re.findall(r"<li><a [^>]*>(.*?)</a>", nav.group(0))
    # A topic only Dutch has says so in the reader's language, its title marked Dutch.
    assert items == [
        "أهلاً", "دورة التوجيه الاجتماعي", '<span lang="nl" dir="ltr">Kosten</span> (بالهولندية)'
    ]  # fmt: skip


def test_description_and_title_from_front_matter(fixture_site):
    text = read(fixture_site, "en/mo/index.html")
    assert '<meta name="description" content="About the civic orientation course.">' in text
    assert "<title>MO course - Wegwijs</title>" in text


def test_404_page_per_language(fixture_site):
    assert '<h1 id="wg-start">الصفحة غير موجودة</h1>' in read(fixture_site, "ar/404.html")
    assert '<h1 id="wg-start">Page not found</h1>' in read(fixture_site, "en/404.html")
    assert '<h1 id="wg-start">Pagina niet gevonden</h1>' in read(fixture_site, "404.html")
    # Served at any depth, so its links are absolute paths.
    assert 'href="/ar/"' in read(fixture_site, "ar/404.html")
    # Its tab says what happened, in its language; it is no page in any language, so it
    # advertises no alternates; its description is in its own language, not Dutch.
    arabic = read(fixture_site, "ar/404.html")
    assert "<title>الصفحة غير موجودة - Wegwijs</title>" in arabic
    assert "<title>Page not found - Wegwijs</title>" in read(fixture_site, "en/404.html")
    for rel in ("404.html", "ar/404.html", "en/404.html"):
        assert hreflangs(read(fixture_site, rel)) == {}, rel
    description = re.search(r'<meta name="description" content="([^"]*)">', arabic)[1]
    assert re.search("[\u0600-\u06ff]", description), description
    for rel in ("ar/a-z/index.html", "ar/offline/index.html"):
        assert f'<meta name="description" content="{description}">' in read(fixture_site, rel)


def test_sitemap_lists_translations_with_alternates(fixture_site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(read(fixture_site, "sitemap.xml"))
    locs = {url.find("s:loc", ns).text: url for url in root.findall("s:url", ns)}
    assert set(locs) == {
        SITE_URL, SITE_URL + "en/", SITE_URL + "ar/", SITE_URL + "ps/",
        SITE_URL + "mo/", SITE_URL + "en/mo/", SITE_URL + "ar/mo/", SITE_URL + "kosten/",
    }  # fmt: skip
    alternates = {link.get("hreflang") for link in locs[SITE_URL + "mo/"].findall("x:link", ns)}
    assert alternates == {"nl", "en", "ar", "x-default"}


def test_pages_load_nothing_from_other_hosts_and_block_on_no_script(fixture_site):
    for page in fixture_site.rglob("*.html"):
        scan = scan_html(page.read_text(encoding="utf-8"))
        assert [r.url for r in scan.resources if is_remote(r.url)] == [], page
        assert [r.url for r in scan.resources if r.blocking] == [], page


def test_only_reader_content_pages_are_indexed(fixture_site):
    noindex = '<meta name="robots" content="noindex">'
    for rel in ("404.html", "ar/404.html", "_staff/channels/index.html"):
        assert noindex in read(fixture_site, rel), rel
    for rel in ("index.html", "ar/mo/index.html", "ps/kosten/index.html"):
        assert noindex not in read(fixture_site, rel), rel
    robots = read(fixture_site, "robots.txt")
    assert "Disallow: /_staff/" in robots and f"Sitemap: {SITE_URL}sitemap.xml" in robots


def test_a_fallback_pages_title_says_in_the_readers_language_that_it_is_dutch(fixture_site):
    # The <title> cannot carry lang="nl": it says so in words instead.
    assert "<title>Kosten (in Dutch) - Wegwijs</title>" in read(
        fixture_site, "en/kosten/index.html"
    )
    assert "<title>Kosten (بالهولندية) - Wegwijs</title>" in read(
        fixture_site, "ar/kosten/index.html"
    )
    assert "<title>Kosten - Wegwijs</title>" in read(fixture_site, "kosten/index.html")
    assert "<title>MO course - Wegwijs</title>" in read(fixture_site, "en/mo/index.html")


def test_next_step_titles_of_fallback_pages_are_marked_dutch(fixture_site):
    def next_link(rel: str) -> str:
        found = re.search(r'<p class="wg-next"><a [^>]*>(.*?)</a></p>', read(fixture_site, rel))
        return found.group(1)

    # mo's next step is kosten, which only Dutch has; index's next step is mo.
    assert (
        next_link("en/mo/index.html")
        == 'Next step: <span lang="nl" dir="ltr">Kosten</span> (in Dutch)'
    )
    assert next_link("en/index.html") == "Next step: MO course"
    assert next_link("mo/index.html").endswith(": Kosten")  # Dutch in Dutch: nothing to mark
    ps = next_link("ps/index.html")  # ps has no mo.md: the Dutch page is its next step
    assert ps.endswith('<span lang="nl" dir="ltr">Cursus MO</span> (په هالنډي)')
