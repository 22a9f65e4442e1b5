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
