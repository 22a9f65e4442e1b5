"""Comments in the report, from a real SQLite store through the CLI: what the cap and the
filters leave out is said, and every fact of a comment is named."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.analysts.conftest import make_record
from tests.analysts.test_report import report_section
from wegwijs_shared.store.sqlite import SqliteStore

START = datetime(2026, 3, 10, tzinfo=UTC)


@pytest.fixture
def commented_store(tmp_path: Path) -> str:
    """16 comments about the counter (the first 2 by mandatory readers), 7 about letters."""
    path = tmp_path / "comments.sqlite3"
    store = SqliteStore(path)
    store.create_schema()
    for number in range(16):
        status = "mandatory" if number < 2 else "voluntary"
        store.put(make_record(number + 1, START + timedelta(hours=number), channel="counter",
                              comment=f"loket {number}", status=status))  # fmt: skip
    for number in range(7):
        store.put(make_record(100 + number, START + timedelta(hours=number), channel="letter",
                              comment=f"brief {number}", status="unknown", part="general",
                              rating=1))  # fmt: skip
    store.close()
    return f"sqlite:///{path}"


def comments(store: str, tmp_path: Path, *args: str) -> str:
    return report_section(store, tmp_path, "comments", *args)


def test_a_capped_channel_says_how_many_of_its_comments_are_shown(
    commented_store: str, tmp_path: Path
) -> None:
    part = comments(commented_store, tmp_path, "--lang", "en", "--comments", "3")
    assert part.count("<blockquote") == 6
    counter = part[part.index("<h3>Office counter</h3>") :]
    assert counter.index("Comments shown: 3 of 16 (the newest).") < counter.index("<blockquote")
    assert '<p class="rpt-meta">Comments shown: 3 of 7 (the newest).</p>' in part
    part = comments(commented_store, tmp_path, "--comments", "3")
    assert '<p class="rpt-meta">Opmerkingen getoond: 3 van 16 (de nieuwste).</p>' in part


def test_filtered_comments_say_how_many_were_found_and_shown(
    commented_store: str, tmp_path: Path
) -> None:
    args = ["--lang", "en", "--comments", "1", "--comment-status", "mandatory"]
    args += ["--comment-status", "unknown"]
    part = comments(commented_store, tmp_path, *args)
    assert "Only comments with --comment-status mandatory, unknown: 9 found, 2 shown." in part
    assert "Comments shown: 1 of 2 (the newest)." in part
    assert "Comments shown: 1 of 7 (the newest)." in part


def test_no_comments_asked_for_is_not_no_comments(commented_store: str, tmp_path: Path) -> None:
    part = comments(commented_store, tmp_path, "--lang", "en", "--comments", "0")
    assert "No comments shown: --comments 0 asked for none. This selection holds 23." in part
    assert "No comments." not in part and "The newest 0" not in part
    part = comments(commented_store, tmp_path, "--comments", "0")
    assert "Geen opmerkingen getoond: --comments 0 vroeg er geen. Deze selectie heeft er 23." in (
        part
    )


def test_a_comments_facts_are_named(commented_store: str, tmp_path: Path) -> None:
    part = comments(commented_store, tmp_path, "--lang", "en", "--comment-channel", "letter")
    meta = re.findall(r'<p class="rpt-meta">(\d{4}-[^<]*)<span', part)
    assert meta[0] == (
        "2026-03-10 06:00 UTC · Rating: 1/5 · Status: Does not know · Trajectory part: General · "
        "Page: "
    )
    part = comments(commented_store, tmp_path, "--comment-channel", "counter")
    meta = re.findall(r'<p class="rpt-meta">(\d{4}-[^<]*)<span', part)
    assert meta[0] == (
        "2026-03-10 15:00 UTC · Score: 4/5 · Status: Vrijwillig · Trajectonderdeel: (niet "
        "ingevuld) · Pagina: "
    )
