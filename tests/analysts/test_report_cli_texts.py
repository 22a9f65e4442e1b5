"""The report's sentences, read whole from `python -m analysts report` on real SQLite files:
what they say about how an answer's channel was set matches what the feedback function
records, and a store of one record reads as well as a store of many, in both languages."""

from __future__ import annotations

import html as html_module
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from analysts.cli import cli
from feedback_fn.channels import resolve_channel
from tests.analysts.conftest import make_record
from tests.analysts.test_report import section
from wegwijs_shared.record import FeedbackRecord
from wegwijs_shared.store.sqlite import SqliteStore

DOCS = Path(__file__).resolve().parents[2] / "docs" / "analysts.md"
MOMENT = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env={"FEEDBACK_STORE": None})


def report(runner: CliRunner, store_url: str, lang: str, out: Path) -> str:
    """The report `python -m analysts report --lang <lang>` writes for the store."""
    args = ["report", "--lang", lang, "--out", str(out), "--store", store_url]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def text_of(markup: str) -> str:
    """The markup's text: tags dropped, entities read, white space made single spaces."""
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def store_records(store_url: str, records: list[FeedbackRecord]) -> None:
    store = SqliteStore(Path(store_url.removeprefix("sqlite:///")))
    store.create_schema()
    for record in records:
        store.put(record)
    store.close()


def test_a_reader_without_the_script_who_picks_a_channel_on_another_page_is_said_to_count(
    runner: CliRunner, store_url: str, tmp_path: Path
) -> None:
    # A letter's link led to /fr/kosten/?c=letter; the reader, without the script, read on
    # and answered on /fr/attest/. The feedback function records what it can know.
    referer = "https://wegwijs.example/fr/attest/"
    chose = resolve_channel("letter", None, referer, "/fr/attest/")
    skipped = resolve_channel(None, None, referer, "/fr/attest/")
    assert (chose, skipped) == (("letter", "reader"), ("unknown", "none"))
    store_records(
        store_url,
        [
            make_record(1, MOMENT, page="/fr/attest/", lang="fr", channel=chose[0],
                        channel_source=chose[1], js=False),
            make_record(2, MOMENT, page="/fr/attest/", lang="fr", channel=skipped[0],
                        channel_source=skipped[1], js=False),
        ],
    )  # fmt: skip
    english = text_of(section(report(runner, store_url, "en", tmp_path / "en.html"), "provenance"))
    assert (
        "A reader without the script who reads on and answers on another page counts as "
        "'channel not known', unless they choose a channel in the form."
    ) in english
    assert "Channel set by a link: 0; chosen by the reader: 1; not known: 1." in english
    dutch = text_of(section(report(runner, store_url, "nl", tmp_path / "nl.html"), "provenance"))
    assert (
        "Wie zonder script doorleest en op een andere pagina antwoordt, telt als 'kanaal niet "
        "bekend', tenzij die in het formulier een kanaal kiest."
    ) in dutch
    assert "door de lezer gekozen: 1; niet bekend: 1." in dutch
    docs = " ".join(DOCS.read_text(encoding="utf-8").split())
    assert (
        'a reader without the script who answers on another page is "channel not known", '
        "unless they choose a channel in the form"
    ) in docs


# A number 1 before a plural noun, in either language: "1 answers", "1 ontvangen berichten".
ONE_BEFORE_A_PLURAL = re.compile(
    r"\b1 (?:\w+ )?(?:answers|posts|records|pages|comments|days|antwoorden|berichten|pagina's"
    r"|opmerkingen)\b|\bdays? (\d+)–\1\b|\bdag (\d+)–\2\b"
)


def plural_slips(text: str) -> list[str]:
    """Each "1 answers" (or "days 10–10": a range of one) in the text."""
    return [found.group(0) for found in ONE_BEFORE_A_PLURAL.finditer(text)]


