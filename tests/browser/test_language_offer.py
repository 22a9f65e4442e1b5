"""The first screen finds the reader's language, in headless Chromium on the real site:
the root page shows every language by its own name on a 320 px phone, and a Dutch page
offers the reader's own language in one line (with JavaScript), never redirecting and
storing nothing."""

from __future__ import annotations

import pytest

from tests.browser.conftest import LocalServer, ui_string
from tests.browser.small_site import small_site
from wegwijs_shared.languages import load_languages

pytestmark = pytest.mark.browser
__all__ = ["small_site"]  # the fixture, imported for pytest

LANGUAGES = load_languages()
PHONE = {"width": 320, "height": 568}


@pytest.fixture
def reader(browser):
    """A browser profile whose preferred language the test chooses."""
    made = []

    def open_context(locale: str, **options):
        context = browser.new_context(viewport=PHONE, locale=locale, **options)
        made.append(context)
        return context

    yield open_context
    for context in made:
        context.close()


def test_root_page_shows_every_language_on_the_first_screen(reader, site_url):
    page = reader("nl-BE", java_script_enabled=False).new_page()
    page.goto(site_url + "/")
    first = page.get_by_role("navigation", name=ui_string("nl", "lang.choose"))
    for language in LANGUAGES:
        link = first.get_by_role("link", name=language.name, exact=True)
        assert link.get_attribute("lang") == language.code
        assert link.get_attribute("dir") == language.dir
        box = link.bounding_box()
        assert box is not None and link.is_visible(), language.code
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], language.code
        assert box["y"] + box["height"] <= PHONE["height"], language.code
        assert box["height"] >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_dutch_page_offers_the_readers_language_in_that_language(reader, site_url):
    context = reader("ar-EG")
    page = context.new_page()
    page.goto(site_url + "/mo/")
    offer = page.locator("[data-wg-offer]")
    offer.wait_for(state="visible")
    link = offer.get_by_role("link")
    arabic = next(lang for lang in LANGUAGES if lang.code == "ar")
    assert link.inner_text() == ui_string("ar", "offer.page").replace("{lang}", arabic.name)
    assert (link.get_attribute("lang"), link.get_attribute("dir")) == ("ar", "rtl")
    # Offered, not done: the reader stays on the Dutch page, and nothing is stored.
    page.wait_for_timeout(300)
    assert page.url == site_url + "/mo/"
    assert context.cookies() == [] and page.evaluate("document.cookie") == ""
    link.click()
    page.wait_for_url(site_url + "/ar/mo/")


@pytest.mark.parametrize("locale", ["nl-BE", "de-DE"])
def test_no_offer_for_dutch_readers_or_languages_the_site_lacks(reader, site_url, locale):
    page = reader(locale).new_page()
    page.goto(site_url + "/mo/")
    page.wait_for_load_state("load")
    assert page.locator("[data-wg-offer]").is_hidden()


def test_a_region_finds_its_language(reader, site_url):
    page = reader("fa-IR").new_page()
    page.goto(site_url + "/kosten/")
    page.locator("[data-wg-offer] a[hreflang='fa']").wait_for(state="visible")
    assert page.locator("[data-wg-offer] a").count() == 1


def test_a_phone_set_to_dari_is_offered_dari_not_persian(reader, site_url):
    # fa-AF is what browsers call Dari (CLDR); the site's code for it is prs.
    page = reader("fa-AF").new_page()
    page.goto(site_url + "/kosten/")
    page.locator("[data-wg-offer] a[hreflang='prs']").wait_for(state="visible")
    assert page.locator("[data-wg-offer] a").count() == 1


@pytest.mark.parametrize("locale", ["ku-IQ", "ckb-IQ"])
def test_a_phone_set_to_kurdish_of_iraq_is_offered_sorani(reader, site_url, locale):
    page = reader(locale).new_page()
    page.goto(site_url + "/kosten/")
    page.locator("[data-wg-offer] a[hreflang='ckb']").wait_for(state="visible")


def test_a_page_without_translation_offers_nothing(reader, small_site, db_path):
    server = LocalServer(small_site, db_path)  # kosten.md is only in Dutch there
    try:
        page = reader("ar-EG").new_page()
        page.goto(server.url + "/kosten/")
        page.wait_for_load_state("load")
        assert page.locator("[data-wg-offer]").count() == 0
        page.goto(server.url + "/mo/")
        page.locator("[data-wg-offer] a[hreflang='ar']").wait_for(state="visible")
    finally:
        server.stop()


def test_without_javascript_no_offer(reader, site_url):
    page = reader("ar-EG", java_script_enabled=False).new_page()
    page.goto(site_url + "/mo/")
    assert page.locator("[data-wg-offer]").is_hidden()


@pytest.mark.parametrize(("locale", "path"), [("ar-EG", "/"), ("nl-BE", "/ar/")])
def test_axe_finds_nothing_on_the_first_screens(reader, site_url, locale, path):
    from axe_playwright_python.sync_playwright import Axe

    page = reader(locale).new_page()
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    if path == "/":
        page.locator("[data-wg-offer]").wait_for(state="visible")
    else:  # a language's home page shows "Keep this language on my phone"
        page.locator("[data-wg-keep]").wait_for(state="visible")
        page.locator("[data-wg-keep-ask]").click()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
