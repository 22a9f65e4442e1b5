"""Retention: an answer with a comment is deleted whole after COMMENT_RETENTION_DAYS in
SQLite as DynamoDB's TTL does it; answers without a comment are kept. On a real file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from feedback_fn import create_app
from wegwijs_shared.record import FeedbackRecord, format_time, utc_now
from wegwijs_shared.store import open_store
from wegwijs_shared.store.dynamo_items import expiry_of
from wegwijs_shared.store.sqlite import SqliteStore

from .samples import make_record
from .servers import ROOT

DAYS = 730


def ids(path: Path) -> set[str]:
    return {record.id for record in SqliteStore(path).iter_records()}


@pytest.fixture
def now() -> datetime:
    return utc_now()


@pytest.fixture
def old_and_new(tmp_path: Path, now: datetime) -> tuple[Path, dict[str, FeedbackRecord]]:
    """A file written without retention: records on both sides of the 730-day line."""
    cutoff = now - timedelta(days=DAYS)
    records = {
        "old comment": make_record(1, cutoff - timedelta(days=30)),
        "old, no comment": make_record(2, cutoff - timedelta(days=30), comment=""),
        "exactly 730 days": make_record(3, cutoff),
        "an hour younger": make_record(4, cutoff + timedelta(hours=1)),
        "new comment": make_record(5, now - timedelta(hours=2)),
    }
    path = tmp_path / "feedback.sqlite3"
    writer = SqliteStore(path)
    assert writer.put_many(records.values()) == len(records)
    writer.close()
    return path, records


def test_purge_deletes_what_dynamodb_ttl_deletes(
    old_and_new: tuple[Path, dict[str, FeedbackRecord]], now: datetime
) -> None:
    path, records = old_and_new
    store = SqliteStore(path, retention_days=DAYS)
    assert store.purge_expired(now=now) == 2
    kept = ids(path)
    assert kept == {
        records[name].id for name in ("old, no comment", "an hour younger", "new comment")
    }
    # The records the DynamoDB store lets expire by now (its TTL rule), and no others.
    expired = {r.id for r in records.values() if (t := expiry_of(r, DAYS)) and t <= now.timestamp()}
    assert expired == {r.id for r in records.values()} - kept
    assert store.last_purge() == now


def test_zero_days_keeps_everything(old_and_new: tuple[Path, dict[str, FeedbackRecord]]) -> None:
    path, records = old_and_new
    assert SqliteStore(path, retention_days=0).purge_expired() == 0
    assert SqliteStore(path).purge_expired() == 0  # no retention given: the analysts' tools
    assert len(ids(path)) == len(records)


def test_the_app_purges_when_it_first_uses_the_file_then_not_again_that_day(
    tmp_path: Path,
) -> None:
    path = tmp_path / "feedback.sqlite3"
    old = make_record(1, utc_now() - timedelta(days=DAYS + 1))
    SqliteStore(path).put(old)
    app = create_app({"TESTING": True, "STORE": f"sqlite:///{path}", "ID_SECRET": "t"})
    answer = {"page": "/mo/", "lang": "nl", "channel": "folder", "rating": 5, "comment": "ok"}
    assert app.test_client().post("/api/feedback", json=answer).status_code == 201
    assert old.id not in ids(path) and len(ids(path)) == 1

    # Another process the same day (a restart): no second purge, even of a new old record.
    SqliteStore(path).put(make_record(2, utc_now() - timedelta(days=DAYS + 1)))
    again = create_app({"TESTING": True, "STORE": f"sqlite:///{path}", "ID_SECRET": "t"})
    assert again.test_client().post("/api/feedback", json=answer).status_code == 200
    assert len(ids(path)) == 2

    # A day later the next process purges again.
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE maintenance SET ran_at = ?", (format_time(utc_now() - timedelta(days=1)),)
        )
    later = open_store(f"sqlite:///{path}", {"COMMENT_RETENTION_DAYS": DAYS})
    later.create_schema()
    assert len(ids(path)) == 1


def test_a_purge_that_cannot_write_leaves_reading_alone(
    old_and_new: tuple[Path, dict[str, FeedbackRecord]], caplog: pytest.LogCaptureFixture
) -> None:
    path, records = old_and_new
    # Another writer holds the file past the busy timeout (a long export, a backup).
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        store = SqliteStore(path, retention_days=DAYS)
        assert len(list(store.iter_records())) == len(records)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert "retention: the purge of" in caplog.text and "locked" in caplog.text


def test_purge_command_on_a_real_file(old_and_new: tuple[Path, dict[str, FeedbackRecord]]) -> None:
    path, records = old_and_new
    result = subprocess.run(
        [sys.executable, "-m", "feedback_fn", "purge"],
        cwd=ROOT,
        env={"FEEDBACK_STORE": f"sqlite:///{path}", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Deleted 2 answer(s) with a comment older than 730 days.\n"
    assert ids(path) == {
        records[name].id for name in ("old, no comment", "an hour younger", "new comment")
    }


def test_purge_command_with_days(old_and_new: tuple[Path, dict[str, FeedbackRecord]]) -> None:
    path, _ = old_and_new
    app = create_app({"TESTING": True, "STORE": f"sqlite:///{path}", "COMMENT_RETENTION_DAYS": 0})
    result = app.test_cli_runner().invoke(args=["purge"])
    assert result.output == "COMMENT_RETENTION_DAYS is 0: answers are kept; nothing deleted.\n"
    result = app.test_cli_runner().invoke(args=["purge", "--days", "1"])
    assert result.exit_code == 0 and result.output.startswith("Deleted 3 answer(s)")


def test_purge_command_on_dynamodb_says_the_table_does_it() -> None:
    app = create_app({"TESTING": True, "STORE": "dynamodb://feedback?region=eu-west-1"})
    result = app.test_cli_runner().invoke(args=["purge"])
    assert result.exit_code == 0 and "DynamoDB TTL" in result.output
