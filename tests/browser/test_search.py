"""Search per language in headless Chromium on the real site: only pages of the reader's
language, words found with or without short vowels and with any alef or yeh, Dutch terms
kept in translations, and nothing of the index fetched before the reader searches."""

from __future__ import annotations

import json

import pytest

from sitegen.search_index import fold
from tests.browser.conftest import ui_string, wait_in_page

pytestmark = pytest.mark.browser


def search(page, query: str) -> list[str]:
    """Type a query and submit it; the result links' paths once the status says so."""
    page.fill("#wg-q", query)
    page.press("#wg-q", "Enter")
    wait_in_page(
        page,
        "(s => s !== '' && s !== document.querySelector('[data-wg-search]').dataset.loading)"
        "(document.querySelector('.wg-search-status').textContent)",
    )
    links = page.locator(".wg-results a")
    return [link.get_attribute("href").split("://", 1)[1].split("/", 1)[1] for link in links.all()]


@pytest.fixture
def index_requests(context):
    """Every request for the search index and its code, as the page makes them."""
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    return lambda: [url for url in seen if "/pagefind/" in url]


def test_arabic_search_finds_only_arabic_pages_and_fetches_nothing_before(
    context, site_url, index_requests
):
    page = context.new_page()
    page.goto(site_url + "/ar/mo/")
    page.get_by_role("link", name=ui_string("ar", "search.link")).click()
    page.wait_for_url(site_url + "/ar/a-z/")
    page.wait_for_load_state("networkidle")
    assert index_requests() == []
    found = search(page, "VDAB")  # a Dutch term the Arabic pages keep
    assert found and all(path.startswith("ar/") for path in found), found
    assert index_requests()
    assert page.locator(".wg-results").get_attribute("class") == "wg-results"
    assert page.locator("html").get_attribute("dir") == "rtl"
    # The count is written in Latin digits, as the pages write their numbers.
    count = ui_string("ar", "search.results").replace("{count}", str(len(found)))
    assert page.locator(".wg-search-status").inner_text() == count


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("مُعَلِّم", "معلم"),  # short vowels and shadda
        ("الإختبار", "الاختبار"),  # alef with hamza below
        ("الاجتماعى", "الاجتماعي"),  # alef maksura for yeh
    ],
)
def test_a_word_with_or_without_marks_finds_the_same_pages(context, site_url, written, plain):
    page = context.new_page()
    page.goto(site_url + "/ar/a-z/")
    with_marks = search(page, written)
    assert "ar/mo/" in with_marks
    assert search(page, plain) == with_marks


def test_russian_and_dutch_search_stay_in_their_language(context, site_url):
    page = context.new_page()
    page.goto(site_url + "/ru/a-z/")
    found = search(page, "тест")
    assert found and all(path.startswith("ru/") for path in found), found
    page.goto(site_url + "/a-z/")
    found = search(page, "attest")
    assert "attest/" in found
    assert not any(path.split("/")[0] in ("ar", "en", "fr", "ru", "fa", "ps") for path in found)


def test_nothing_found_says_so_in_the_readers_language(context, site_url):
    page = context.new_page()
    page.goto(site_url + "/fa/a-z/")
    assert search(page, "qqqzzzxxx") == []
    assert page.locator(".wg-search-status").inner_text() == ui_string("fa", "search.none")


SAMPLES = [
    "مُعَلِّمٌ إِختبار آخر ٱلكتاب الأُولى مدرسة",
    "کتاب یک ی ك ي ۀ می\u200cخواهم ١٢٣ ۴۵۶",
    "ትግርኛ፡ቋንቋ። ሰላም፣ እንታይ",
    "Ёлка ЁЖ Экзамен Йод",
    "Attest VDAB MO Oriëntatie École",
    "ښه ټیلیفون ګټه ډېر ړ ږ",
]


def test_the_page_folds_queries_as_the_build_folded_the_index(context, site_url):
    page = context.new_page()
    page.goto(site_url + "/ar/a-z/")
    folded = page.evaluate(f"{json.dumps(SAMPLES)}.map(window.wegwijsFold)")
    assert folded == [fold(text) for text in SAMPLES]
    # Ethiopic word marks are word breaks, Cyrillic keeps its letters apart from its marks.
    assert fold("ትግርኛ፡ቋንቋ።") == "ትግርኛ ቋንቋ "
    assert fold("Ёлка") == "елка"


@pytest.mark.parametrize(("path", "query"), [("/a-z/", "inburgering"), ("/ar/a-z/", "الدورة")])
def test_axe_finds_nothing_on_the_topic_index_with_results(context, site_url, path, query):
    from axe_playwright_python.sync_playwright import Axe

    page = context.new_page()
    page.goto(site_url + path)
    assert search(page, query)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_without_javascript_the_header_leads_to_the_a_to_z_index(nojs_context, site_url):
    page = nojs_context.new_page()
    page.goto(site_url + "/fa/mo/")
    page.get_by_role("link", name=ui_string("fa", "search.link")).click()
    page.wait_for_url(site_url + "/fa/a-z/")
    assert page.locator("[data-wg-search]").is_hidden()
    # No search box, and the page says why: not a broken button.
    assert page.get_by_text(ui_string("fa", "search.nojs")).is_visible()
    assert page.locator("h1").inner_text() == ui_string("fa", "topics.title")
    # Every page of the language is listed, and the headings inside them.
    links = [link.get_attribute("href") for link in page.locator(".wg-az a").all()]
    assert "../mo/" in links and any(href.startswith("../mo/#") for href in links)
    page.locator(".wg-az a[href='../mo/']").click()
    page.wait_for_url(site_url + "/fa/mo/")


def test_with_javascript_the_a_to_z_index_does_not_say_search_needs_it(context, site_url):
    page = context.new_page()
    page.goto(site_url + "/fa/a-z/")
    assert page.locator("[data-wg-search]").is_visible()
    assert page.get_by_text(ui_string("fa", "search.nojs")).is_hidden()
