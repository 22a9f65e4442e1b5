"""The report's answer to the agency: status x part, barriers by group, tiers, partial months,
comments with their barriers and direction, how answers arrived; each on known records."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from analysts.direction import text_direction
from analysts.report import render_report
from analysts.selection import Window
from analysts.tally import CommentFilter
from tests.analysts.conftest import make_record
from tests.analysts.test_report import section
from wegwijs_shared.record import FeedbackRecord

START = datetime(2026, 3, 10, tzinfo=UTC)


def many(count: int, first: int, satisfied: int, **fields: object) -> list[FeedbackRecord]:
    """`count` records, the first `satisfied` of them rated 5, the others 2."""
    return [
        make_record(
            first + index,
            START + timedelta(hours=first + index),
            rating=5 if index < satisfied else 2,
            **fields,
        )
        for index in range(count)
    ]


def cells(html: str, row_label: str) -> list[str]:
    """The text of each <td> in the first row headed `row_label`, tags turned into ' / '."""
    row = re.search(rf'<th scope="row"[^>]*>{re.escape(row_label)}</th>(.*?)</tr>', html, re.S)
    assert row, row_label
    found = re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)
    return [re.sub(r"\s*<br>\s*", " / ", re.sub(r"</?span[^>]*>", "", cell)) for cell in found]


def test_status_by_part_gives_share_interval_and_n_and_hides_small_cells() -> None:
    records = many(40, 0, 30, part="intake", status="mandatory")
    records += many(5, 100, 5, part="intake", status="voluntary")
    records += many(3, 200, 0, part="mo")  # status not answered
    html, _ = render_report(records, "en")
    table = section(html, "status-part")
    assert re.findall(r'<th scope="col" class="rpt-num">([^<]+)</th>', table) == [
        "Mandatory",
        "Voluntary",
        "(not answered)",
    ]
    assert cells(table, "Welcome and intake") == [
        "75% / 60% – 86% / n = 40",
        "– / n = 5",  # 5 of 5 satisfied: not shown as 100%
        "– / n = 0",
    ]
    assert cells(table, "Civic orientation") == ["– / n = 0", "– / n = 0", "– / n = 3"]


def test_fewer_than_30_answers_never_shows_a_percentage() -> None:
    records = many(40, 0, 20)
    records += many(1, 100, 1, channel="sms", device="tablet", barriers=("internet",))
    html, _ = render_report(records, "en")
    split = re.sub(r"<svg.*?</svg>", "", section(html, "split-device"), flags=re.S)
    assert cells(split, "Tablet")[:3] == ["–", "fewer than 30 answers", "1"]
    assert "100%" not in split  # the axis of the chart aside
    assert cells(split, "Text or WhatsApp") == ["– / n = 1", "– / n = 0"]  # tablet, not given
    assert cells(section(html, "barriers"), "No stable internet") == ["1", "–"]  # sms, n = 1
    # By status, the one group (not answered) has 41 answers: a share of 1 in 41.
    assert cells(section(html, "barriers-by"), "No stable internet") == ["2% (1)"]


def test_barriers_by_status_and_by_part_with_group_n() -> None:
    records = many(30, 0, 10, status="mandatory", part="work", barriers=("language",))
    records += many(10, 100, 5, status="voluntary", part="work", barriers=("language", "alone"))
    html, _ = render_report(records, "en")
    table = section(html, "barriers-by")
    assert "Mandatory (n = 30)" in table and "Voluntary (n = 10)" in table
    status = table[: table.index('id="barriers-by-part-h"')]
    assert cells(status, "Not in my language") == ["100% (30)", "– (10)"]
    assert cells(status, "Hard to understand on my own") == ["0% (0)", "– (10)"]
    part = table[table.index('id="barriers-by-part-h"') :]
    assert cells(part, "Not in my language") == ["100% (40)"]


def test_one_channel_is_not_called_best() -> None:
    html, _ = render_report(many(50, 0, 40), "en")
    answer = section(html, "answer")
    assert "Rated best" not in answer and "No single channel" not in answer
    assert "Only Website has at least 30 answers" in answer
    assert "nothing to compare" not in answer and "no channel is called" in answer


def test_a_channel_apart_from_all_others_is_rated_best_and_ties_are_tiers() -> None:
    records = many(100, 0, 95)  # website 95%
    records += many(100, 1000, 50, channel="letter")  # 50%
    records += many(100, 2000, 46, channel="email")  # 46%: overlaps the letter
    html, _ = render_report(records, "en")
    answer = section(html, "answer")
    assert (
        "<strong>Rated best of the 3 channels with at least 30 answers: Website, 95% at least "
        "satisfied"
    ) in answer
    assert "<li>Tier 1: Website.</li>" in answer
    assert "<li>Tier 2: Letter, E-mail.</li>" in answer
    assert cells(answer, "Letter")[-1] == "2–3" and cells(answer, "Website")[-1] == "1"


def test_partial_first_and_last_months_are_marked() -> None:
    records = [
        make_record(1, datetime(2026, 3, 12, 9, tzinfo=UTC)),
        make_record(2, datetime(2026, 4, 15, tzinfo=UTC)),
        make_record(3, datetime(2026, 5, 20, tzinfo=UTC)),
    ]
    html, _ = render_report(records, "en")
    months = re.findall(r'<th scope="row"[^>]*>(20[^<]+)</th>', section(html, "trend"))
    assert months[:3] == [
        "2026-03 (partial: days 12–31)",
        "2026-04",
        "2026-05 (partial: days 1–20)",
    ]
    # A window over whole months marks nothing, even where the answers start later.
    window = Window(datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 6, 1, tzinfo=UTC))
    html, _ = render_report(records, "nl", window=window)
    months = re.findall(r'<th scope="row"[^>]*>(20[^<]+)</th>', section(html, "trend"))
    assert months[:3] == ["2026-03", "2026-04", "2026-05"]


def test_trend_per_channel_has_n_in_every_cell() -> None:
    records = many(35, 0, 35) + many(2, 100, 0, channel="letter")
    html, _ = render_report(records, "en")
    trend = section(html, "trend")
    table = trend[trend.index('id="channel-trend"') :]
    assert cells(table, "Website") == ["100% / 90% – 100% / n = 35"]
    assert cells(table, "Letter") == ["– / n = 2"]


def test_comments_filtered_with_their_barriers_and_their_own_direction() -> None:
    arabic = "Hello الرسالة صعبة جدا ولم أفهمها"
    records = [
        make_record(1, START, channel="letter", lang="ar", status="mandatory",
                    barriers=("language", "difficult"), comment=arabic),
        make_record(2, START, channel="letter", lang="ar", status="voluntary",
                    barriers=("language",), comment="[email] شكرا"),
        make_record(3, START, channel="website", status="mandatory",
                    barriers=("language",), comment="Te lang"),
        make_record(4, START, channel="letter", status="mandatory", comment="Goed"),
    ]  # fmt: skip
    only = CommentFilter(frozenset({"letter"}), frozenset({"language"}), frozenset({"mandatory"}))
    html, _ = render_report(records, "en", comment_filter=only)
    comments = section(html, "comments")
    assert re.findall(r'<p lang="(\w+)" dir="(\w+)">([^<]*)</p>', comments) == [
        ("ar", "rtl", arabic)
    ]
    assert "Ticked: Not in my language, Words or sentences too difficult" in comments
    assert "Mandatory" in comments
    assert ("Only comments with --comment-channel letter; --comment-barrier language; "
            "--comment-status mandatory: 1 found, 1 shown.") in comments  # fmt: skip
    html, _ = render_report(records, "nl")
    comments = section(html, "comments")
    assert '<p lang="ar" dir="rtl">[email] شكرا</p>' in comments
    assert '<p lang="nl" dir="ltr">Te lang</p>' in comments
    assert "Aangevinkt: geen werkpunt aangevinkt" in comments


def test_direction_by_the_majority_of_letters_then_the_page_language() -> None:
    assert text_direction("OK الرسالة صعبة") == "rtl"
    assert text_direction("[email] [phone] [national-number] [iban] خیلی") == "rtl"
    assert text_direction("Merci شكرا beaucoup") == "ltr"
    assert text_direction("12345 !!", "rtl") == "rtl"
    assert text_direction("ab شك", "ltr") == "ltr"


def test_how_answers_arrived_counts_sources_and_folded_posts() -> None:
    records = many(3, 0, 3, channel="letter", channel_source="link", folded=2)
    records += many(2, 100, 0, channel="letter", channel_source="reader")
    records += many(1, 200, 1, channel="unknown", channel_source="none")
    records += many(1, 300, 1)  # schema 1: no source recorded
    html, count = render_report(records, "en")
    assert count == 7
    table = section(html, "provenance")
    assert "7 answers stored from 13 posts received (6 folded). Channel set by a link: 3; " in (
        table
    )
    # stored, link, reader, none, not recorded, with script, without, folded, received,
    # share stored, share received
    assert cells(table, "Letter")[:9] == ["5", "3", "2", "0", "0", "0", "5", "6", "11"]
    assert cells(table, "Channel not known")[:9] == ["1", "0", "0", "1", "0", "0", "1", "0", "1"]
    assert cells(table, "Total")[:9] == ["7", "3", "2", "1", "1", "0", "7", "6", "13"]
    # "Channel not known" is never ranked; it is listed with the channels not ranked.
    answer = section(html, "answer")
    assert "Channel not known" in answer[answer.index('id="too-few"') :]


def test_channels_without_answers_are_named_and_never_called_enough() -> None:
    # 40 answers about the website, none about the nine other channels.
    html, _ = render_report(many(40, 0, 30), "en")
    answer = section(html, "answer")
    assert "Every channel has enough answers" not in answer
    assert (
        '<p id="no-answers">Not one answer about: Leaflet (paper), Letter, E-mail, Text or '
        "WhatsApp, Phone, Office counter, Lesson or course platform, Partner organisation, Other "
        "channel.</p>"
    ) in answer
    # A filter that chose one channel left the others out: they are not "without answers".
    html, _ = render_report(many(40, 0, 30), "en", {"channel": "website"})
    assert 'id="no-answers"' not in section(html, "answer")
    # Every channel answered, each often enough: then, and only then, it is said.
    channels = ("website", "folder", "letter", "email", "sms", "phone", "counter")
    channels += ("course", "partner", "other")
    records = [
        record
        for number, code in enumerate(channels)
        for record in many(30, 1000 * number, 20, channel=code)
    ]
    html, _ = render_report(records, "nl")
    answer = section(html, "answer")
    assert "Alle kanalen hebben genoeg antwoorden." in answer and "no-answers" not in answer


def test_folded_posts_never_make_a_few_answers_look_like_enough() -> None:
    # One stored answer that stands for 35 identical posts (a class, one wifi, no script).
    records = many(1, 0, 1, channel="partner", folded=34)
    records += many(40, 100, 30)  # website: enough by itself
    html, _ = render_report(records, "en")
    table = section(html, "provenance")
    # ..., folded, received, share stored, share received
    assert cells(table, "Partner organisation")[7:] == ["34", "35", "– / n = 1", "– / n = 35"]
    assert cells(table, "Website")[9:] == ["75% / 60% – 86% / n = 40", "75% / n = 40"]


def test_a_channel_with_too_few_answers_shows_its_plain_count() -> None:
    # 29 of 29 satisfied: no percentage (fewer than 30), but not nothing either.
    records = many(29, 0, 29, channel="sms") + many(3, 100, 1, channel="letter")
    html, _ = render_report(records, "en")
    too_few = section(html, "answer")
    too_few = too_few[too_few.index('id="too-few"') :]
    assert cells(too_few, "Text or WhatsApp") == ["29", "29 of 29"]
    assert cells(too_few, "Letter") == ["3", "1 of 3"]


def test_how_answers_arrived_counts_answers_with_and_without_the_script() -> None:
    # Letters: 4 by the page's script (the link remembered), 3 by the plain form.
    records = many(4, 0, 4, channel="letter", channel_source="link", js=True)
    records += many(3, 100, 1, channel="letter", channel_source="link", js=False)
    # Without the script, a link followed by a second page leaves the channel unknown.
    records += many(5, 200, 2, channel="unknown", channel_source="none", js=False)
    records += many(1, 300, 1, channel="unknown", channel_source="none", js=True)
    html, _ = render_report(records, "en")
    table = section(html, "provenance")
    # stored, link, reader, none, not recorded, with script, without script, ...
    assert cells(table, "Letter")[:7] == ["7", "7", "0", "0", "0", "4", "3"]
    assert cells(table, "Channel not known")[:7] == ["6", "0", "0", "6", "0", "1", "5"]
    assert cells(table, "Total")[:7] == ["13", "7", "0", "6", "0", "5", "8"]
    assert "Sent with the page&#39;s script: 5; without it: 8." in table
    assert "without JavaScript the link is known only on the page it led to" in table
    html, _ = render_report(records, "nl")
    table = section(html, "provenance")
    assert "Verstuurd met het script van de pagina: 5; zonder: 8." in table
    assert ">Met script</th>" in table and ">Zonder script</th>" in table
