"""The report's answer on a real SQLite store through the CLI: the headline names what it
compared, and a filter to one channel makes no ranking."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.analysts.conftest import make_record
from tests.analysts.test_report import report_section
from tests.analysts.test_report_sections import cells
from wegwijs_shared.store.sqlite import SqliteStore

START = datetime(2026, 3, 10, tzinfo=UTC)
# channel -> (answers, of them at least satisfied): four channels with 30 or more (the
# counter's interval apart from the others'), two with fewer, the unknown, four with none.
MIX = {
    "counter": (34, 32),
    "website": (100, 60),
    "letter": (60, 30),
    "email": (40, 22),
    "sms": (10, 6),
    "phone": (3, 1),
    "unknown": (5, 2),
}


@pytest.fixture
def mixed_store(tmp_path: Path) -> str:
    store = SqliteStore(tmp_path / "mixed.sqlite3")
    store.create_schema()
    number = 0
    for channel, (count, satisfied) in MIX.items():
        for index in range(count):
            number += 1
            moment = START + timedelta(minutes=number)
            rating = 5 if index < satisfied else 2
            store.put(make_record(number, moment, channel=channel, rating=rating))
    store.close()
    return f"sqlite:///{tmp_path / 'mixed.sqlite3'}"


def report(store: str, tmp_path: Path, *args: str) -> str:
    return report_section(store, tmp_path, "answer", *args)


def test_the_headline_says_it_compares_only_the_channels_with_enough_answers(
    mixed_store: str, tmp_path: Path
) -> None:
    answer = report(mixed_store, tmp_path, "--lang", "en")
    assert (
        "<strong>Rated best of the 4 channels with at least 30 answers: Office counter, 94% at "
        "least satisfied (95% interval 81% – 98%, n = 34); its interval overlaps no other "
        "compared channel&#39;s.</strong> Not compared, with fewer than 30 answers: Text or "
        "WhatsApp (n = 10), Phone (n = 3). Channels without a single answer, so not compared: "
        "4 (named below). Answers whose channel is not known (5) are never ranked."
    ) in answer
    answer = report(mixed_store, tmp_path, "--lang", "nl")
    assert (
        "<strong>Best beoordeeld van de 4 kanalen met minstens 30 antwoorden: Loket, 94% "
        "minstens tevreden (95%-interval 81% – 98%, n = 34); het interval overlapt met dat van "
        "geen enkel ander vergeleken kanaal.</strong> Niet vergeleken, want minder dan 30 "
        "antwoorden: Sms of WhatsApp (n = 10), Telefoon (n = 3). Kanalen zonder enig "
        "antwoord, dus niet vergeleken: 4 (hieronder genoemd). Antwoorden waarvan het kanaal "
        "niet bekend is (5), krijgen nooit een plaats."
    ) in answer


def test_channels_without_answers_are_named_in_the_forms_order(
    mixed_store: str, tmp_path: Path
) -> None:
    answer = report(mixed_store, tmp_path, "--lang", "en")
    assert (
        '<p id="no-answers">Not one answer about: Leaflet (paper), Lesson or course platform, '
        "Partner organisation, Other channel.</p>"
    ) in answer


def test_a_filter_to_one_channel_makes_no_ranking(mixed_store: str, tmp_path: Path) -> None:
    answer = report(mixed_store, tmp_path, "--lang", "en", "--channel", "letter")
    assert (
        "<strong>The answers are filtered to one channel, Letter (--channel): no ranking across "
        "channels was asked for, so no tier or place is given. 50% at least satisfied (95% "
        "interval 38% – 62%, n = 60).</strong>"
    ) in answer
    assert "Only Letter" not in answer and "no other channel" not in answer
    assert ">Tier<" not in answer and ">Possible places<" not in answer
    assert cells(answer, "Letter") == ["50%", "38% – 62%", "60", "3.50"]
    assert "Every channel has enough answers" not in answer and "no-answers" not in answer
    answer = report(mixed_store, tmp_path, "--lang", "nl", "--channel", "sms")
    assert (
        "<strong>De antwoorden zijn gefilterd op één kanaal, Sms of WhatsApp (--channel): er is "
        "geen rangschikking van de kanalen gevraagd, dus geen niveau of plaats. 6 van 10 "
        "minstens tevreden: minder dan 30 antwoorden, dus geen percentage.</strong>"
    ) in answer
    assert ">Niveau<" not in answer
