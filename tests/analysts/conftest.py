"""Fixtures for the analysts' tools: small known records, real SQLite files in tmp dirs,
(the DynamoDB-compatible servers are tests/conftest.py's)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from wegwijs_shared.record import FeedbackRecord
from wegwijs_shared.store.sqlite import SqliteStore


def make_record(number: int, moment: datetime, **changes: object) -> FeedbackRecord:
    """A valid record with a readable id; `changes` override any field."""
    fields: dict[str, object] = {
        "id": f"00000000-0000-4000-8000-{number:012d}",
        "received_at": moment,
        "page": "/traject/",
        "lang": "nl",
        "channel": "website",
        "rating": 4,
    }
    fields.update(changes)
    return FeedbackRecord(**fields)  # type: ignore[arg-type]


@pytest.fixture
def fixture_records() -> list[FeedbackRecord]:
    """Four records, oldest first: quoting, Arabic, empty optionals, formula injections."""
    return [
        make_record(
            1, datetime(2026, 3, 1, 9, 30, 0, 123000, tzinfo=UTC),
            rating=5, comment='Duidelijk, "echt" goed', part="intake", status="mandatory",
            device="phone", js=True,
        ),
        make_record(
            2, datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
            page="/ar/mo/", lang="ar", channel="letter", rating=2,
            barriers=("language", "difficult"), comment="الرسالة صعبة\nجدا", part="mo",
            status="voluntary", device="computer",
        ),
        make_record(
            3, datetime(2026, 3, 3, 11, 0, tzinfo=UTC),
            channel="sms", rating=3, barriers=("internet",), comment='=HYPERLINK("x")',
            comment_masked=True,
        ),
        make_record(4, datetime(2026, 3, 4, 12, 0, tzinfo=UTC), channel="sms", comment="@SUM(A1)"),
        make_record(5, datetime(2026, 3, 5, 13, 0, tzinfo=UTC), channel="sms", comment="-1+1"),
        make_record(6, datetime(2026, 3, 6, 14, 0, tzinfo=UTC), channel="sms", comment="+31"),
        make_record(7, datetime(2026, 3, 7, 15, 0, tzinfo=UTC), channel="sms", comment="\tx"),
        make_record(8, datetime(2026, 3, 8, 16, 0, tzinfo=UTC), channel="sms", comment="\rx"),
    ]  # fmt: skip


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "var" / "feedback.sqlite3"


@pytest.fixture
def store_url(db_path: Path) -> str:
    return f"sqlite:///{db_path}"


@pytest.fixture
def sqlite_store(db_path: Path) -> SqliteStore:
    store = SqliteStore(db_path)
    store.create_schema()
    return store


@pytest.fixture
def filled_store(sqlite_store: SqliteStore, fixture_records: list[FeedbackRecord]) -> SqliteStore:
    for record in fixture_records:
        sqlite_store.put(record)
    return sqlite_store
