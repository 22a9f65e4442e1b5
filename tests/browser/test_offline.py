"""Offline reading in headless Chromium against a real server: visited pages, the offline
page of the reader's language, a whole language kept on the phone, a new build, and how
many requests a page view makes. The small fixture site keeps the two builds fast."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.browser.conftest import LocalServer, ui_string, wait_in_page
from tests.browser.small_site import build, small_site
from tests.site.conftest import fixture_project

pytestmark = pytest.mark.browser
__all__ = ["small_site"]  # the fixture, imported for pytest


class CountingServer(LocalServer):
    """The site and the feedback app, counting every request path the server answers."""

    def __init__(self, site_dir: Path, db_path: Path) -> None:
        self.requests: list[str] = []
        super().__init__(site_dir, db_path)

    def start(self) -> None:
        def counted(environ, start_response):
            self.requests.append(environ.get("PATH_INFO", ""))
            return self.app(environ, start_response)

        self.server = make_server("127.0.0.1", self.port, counted, threaded=True)
        self.port = self.server.server_port
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.running = True

    def stop(self) -> None:
        if self.running:
            super().stop()
        self.running = False


@pytest.fixture
def server(small_site, db_path):
    made = CountingServer(small_site, db_path)
    yield made
    made.stop()


def ready_offline(page) -> None:
    """The service worker controls the page and keeps this page and the offline page."""
    wait_in_page(page, "!!(navigator.serviceWorker && navigator.serviceWorker.controller)")
    wait_in_page(page, "async () => !!(await caches.match(location.pathname))")
    lang = "document.documentElement.lang"
    offline = f"{lang} === 'nl' ? '/offline/' : '/' + {lang} + '/offline/'"
    wait_in_page(page, f"async () => !!(await caches.match({offline}))")


def go_offline(context, server) -> None:
    context.set_offline(True)
    server.stop()


def test_visited_page_stays_and_an_unvisited_one_shows_the_offline_page(context, server):
    page = context.new_page()
    page.goto(server.url + "/ar/mo/")
    title = page.locator("h1").inner_text()
    ready_offline(page)
    go_offline(context, server)
    page.goto(server.url + "/ar/mo/")
    assert page.locator("h1").inner_text() == title
    # Never visited: the offline page of the reader's language, at the address asked for.
    page.goto(server.url + "/ar/kosten/")
    assert page.url == server.url + "/ar/kosten/"
    assert page.locator("h1").inner_text() == ui_string("ar", "offline.title")
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
    # It lists what this phone has of the language, and only that.
    wait_in_page(page, "document.querySelector('[data-path=\"ar/kosten/\"]').hidden")
    shown = page.locator("[data-wg-offline-list] li:not([hidden]) a")
    assert shown.count() == 1
    shown.click()
    page.wait_for_url(server.url + "/ar/mo/")
    assert page.locator("h1").inner_text() == title


def keep_language(page, lang: str) -> None:
    """Press "Keep this language on my phone" on this home page, and wait until it is saved."""
    keep = page.locator("[data-wg-keep]")
    keep.get_by_role("button", name=ui_string(lang, "keep.button")).click()
    keep.get_by_role("button", name=ui_string(lang, "keep.yes"), exact=True).click()
    wait_in_page(page, "async () => (await (await fetch('offline.json')).json()).saved === true")


def assert_offline_page_in(page, lang: str, dir_: str) -> None:
    """The saved offline page of the reader's language, not the browser's error page."""
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == (lang, dir_), page.url
    assert page.locator("h1").inner_text() == ui_string(lang, "offline.title")
    assert ui_string(lang, "offline.text") in page.locator("article").inner_text()


def test_a_page_of_a_language_not_saved_shows_the_offline_page_of_one_saved(context, server):
    """Readers keep their own language only: the link to the Dutch original (on every
    unreviewed translation) and the language list lead offline to pages whose offline
    page was never saved. They get the saved one of the language they came from."""
    page = context.new_page()
    page.goto(server.url + "/en/")
    ready_offline(page)  # English comes before Arabic in the list of languages
    page.goto(server.url + "/ar/")
    ready_offline(page)
    keep_language(page, "ar")
    assert page.evaluate("async () => !(await caches.match('/offline/'))")
    go_offline(context, server)
    page.goto(server.url + "/ar/mo/")
    dutch = page.locator(".wg-review a[hreflang='nl']")
    assert dutch.get_attribute("href") == "../../mo/"
    dutch.click()
    page.wait_for_url(server.url + "/mo/", timeout=10_000)
    assert_offline_page_in(page, "ar", "rtl")
    # It lists the Arabic pages saved on this phone, and its links lead to them.
    wait_in_page(page, "document.querySelector('[data-wg-offline-list][data-wg-checked]')")
    saved = page.locator("[data-wg-offline-list] li:not([hidden]) a")
    assert saved.count() > 1
    page.locator("[data-wg-offline-list] li[data-path='ar/mo/'] a").click()
    page.wait_for_url(server.url + "/ar/mo/")
    assert page.locator("h1").inner_text() != ui_string("ar", "offline.title")
    # From an English page, the language list's Dutch page: English.
    page.goto(server.url + "/en/")
    page.locator(".wg-langs summary").click()
    page.locator(".wg-langs a[hreflang='nl']").click()
    page.wait_for_url(server.url + "/", timeout=10_000)
    assert_offline_page_in(page, "en", "ltr")
    # An address typed in, from no page: a saved offline page all the same.
    page.goto(server.url + "/kosten/")
    assert page.locator("html").get_attribute("lang") in ("ar", "en")


# Sums the page's layout shifts as Lighthouse's CLS counts them (not after input).
LAYOUT_SHIFTS = """
window.wgShifts = 0;
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) { if (!e.hadRecentInput) window.wgShifts += e.value; });
}).observe({type: "layout-shift", buffered: true});
"""


def test_the_offline_page_does_not_move_while_it_checks_what_is_saved(context, server):
    """Its list is filtered by a script after the first paint: nothing may move then
    (Lighthouse measured a shift of 0.156 when unsaved pages were hidden one by one)."""
    context.add_init_script(LAYOUT_SHIFTS)
    page = context.new_page()
    page.set_viewport_size({"width": 412, "height": 823})  # Lighthouse's phone
    page.goto(server.url + "/ar/mo/")
    ready_offline(page)
    go_offline(context, server)
    for path in ("/ar/kosten/", "/ar/offline/"):  # standing in for a page, and at its own address
        page.goto(server.url + path)
        wait_in_page(page, "document.querySelector('[data-path=\"ar/kosten/\"]').hidden")
        page.wait_for_timeout(300)
        assert page.evaluate("window.wgShifts") == 0, path
        shown = page.locator("[data-wg-offline-list] li:not([hidden])")
        assert shown.count() >= 1 and shown.first.is_visible(), path


def test_keeping_a_language_saves_every_page_after_showing_the_size(context, server, small_site):
    manifest = json.loads((small_site / "ar" / "offline.json").read_text(encoding="utf-8"))
    page = context.new_page()
    page.goto(server.url + "/ar/")
    ready_offline(page)
    keep = page.locator("[data-wg-keep]")
    keep.get_by_role("button", name=ui_string("ar", "keep.button")).click()
    size = keep.locator("[data-wg-keep-size]")
    # In Latin digits, as the pages and the page count write numbers (never ٣ next to 3).
    kilobytes = str(round(manifest["bytes"] / 1024))
    assert kilobytes in size.inner_text() and "KB" in size.inner_text()
    assert not re.search("[\u0660-\u0669\u06f0-\u06f9]", size.inner_text())
    # Nothing saved yet: the reader has only seen the size.
    assert page.evaluate("async () => !(await caches.match('/ar/kosten/'))")
    keep.get_by_role("button", name=ui_string("ar", "keep.yes"), exact=True).press("Enter")
    saved = ui_string("ar", "keep.saved").replace("{count}", str(manifest["count"]))
    wait_in_page(page, f"document.querySelector('.wg-keep-status').textContent === {saved!r}")
    # The buttons are gone: the keyboard's focus went to the progress, not to the page's top.
    assert page.evaluate("document.activeElement.className") == "wg-keep-status"
    go_offline(context, server)
    for path in manifest["files"]:
        if path.endswith("/") and path != "ar/offline/":
            page.goto(server.url + "/" + path)
            assert page.locator("h1").inner_text() != ui_string("ar", "offline.title"), path
    # The Dutch fallback page came along, marked as Dutch text.
    page.goto(server.url + "/ar/kosten/")
    assert page.locator("[data-wg-fallback]").get_attribute("lang") == "nl"


def test_offline_page_is_offered_after_the_second_visit_only(context, server):
    page = context.new_page()
    page.goto(server.url + "/en/mo/")
    ready_offline(page)
    assert page.locator("[data-wg-keep]").is_hidden()
    # A visit ends after 30 minutes without a page view.
    page.evaluate(
        "localStorage.setItem('wg-visits', JSON.stringify({n: 1, seen: Date.now() - 31 * 60000}))"
    )
    page.goto(server.url + "/en/mo/")
    keep = page.locator("[data-wg-keep]")
    keep.get_by_role("button", name=ui_string("en", "keep.button")).wait_for()
    keep.get_by_role("button", name=ui_string("en", "keep.button")).click()
    keep.get_by_role("button", name=ui_string("en", "keep.no")).press("Enter")
    assert keep.is_hidden()
    # The focus goes on to what follows (the feedback form), not back to the page's top.
    assert page.evaluate("document.activeElement.id") == "wg-fb-title"
    page.reload()
    assert page.locator("[data-wg-keep]").is_hidden()


def page_views(server, page, path: str) -> list[str]:
    """The requests the server answers for one page view, until the page has settled."""
    before = len(server.requests)
    page.goto(server.url + path)
    ready_offline(page)
    page.wait_for_timeout(300)  # late requests (an update check) would arrive by now
    return server.requests[before:]


def test_a_page_view_asks_for_its_page_once(context, server):
    page = context.new_page()
    first = page_views(server, page, "/ar/mo/")
    assert first.count("/ar/mo/") == 1, first
    # The next page, with the service worker in charge: its HTML and nothing else.
    second = page_views(server, page, "/ar/")
    assert second.count("/ar/") == 1, second
    assert [path for path in second if path.startswith("/assets/")] == [], second
    again = page_views(server, page, "/ar/mo/")
    assert again.count("/ar/mo/") == 1, again


def test_a_new_build_is_served_fresh_and_the_old_cache_goes(context, tmp_path, db_path):
    project = fixture_project(tmp_path / "project")
    site_dir = tmp_path / "site"
    build(project, site_dir)
    server = CountingServer(site_dir, db_path)
    try:
        page = context.new_page()
        page.goto(server.url + "/ar/")
        ready_offline(page)
        keep = page.locator("[data-wg-keep]")
        keep.get_by_role("button", name=ui_string("ar", "keep.button")).click()
        keep.get_by_role("button", name=ui_string("ar", "keep.yes"), exact=True).click()
        wait_in_page(page, "async () => !!(await caches.match('/ar/kosten/'))")
        count = json.loads((site_dir / "ar" / "offline.json").read_text("utf-8"))["count"]
        saved = ui_string("ar", "keep.saved").replace("{count}", str(count))
        wait_in_page(page, f"document.querySelector('.wg-keep-status').textContent === {saved!r}")
        old = page.evaluate("caches.keys()")
        # An editor changes one Arabic page; the site is built again.
        source = project / "content" / "ar" / "mo.md"
        source.write_text(
            source.read_text(encoding="utf-8") + "\nجملة جديدة في هذه النسخة.\n", "utf-8"
        )
        build(project, site_dir)
        version = json.loads(
            (site_dir / "sw.js").read_text(encoding="utf-8").split("var BUILD = ")[1].split(";")[0]
        )["version"]
        page.goto(server.url + "/ar/mo/")
        assert "جملة جديدة" in page.locator("article").inner_text()
        wait_in_page(page, f"async () => (await caches.keys()).join() === 'wegwijs-{version}'")
        assert old != [f"wegwijs-{version}"]
        # The saved language is still saved, with the changed page in its new version.
        go_offline(context, server)
        page.goto(server.url + "/ar/mo/")
        assert "جملة جديدة" in page.locator("article").inner_text()
        page.goto(server.url + "/ar/kosten/")
        assert page.locator("[data-wg-fallback]").count() == 1
    finally:
        server.stop()


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_axe_finds_nothing_on_the_keep_control_and_the_offline_page(context, server, prefix):
    from axe_playwright_python.sync_playwright import Axe

    page = context.new_page()
    page.goto(server.url + prefix + "/")
    ready_offline(page)
    page.locator("[data-wg-keep-ask]").click()
    page.locator("[data-wg-keep-yes]").wait_for(state="visible")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    go_offline(context, server)
    page.goto(server.url + prefix + "/kosten/")
    wait_in_page(page, "document.querySelector('[data-path$=\"kosten/\"]').hidden")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
