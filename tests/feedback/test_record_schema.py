"""The record is defined once (RECORD_FIELDS); every other form follows it, and stores migrate.

tests/data/feedback-schema-v1.sqlite3 was written by the schema-1 code with three
records in it, before schema 2 existed: opening it with today's code must keep,
read and export them all, and take new records.
"""

from __future__ import annotations

import dataclasses
import io
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from analysts.export import COLUMNS, parquet_schema, write_csv
from wegwijs_shared.record import FIELDS, RECORD_FIELDS, SCHEMA_VERSION, FeedbackRecord
from wegwijs_shared.store import StoreUnavailable
from wegwijs_shared.store.dynamo_items import from_item, to_item
from wegwijs_shared.store.migrations import SQL_TYPES, migrations
from wegwijs_shared.store.sqlite import SqliteStore

from .servers import ROOT

V1_DATABASE = ROOT / "tests" / "data" / "feedback-schema-v1.sqlite3"


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    # Never open the committed file itself: opening migrates it.
    copy = tmp_path / "old.sqlite3"
    shutil.copy2(V1_DATABASE, copy)
    return copy


def columns(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as connection:
        return [(row[1], row[2]) for row in connection.execute("PRAGMA table_info(feedback)")]


def test_the_dataclass_has_exactly_the_described_fields_in_order() -> None:
    assert tuple(field.name for field in dataclasses.fields(FeedbackRecord)) == FIELDS
    assert len(set(FIELDS)) == len(FIELDS)
    assert [field.since for field in RECORD_FIELDS] == sorted(f.since for f in RECORD_FIELDS)
    assert max(field.since for field in RECORD_FIELDS) <= SCHEMA_VERSION == len(migrations())


def test_a_schema_1_database_is_migrated_and_keeps_every_record(v1_copy: Path) -> None:
    with sqlite3.connect(v1_copy) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    store = SqliteStore(v1_copy)
    old = list(store.iter_records())
    assert store.schema_version() == SCHEMA_VERSION
    assert [record.id[-1] for record in old] == ["1", "2", "3"]
    arabic = old[1]
    assert (arabic.page, arabic.channel, arabic.barriers) == (
        "/ar/mo/",
        "letter",
        ("language", "alone"),
    )
    assert arabic.comment == "لا أفهم الرسالة [phone]" and arabic.comment_masked
    # Old records say which schema wrote them, and read the new fields' defaults.
    assert {(r.schema_version, r.channel_source, r.folded) for r in old} == {(1, None, 0)}
    # Columns in field order, with the types the field kinds give.
    assert columns(v1_copy) == [(f.name, SQL_TYPES[f.kind]) for f in RECORD_FIELDS]
    # New records go in (the failure this replaces: every insert a 503).
    new = FeedbackRecord(
        id="00000000-0000-4000-8000-00000000000a",
        received_at=datetime(2026, 12, 1, tzinfo=UTC),
        page="/",
        lang="nl",
        channel="unknown",
        rating=3,
        channel_source="none",
    )
    assert store.put(new) and store.get(new.id) == new
    store.add_folded(new.id, 2)
    assert store.get(new.id).folded == 2  # type: ignore[union-attr]
    # And all of it exports.
    out = io.BytesIO()
    assert write_csv(store.iter_records(), out) == 4
    lines = out.getvalue().decode("utf-8-sig").splitlines()
    assert lines[0] == ",".join(f'"{name}"' for name in COLUMNS)
    assert lines[2].endswith('"false","1","","0"') and lines[4].endswith('"2","none","2"')


def test_a_fresh_database_gets_the_same_columns_as_a_migrated_one(
    v1_copy: Path, tmp_path: Path
) -> None:
    SqliteStore(v1_copy).create_schema()
    fresh = tmp_path / "fresh.sqlite3"
    SqliteStore(fresh).create_schema()
    assert columns(fresh) == columns(v1_copy)


def test_migrating_twice_or_from_two_stores_at_once_is_harmless(v1_copy: Path) -> None:
    first, second = SqliteStore(v1_copy), SqliteStore(v1_copy)
    first.create_schema()
    second.create_schema()
    assert len(list(second.iter_records())) == 3


def test_a_database_newer_than_the_code_is_refused_with_what_to_do(v1_copy: Path) -> None:
    with sqlite3.connect(v1_copy) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreUnavailable, match="upgrade the feedback function"):
        SqliteStore(v1_copy).create_schema()


def test_dynamodb_items_written_before_schema_2_read_the_new_defaults() -> None:
    record = FeedbackRecord(
        id="x", received_at=datetime(2026, 3, 1, tzinfo=UTC), page="/", lang="nl",
        channel="sms", rating=4, schema_version=1,
    )  # fmt: skip
    item = to_item(record)
    for added in (field.name for field in RECORD_FIELDS if field.since > 1):
        item.pop(added, None)  # as an item written by schema-1 code looks
    assert from_item(item) == record


def test_typed_exports_and_openapi_follow_the_fields() -> None:
    schema = parquet_schema()
    assert schema.names == list(FIELDS)
    assert [schema.field(f.name).nullable for f in RECORD_FIELDS] == [
        f.nullable for f in RECORD_FIELDS
    ]
    document = yaml.safe_load((ROOT / "feedback_fn" / "openapi.yaml").read_text())
    submission = document["components"]["schemas"]["Submission"]["properties"]
    by_name = {field.name: field for field in RECORD_FIELDS}
    # Every field a client may send is a record field of the same vocabulary.
    for name in set(submission) - {"id", "homepage"}:
        assert name in by_name, name
    assert submission["channel_source"]["enum"] == ["link", "reader"]
    assert set(submission["channel_source"]["enum"]) < set(by_name["channel_source"].vocabulary)
