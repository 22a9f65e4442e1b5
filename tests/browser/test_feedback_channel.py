"""The channel a reader came through (a ?c= link on a letter, a leaflet, an SMS), in a
real browser: kept for the visit in every tab with JavaScript, read from the page's
address without it, and never guessed. Each answer is checked as the page sent it
and as it landed in the SQLite file."""

from __future__ import annotations

import pytest

from tests.browser.conftest import choose_rating, sent_answers, ui_string, wait_for_status

pytestmark = pytest.mark.browser

MINUTE_MS = 60_000


def checked_channel(page) -> str | None:
    checked = page.locator('input[name="channel"]:checked')
    return checked.get_attribute("value") if checked.count() else None


def send(page, lang: str = "nl") -> None:
    """Send the form with JavaScript and wait for the thank-you line."""
    page.locator("button.wg-send").click()
    wait_for_status(page, ui_string(lang, "form.thanks"))


@pytest.mark.parametrize("asked", ["letter", "LETTER", "%20Letter%20"])
def test_link_presets_the_channel_and_is_sent_as_set_by_the_link(context, site_url, records, asked):
    page = context.new_page()
    page.goto(f"{site_url}/fr/kosten/?c={asked}")
    sent = sent_answers(page)
    assert checked_channel(page) == "letter"
    choose_rating(page, 4)
    send(page, "fr")
    [answer] = sent
    assert (answer["channel"], answer["channel_source"]) == ("letter", "link")
    [record] = records()
    assert (record.page, record.channel, record.js) == ("/fr/kosten/", "letter", True)


def test_link_counts_for_the_visit_in_a_new_tab(context, site_url, records):
    first = context.new_page()
    first.goto(site_url + "/mo/?c=sms")
    assert checked_channel(first) == "sms"
    # The reader opens another page of the site in a new tab (sessionStorage would be empty).
    second = context.new_page()
    second.goto(site_url + "/ar/werk/")
    sent = sent_answers(second)
    assert checked_channel(second) == "sms"
    choose_rating(second, 5)
    send(second, "ar")
    assert [(a["channel"], a["channel_source"]) for a in sent] == [("sms", "link")]
    [record] = records()
    assert (record.page, record.channel) == ("/ar/werk/", "sms")


def test_visit_ends_after_30_minutes_without_a_page_view(context, site_url):
    context.clock.install()
    page = context.new_page()
    page.goto(site_url + "/mo/?c=letter")
    # Each page view within 30 minutes keeps the visit going.
    for path in ("/werk/", "/kosten/"):
        context.clock.fast_forward(29 * MINUTE_MS)
        page.goto(site_url + path)
        assert checked_channel(page) == "letter", path
    context.clock.fast_forward(31 * MINUTE_MS)
    page.goto(site_url + "/intake/")
    assert checked_channel(page) is None
    assert page.evaluate("localStorage.getItem('wg-channel')") is None


def test_channel_the_reader_chooses_is_sent_as_chosen_by_the_reader(context, site_url, records):
    page = context.new_page()
    page.goto(site_url + "/mo/?c=letter")
    sent = sent_answers(page)
    choose_rating(page, 2)
    # The reader got it at the counter, not by letter: their answer wins.
    page.get_by_label(ui_string("nl", "channel.counter"), exact=True).check()
    send(page)
    assert [(a["channel"], a["channel_source"]) for a in sent] == [("counter", "reader")]
    [record] = records()
    assert record.channel == "counter"


def test_reader_who_confirms_the_linked_channel_chose_it(context, site_url):
    """Changed away and back again: the reader answered the question themselves."""
    page = context.new_page()
    page.goto(site_url + "/mo/?c=letter")
    sent = sent_answers(page)
    choose_rating(page, 4)
    page.get_by_label(ui_string("nl", "channel.phone"), exact=True).check()
    page.get_by_label(ui_string("nl", "channel.letter"), exact=True).check()
    send(page)
    assert [(a["channel"], a["channel_source"]) for a in sent] == [("letter", "reader")]


@pytest.mark.parametrize("asked", ["%22%5D%2C*", "websites", ""])
def test_unknown_channel_in_a_link_is_ignored(browser, context, site_url, asked):
    page = context.new_page()
    page.goto(site_url + "/mo/?c=sms")
    page.goto(f"{site_url}/werk/?c={asked}")
    # Not a channel: the visit keeps the link it came with.
    assert checked_channel(page) == "sms"
    fresh = browser.new_context()
    try:
        alone = fresh.new_page()
        alone.goto(f"{site_url}/werk/?c={asked}")
        assert checked_channel(alone) is None
    finally:
        fresh.close()


def test_no_link_and_no_choice_sends_no_channel(context, site_url, records):
    page = context.new_page()
    page.goto(site_url + "/en/mo/")
    sent = sent_answers(page)
    assert checked_channel(page) is None
    choose_rating(page, 3)
    send(page, "en")
    [answer] = sent
    assert "channel" not in answer and "channel_source" not in answer
    [record] = records()
    assert (record.channel, record.channel_source) == ("unknown", "none")


@pytest.mark.parametrize("asked", ["letter", "LETTER"])
def test_without_javascript_the_link_of_the_page_is_the_channel(
    nojs_context, site_url, records, asked
):
    """The plain form has no channel checked; the server reads the link from the
    address of the page the form was sent from (a same-origin Referer)."""
    page = nojs_context.new_page()
    page.goto(f"{site_url}/fr/kosten/?c={asked}")
    assert checked_channel(page) is None
    choose_rating(page, 4)
    page.locator("button.wg-send").click()
    page.wait_for_url(site_url + "/fr/kosten/#wg-sent")
    [record] = records()
    assert (record.page, record.channel, record.channel_source, record.js) == (
        "/fr/kosten/",
        "letter",
        "link",
        False,
    )


def test_without_javascript_and_without_a_link_the_channel_is_unknown(
    nojs_context, site_url, records
):
    page = nojs_context.new_page()
    page.goto(site_url + "/fr/kosten/")
    choose_rating(page, 4)
    page.locator("button.wg-send").click()
    page.wait_for_url(site_url + "/fr/kosten/#wg-sent")
    [record] = records()
    assert (record.channel, record.channel_source) == ("unknown", "none")