def test_a_store_of_one_record_reads_in_the_singular_in_both_languages(
    runner: CliRunner, store_url: str, tmp_path: Path
) -> None:
    # One answer, made by demo-data (its page under /_synthetic/), on one day of a month.
    store_records(
        store_url,
        [make_record(1, MOMENT, page="/_synthetic/traject/", comment="Goed", js=True,
                     channel_source="reader", part="mo", status="mandatory")],
    )  # fmt: skip
    english = text_of(report(runner, store_url, "en", tmp_path / "en.html"))
    assert plural_slips(english) == []
    assert "1 answer stored from 1 post received (0 folded)." in english
    assert "Note: 1 of these answers is synthetic demo data" in english
    assert "2026-03 (partial: day 10)" in english
    dutch = text_of(report(runner, store_url, "nl", tmp_path / "nl.html"))
    assert plural_slips(dutch) == []
    assert "1 antwoord opgeslagen uit 1 ontvangen bericht (0 samengevoegd)." in dutch
    assert "Let op: 1 van deze antwoorden is synthetische demodata" in dutch
    assert "2026-03 (onvolledig: dag 10)" in dutch
    # Two answers: the plural again.
    store_records(store_url, [make_record(2, MOMENT.replace(day=12), folded=1)])
    english = text_of(report(runner, store_url, "en", tmp_path / "en.html"))
    assert "2 answers stored from 3 posts received (1 folded)." in english
    assert "2026-03 (partial: days 10–12)" in english
    dutch = text_of(report(runner, store_url, "nl", tmp_path / "nl.html"))
    assert "2 antwoorden opgeslagen uit 3 ontvangen berichten (1 samengevoegd)." in dutch


def test_one_page_with_enough_answers_and_one_comment_per_channel_read_in_the_singular(
    runner: CliRunner, store_url: str, tmp_path: Path
) -> None:
    store_records(
        store_url,
        [make_record(number, MOMENT.replace(minute=number), comment=f"Opmerking {number}")
         for number in range(1, 31)],
    )  # fmt: skip
    for lang, lead, comments in (
        ("en", "Only 1 page has at least 30 answers: here is its share of readers at least "
         "satisfied.", "The newest comment per channel, with the problems its reader ticked."),
        ("nl", "Maar 1 pagina heeft minstens 30 antwoorden: hier staat het aandeel minstens "
         "tevreden lezers op die pagina.", "De nieuwste opmerking per kanaal, met de werkpunten "
         "die de lezer aanvinkte."),
    ):  # fmt: skip
        out = tmp_path / f"{lang}.html"
        args = ["report", "--lang", lang, "--comments", "1", "--out", str(out)]
        result = runner.invoke(cli, [*args, "--store", store_url])
        assert result.exit_code == 0, result.output
        text = text_of(out.read_text(encoding="utf-8"))
        assert plural_slips(text) == []
        assert lead in text and comments in text


def test_the_commands_count_one_record_in_the_singular(
    runner: CliRunner, store_url: str, tmp_path: Path
) -> None:
    args = ["demo-data", "--n", "1", "--seed", "3", "--end", "2026-06-30", "--store", store_url]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Added 1 synthetic record (seed 3) to {store_url}.\n"
    result = runner.invoke(cli, ["export", "--format", "jsonl", "--store", store_url])
    assert result.exit_code == 0, result.output
    assert result.stderr == "Exported 1 record as jsonl to standard output.\n"


def test_the_channels_not_ranked_are_named_once_by_their_tables_caption(
    runner: CliRunner, store_url: str, tmp_path: Path
) -> None:
    store_records(
        store_url,
        [make_record(1, MOMENT), make_record(2, MOMENT, channel="unknown", channel_source="none")],
    )
    for lang, words in (
        ("en", "Not ranked: too few answers (fewer than 30), or channel not known"),
        ("nl", "Niet gerangschikt: te weinig antwoorden (minder dan 30), of kanaal niet bekend"),
    ):
        answer = section(report(runner, store_url, lang, tmp_path / f"{lang}.html"), "answer")
        assert answer.count(words) == 1, lang
        assert f'<table class="rpt-table" id="too-few">\n    <caption>{words}</caption>' in answer
