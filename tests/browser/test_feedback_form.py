"""The feedback form in a real browser: without JavaScript, offline with the outbox,
with a channel link; every answer checked in the SQLite file it landed in."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from tests.browser.conftest import wait_in_page

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


def title_of(lang: str, page: str) -> str:
    text = (ROOT / "content" / lang / page).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1])["title"]


def ui_string(lang: str, key: str) -> str:
    """A UI string as the theme renders it (from theme/partials/wegwijs/strings/)."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "theme")))
    return env.get_template(f"partials/wegwijs/strings/{lang}.html").module.t(key)


def choose_rating(page, value: int) -> None:
    page.locator(f'label:has(input[name="rating"][value="{value}"])').click()


def wait_until(condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.1)


def ready_for_offline(page) -> None:
    """The service worker controls the page and has this page and the script cached."""
    wait_in_page(page, "!!(navigator.serviceWorker && navigator.serviceWorker.controller)")
    wait_in_page(page, "async () => !!(await caches.match(location.pathname))")


@pytest.mark.parametrize(
    ("lang", "path", "channel_label", "channel"),
    [("nl", "/mo/", "In een brief", "letter"), ("ar", "/ar/mo/", "في رسالة", "letter")],
)
def test_without_javascript_the_form_posts_and_ends_on_the_thanks_page(
    nojs_context, site_url, records, lang, path, channel_label, channel
):
    page = nojs_context.new_page()
    page.goto(site_url + path)
    choose_rating(page, 4)
    page.get_by_label(channel_label, exact=True).check()
    page.locator("button.wg-send").click()
    thanks = "/feedback/thanks/" if lang == "nl" else f"/{lang}/feedback/thanks/"
    page.wait_for_url(site_url + thanks)
    assert page.locator("h1").inner_text() == title_of(lang, "feedback/thanks.md")
    assert page.locator("html").get_attribute("lang") == lang
    [record] = records()
    assert (record.page, record.lang, record.channel, record.rating) == (path, lang, channel, 4)
    assert record.part == "mo" and record.js is False


def go_offline(context, local_server) -> None:
    """The network fails: the browser says it is offline and the server is unreachable."""
    context.set_offline(True)
    local_server.stop()


def go_online(context, local_server) -> None:
    local_server.start()
    context.set_offline(False)  # the browser fires "online"


def test_offline_answer_waits_in_the_outbox_and_arrives_once(
    context, local_server, site_url, records
):
    page = context.new_page()
    page.goto(site_url + "/en/mo/")
    ready_for_offline(page)
    go_offline(context, local_server)
    choose_rating(page, 5)
    page.locator("button.wg-send").click()
    status = page.locator(".wg-status")
    wait_in_page(page, "document.querySelector('.wg-status').textContent.length > 0")
    assert status.inner_text() == ui_string("en", "form.queued")
    assert records() == []
    go_online(context, local_server)
    wait_until(lambda: len(records()) == 1)
    wait_in_page(page, "localStorage.getItem('wg-outbox') === '[]'")
    time.sleep(0.5)  # a second send would have landed by now
    [record] = records()
    assert (record.page, record.lang, record.channel, record.rating, record.js) == (
        "/en/mo/",
        "en",
        "website",
        5,
        True,
    )


def test_outbox_survives_a_reload_while_offline(context, local_server, site_url, records):
    page = context.new_page()
    page.goto(site_url + "/ar/mo/")
    ready_for_offline(page)
    go_offline(context, local_server)
    choose_rating(page, 2)
    page.locator("button.wg-send").click()
    wait_in_page(page, "document.querySelector('.wg-status').textContent.length > 0")
    assert page.locator(".wg-status").inner_text() == ui_string("ar", "form.queued")
    # Still offline: the service worker serves the page, the outbox is kept and retried.
    page.reload()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert '"rating":2' in page.evaluate("localStorage.getItem('wg-outbox')")
    time.sleep(0.5)  # the reloaded page has tried to send, and failed
    assert records() == []
    go_online(context, local_server)
    wait_until(lambda: len(records()) == 1)
    wait_in_page(page, "localStorage.getItem('wg-outbox') === '[]'")
    time.sleep(0.5)
    [record] = records()
    assert (record.lang, record.rating, record.page) == ("ar", 2, "/ar/mo/")


def test_channel_link_preselects_the_channel(context, site_url, records):
    page = context.new_page()
    page.goto(site_url + "/mo/?c=letter")
    assert page.locator('input[name="channel"][value="letter"]').is_checked()
    choose_rating(page, 3)
    # A low rating opens "what made it hard?".
    assert page.locator("details.wg-more").get_attribute("open") is not None
    page.get_by_label(ui_string("nl", "barrier.too_long"), exact=True).check()
    page.locator("button.wg-send").click()
    wait_in_page(page, "document.querySelector('.wg-status').textContent.length > 0")
    wait_in_page(
        page,
        f"document.querySelector('.wg-status').textContent === {ui_string('nl', 'form.thanks')!r}",
    )
    assert page.locator("form[data-wg-feedback]").is_hidden()
    [record] = records()
    assert (record.channel, record.rating, record.barriers, record.js) == (
        "letter",
        3,
        ("too_long",),
        True,
    )
    # The channel stays with the reader for the rest of the visit.
    page.goto(site_url + "/werk/")
    assert page.locator('input[name="channel"][value="letter"]').is_checked()


def test_unknown_channel_in_link_is_ignored(context, site_url):
    page = context.new_page()
    page.goto(site_url + "/mo/?c=%22%5D%2C*")
    assert page.locator('input[name="channel"][value="website"]').is_checked()
