"""SqliteStore on a real file: WAL, schema version, idempotent put, streaming reads."""

from __future__ import annotations

import sqlite3
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from wegwijs_shared.record import SCHEMA_VERSION
from wegwijs_shared.store import StoreUnavailable, open_store
from wegwijs_shared.store.sqlite import SqliteStore

from .samples import START, make_record


def test_schema_created_on_first_use_with_wal_and_version(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "feedback.sqlite3"
    store = SqliteStore(path)
    assert not path.exists()
    store.put(make_record(1))
    assert store.schema_version() == SCHEMA_VERSION
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert {"feedback", "feedback_by_time"} <= tables


def test_put_is_idempotent_and_round_trips(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "f.sqlite3")
    record = make_record(7, part=None, status=None, device=None, barriers=())
    assert store.put(record) is True
    assert store.put(make_record(7, rating=5)) is False
    assert store.get(record.id) == record
    assert store.get("missing") is None


def test_newer_schema_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreUnavailable, match="newer than this code"):
        SqliteStore(path).put(make_record(1))


def test_iter_records_oldest_first_within_bounds(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "f.sqlite3")
    for number in (3, 1, 2, 0):
        store.put(make_record(number, START + timedelta(hours=number)))
    assert [r.id[-1] for r in store.iter_records()] == ["0", "1", "2", "3"]
    window = store.iter_records(since=START + timedelta(hours=1), until=START + timedelta(hours=3))
    assert [r.id[-1] for r in window] == ["1", "2"]


def test_iter_records_streams_and_lets_writes_continue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("wegwijs_shared.store.sqlite.FETCH_SIZE", 10)
    store = SqliteStore(tmp_path / "f.sqlite3")
    for number in range(50):
        store.put(make_record(number, START + timedelta(seconds=number)))
    reader = store.iter_records()
    first = next(reader)
    # A writer is not blocked by an open reader (WAL), even on another thread.
    writer = threading.Thread(target=store.put, args=(make_record(999, START),))
    writer.start()
    writer.join(timeout=5)
    assert first.id.endswith("000")
    assert len(list(reader)) == 49
    assert store.get(make_record(999).id) is not None


def test_unwritable_location_is_unavailable(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreUnavailable):
        SqliteStore(blocker / "f.sqlite3").put(make_record(1))


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("sqlite:///var/f.sqlite3", Path("var/f.sqlite3")),
        ("sqlite:////tmp/f.db", Path("/tmp/f.db")),
    ],
)
def test_store_url_picks_sqlite(url: str, path: Path) -> None:
    store = open_store(url)
    assert isinstance(store, SqliteStore) and store.path == path


@pytest.mark.parametrize("url", ["sqlite://", "sqlite://host/x", "postgres://x", "dynamodb://"])
def test_bad_store_urls_say_what_to_write(url: str) -> None:
    with pytest.raises(ValueError, match="sqlite|dynamodb"):
        open_store(url)


def test_record_fields_keep_the_documented_order() -> None:
    from dataclasses import fields

    from wegwijs_shared.record import FIELDS, FeedbackRecord

    assert tuple(field.name for field in fields(FeedbackRecord)) == FIELDS


def test_put_many_counts_only_new_records_in_one_transaction(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "f.sqlite3")
    store.put(make_record(1))
    batch = [make_record(1), make_record(2), make_record(3), make_record(2)]
    assert store.put_many(batch) == 2  # 1 was there, and 2 comes twice
    assert store.put_many([]) == 0
    assert sorted(r.id[-1] for r in store.iter_records()) == ["1", "2", "3"]
    assert store.get(make_record(3).id) == make_record(3)


def test_put_many_stores_nothing_when_one_record_fails(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "f.sqlite3")
    bad = make_record(5, rating=9)  # the table's CHECK refuses it
    with pytest.raises(StoreUnavailable):
        store.put_many([make_record(4), bad])
    assert list(store.iter_records()) == []
    assert store.put(make_record(4)) is True  # the connection is usable afterwards
