"""One reader action is one record, whatever the taps and the network do: double clicks
and two taps 300 ms apart on an emulated slow connection, read back from SQLite."""

from __future__ import annotations

import time

import pytest

from tests.browser.conftest import choose_rating, sent_answers, ui_string, wait_for_status

pytestmark = pytest.mark.browser

# A slow mobile connection (Chrome DevTools' "Slow 3G"): every request takes seconds.
SLOW = {"offline": False, "latency": 2000, "downloadThroughput": 50_000, "uploadThroughput": 50_000}


@pytest.fixture
def touch_context(browser):
    made = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True)
    yield made
    made.close()


def slow_page(context, url: str):
    page = context.new_page()
    page.goto(url)
    network = context.new_cdp_session(page)
    network.send("Network.enable")
    network.send("Network.emulateNetworkConditions", SLOW)
    return page


def hold_answers(page) -> list:
    """Keep every answer on its way until the test lets it go. The emulated latency alone
    is a race on a loaded machine: the answer could arrive, and the form thank the reader,
    before the later taps that must meet it still on its way."""
    held: list = []

    def hold(route) -> None:
        held.append(route)

    page.route("**/api/feedback", hold)
    return held


def let_go(page, held: list) -> None:
    for route in held:
        route.continue_()
    page.unroute("**/api/feedback")


def button_centre(page) -> tuple[float, float]:
    """Where a finger or a mouse presses the send button, scrolled into view."""
    button = page.locator("button.wg-send")
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def assert_busy(page) -> None:
    """While the answer is on its way the button says so and stays focusable."""
    button = page.locator("button.wg-send")
    assert button.get_attribute("aria-disabled") == "true"
    assert button.get_attribute("aria-busy") == "true"
    assert button.get_attribute("disabled") is None
    assert page.locator(".wg-status").inner_text() == ui_string("nl", "form.sending")


def assert_one_answer(page, sent, records) -> None:
    wait_for_status(page, ui_string("nl", "form.thanks"))
    time.sleep(0.5)  # a second answer would have been sent by now
    [answer] = sent
    [record] = records()
    assert record.id == answer["id"] and record.rating == answer["rating"]
    assert page.locator("button.wg-send").get_attribute("aria-disabled") is None


def test_double_click_on_a_slow_connection_is_one_record(context, site_url, records):
    page = slow_page(context, site_url + "/mo/?c=letter")
    sent = sent_answers(page)
    held = hold_answers(page)
    choose_rating(page, 4)
    page.mouse.dblclick(*button_centre(page))
    assert_busy(page)
    let_go(page, held)
    assert_one_answer(page, sent, records)


def test_two_taps_300_ms_apart_on_a_slow_connection_are_one_record(
    touch_context, site_url, records
):
    page = slow_page(touch_context, site_url + "/mo/?c=sms")
    sent = sent_answers(page)
    held = hold_answers(page)
    page.locator('label:has(input[name="rating"][value="5"])').tap()
    page.touchscreen.tap(*button_centre(page))
    page.wait_for_timeout(300)
    page.touchscreen.tap(*button_centre(page))
    assert_busy(page)
    # Impatient: one more tap a second later, the first answer still on its way.
    page.wait_for_timeout(1000)
    page.touchscreen.tap(*button_centre(page))
    assert_busy(page)
    let_go(page, held)
    assert_one_answer(page, sent, records)


def test_an_answer_keeps_its_id_until_the_reader_changes_it(context, site_url, records):
    """Refused (say a 422 from a proxy): sending again unchanged is the same answer;
    after a change it is a new one."""
    page = context.new_page()
    page.goto(site_url + "/mo/?c=email")
    sent = sent_answers(page)
    refusal = {"message": "Probeer opnieuw."}
    page.route("**/api/feedback", lambda route: route.fulfill(status=422, json=refusal))
    choose_rating(page, 2)
    for _ in range(2):
        page.locator("button.wg-send").click()
        wait_for_status(page, refusal["message"])
        page.locator(".wg-status").evaluate("status => { status.textContent = '' }")
    assert len(sent) == 2 and sent[0]["id"] == sent[1]["id"]
    page.unroute("**/api/feedback")
    page.locator("#wg-fb-comment").fill("De tabel is te breed.")
    page.locator("button.wg-send").click()
    wait_for_status(page, ui_string("nl", "form.thanks"))
    assert sent[2]["id"] != sent[0]["id"]
    [record] = records()
    assert (record.id, record.comment) == (sent[2]["id"], "De tabel is te breed.")
