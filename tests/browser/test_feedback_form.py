"""The feedback form in a real browser: what it asks, without JavaScript, offline with
the outbox; every answer checked in the SQLite file it landed in. Channel links:
test_feedback_channel.py; one tap, one answer: test_feedback_once.py."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import yaml

from tests.browser.conftest import choose_rating, sent_answers, ui_string, wait_in_page
from wegwijs_shared.vocabulary import (
    BARRIERS,
    CHANNELS,
    COMMENT_MAX_CHARS,
    HONEYPOT_FIELD,
    RATING_MAX,
    RATING_MIN,
    SEGMENTS,
)

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


def title_of(lang: str, page: str) -> str:
    text = (ROOT / "content" / lang / page).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1])["title"]


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
def test_without_javascript_the_form_posts_and_the_reader_is_back_on_the_page(
    nojs_context, site_url, records, lang, path, channel_label, channel
):
    """Back where they were reading, with a thank-you line in place of the form (it linked
    only to the home page from the thank-you page), and a link to what happens next."""
    page = nojs_context.new_page()
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + path)
    sent = page.locator("#wg-sent")
    assert not sent.is_visible()
    choose_rating(page, 4)
    page.get_by_label(channel_label, exact=True).check()
    page.locator("button.wg-send").click()
    page.wait_for_url(site_url + path + "#wg-sent")
    assert sent.is_visible() and not page.locator("form[data-wg-feedback]").is_visible()
    assert sent.inner_text().startswith(ui_string(lang, "form.thanks"))
    box = sent.bounding_box()
    assert box is not None and -1 < box["y"] < 740  # scrolled to it
    sent.get_by_role("link").click()
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
    sent = sent_answers(page)
    ready_for_offline(page)
    go_offline(context, local_server)
    choose_rating(page, 5)
    page.get_by_label(ui_string("en", "channel.phone"), exact=True).check()
    page.locator("button.wg-send").click()
    status = page.locator(".wg-status")
    # "Sending..." comes first; the queued message once the send has failed offline.
    wait_for_status(page, ui_string("en", "form.queued"))
    assert status.inner_text() == ui_string("en", "form.queued")
    assert records() == []
    go_online(context, local_server)
    wait_until(lambda: len(records()) == 1)
    wait_in_page(page, "localStorage.getItem('wg-outbox') === '[]'")
    # The page that said it kept the answer now says it arrived.
    wait_for_status(page, ui_string("en", "form.thanks"))
    time.sleep(0.5)  # a second send would have landed by now
    [record] = records()
    assert (record.page, record.lang, record.channel, record.rating, record.js) == (
        "/en/mo/",
        "en",
        "phone",
        5,
        True,
    )
    # Tried offline, then sent again: the same answer with the same id each time.
    assert len(sent) >= 2 and {answer["id"] for answer in sent} == {record.id}
    assert sent[-1]["channel_source"] == "reader"


def wait_for_status(page, text: str) -> None:
    """Until the status line shows `text` (it says "Sending..." first, whatever follows)."""
    wanted = json.dumps(text)
    wait_in_page(page, f"document.querySelector('.wg-status').innerText.trim() === {wanted}")


def test_outbox_survives_a_reload_while_offline(context, local_server, site_url, records):
    page = context.new_page()
    page.goto(site_url + "/ar/mo/?c=sms")
    ready_for_offline(page)
    go_offline(context, local_server)
    choose_rating(page, 2)
    page.locator("button.wg-send").click()
    wait_for_status(page, ui_string("ar", "form.queued"))
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
    assert (record.lang, record.rating, record.page, record.channel) == ("ar", 2, "/ar/mo/", "sms")


def test_form_asks_what_the_feedback_function_accepts(context, site_url):
    """Names, choices and limits come from wegwijs_shared.vocabulary, as on the server."""
    page = context.new_page()
    page.goto(site_url + "/ar/mo/")
    form = page.locator("form[data-wg-feedback]")

    def values(name: str) -> list[str]:
        return form.locator(f'input[name="{name}"]').evaluate_all("els => els.map(e => e.value)")

    assert values("rating") == [str(n) for n in range(RATING_MIN, RATING_MAX + 1)]
    assert values("channel") == list(CHANNELS)
    assert values("barriers") == list(BARRIERS)
    assert values("part") == ["mo"]  # the page's own part, sent hidden
    for segment in SEGMENTS.keys() - {"part"}:
        assert values(segment) == list(SEGMENTS[segment])
    assert form.locator("textarea").get_attribute("maxlength") == str(COMMENT_MAX_CHARS)
    assert f"{COMMENT_MAX_CHARS}" in form.locator("#wg-fb-hint").text_content()
    assert form.locator(f'.wg-hp input[name="{HONEYPOT_FIELD}"]').count() == 1
    # No channel is answered for the reader: a guess would be counted as a fact.
    assert form.locator('input[name="channel"]:checked').count() == 0


@pytest.mark.parametrize(("lang", "path"), [("nl", "/mo/"), ("ar", "/ar/mo/")])
def test_send_without_a_rating_is_told_in_the_pages_language(
    context, site_url, records, lang, path
):
    """The browser's own check would stop the form first, in the phone's language."""
    page = context.new_page()
    page.goto(site_url + path)
    wait_in_page(page, "document.querySelector('form[data-wg-feedback]').noValidate")
    page.locator("button.wg-send").click()
    # Said next to the rating, where the focus goes, and tied to its choices: not in the
    # status line below the button, a screen away on a phone.
    missing = page.locator(".wg-rating .wg-error")
    missing.wait_for(state="visible")
    assert missing.inner_text() == ui_string(lang, "form.missing")
    assert page.evaluate("document.activeElement.name") == "rating"
    focused = page.evaluate(
        "[document.activeElement.getAttribute('aria-describedby'),"
        " document.activeElement.getAttribute('aria-invalid')]"
    )
    assert focused == [missing.get_attribute("id"), "true"]
    box, field = missing.bounding_box(), page.locator(".wg-rating").bounding_box()
    assert field["y"] <= box["y"] <= field["y"] + field["height"]
    # Choosing a rating takes the message away.
    page.keyboard.press("Space")
    missing.wait_for(state="hidden")
    described = page.evaluate(
        "[document.activeElement.getAttribute('aria-invalid'),"
        " document.activeElement.getAttribute('aria-describedby')]"
    )
    assert described == [None, None]
    assert records() == []


def test_the_focused_rating_has_the_two_tone_ring_every_control_has(context, site_url):
    """A yellow outline alone on white is about 1.6:1: too faint to find the focus."""
    page = context.new_page()
    page.goto(site_url + "/ckb/attest/")
    page.locator('input[name="rating"]').first.focus()
    page.keyboard.press("ArrowRight")  # from the keyboard: :focus-visible
    shadow = page.evaluate("getComputedStyle(document.activeElement.closest('label')).boxShadow")
    assert "rgb(27, 27, 27)" in shadow and "5px" in shadow


@pytest.mark.parametrize("status", [503, 429])
def test_a_server_that_cannot_take_the_answer_now_does_not_say_offline(
    context, site_url, records, status
):
    """The store is down (503) or the sender is asked to wait (429): the reader is online,
    so "you are offline" would be false, and no "online" event would ever resend it. The
    answer is kept and sent again by itself after the server's Retry-After."""
    page = context.new_page()
    page.goto(site_url + "/ru/mo/")
    sent = sent_answers(page)
    busy = {"status": status, "headers": {"Retry-After": "1"}, "json": {"message": "busy"}}
    page.route("**/api/feedback", lambda route: route.fulfill(**busy))
    choose_rating(page, 3)
    page.locator("button.wg-send").click()
    wait_for_status(page, ui_string("ru", "form.later"))
    assert records() == []
    page.unroute("**/api/feedback")
    wait_until(lambda: len(records()) == 1)
    wait_in_page(page, "localStorage.getItem('wg-outbox') === '[]'")
    wait_for_status(page, ui_string("ru", "form.thanks"))
    [record] = records()
    assert (record.page, record.rating) == ("/ru/mo/", 3)
    assert len(sent) == 2 and {answer["id"] for answer in sent} == {record.id}
