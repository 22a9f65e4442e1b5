"""One contract, every store: SQLite (a real file), DynamoDB on moto's server and on dynalite.

What a caller of FeedbackStore may rely on, whatever the backend: idempotent puts,
folded counts, time windows read in order, and StoreUnavailable (never a backend's
own exception) when the store is down or throttled.
"""

from __future__ import annotations

import sqlite3
import types
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from wegwijs_shared.record import FeedbackRecord
from wegwijs_shared.store import FeedbackStore, StoreUnavailable, StoreURLError, open_store
from wegwijs_shared.store.base import record_row
from wegwijs_shared.store.dynamo import DynamoStore
from wegwijs_shared.store.sqlite import SqliteStore

from .servers import free_port, make_dynamo_client
from .test_throttling import Throttler

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def record(number: int, moment: datetime, **changes: Any) -> FeedbackRecord:
    fields: dict[str, Any] = {
        "id": f"00000000-0000-4000-8000-{number:012d}",
        "received_at": moment,
        "page": "/mo/",
        "lang": "nl",
        "channel": "letter",
        "rating": 4,
        "channel_source": "link",
    }
    fields.update(changes)
    return FeedbackRecord(**fields)


@pytest.fixture(params=["sqlite", "moto", "dynalite"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> FeedbackStore:
    if request.param == "sqlite":
        return open_store(f"sqlite:///{tmp_path}/contract.sqlite3")
    request.getfixturevalue("aws_credentials")
    endpoint = request.getfixturevalue(f"{request.param}_endpoint")
    store = DynamoStore(f"contract-{uuid.uuid4().hex[:12]}")
    store._client = make_dynamo_client(endpoint)
    store.create_schema()
    return store


def test_put_is_idempotent_on_the_id(any_store: FeedbackStore) -> None:
    first = record(1, START, comment="eerste")
    assert any_store.put(first) is True
    assert any_store.put(record(1, START, comment="tweede")) is False
    assert any_store.get(first.id) == first
    assert any_store.get("00000000-0000-4000-8000-999999999999") is None


def test_put_many_counts_only_new_records(any_store: FeedbackStore) -> None:
    batch = [record(n, START + timedelta(minutes=n)) for n in range(1, 6)]
    assert any_store.put_many(batch[:2]) == 2
    assert any_store.put_many(batch) == 3


def test_folded_posts_are_counted_on_the_record(any_store: FeedbackStore) -> None:
    kept = record(1, START, js=False)
    any_store.put(kept)
    any_store.add_folded(kept.id)
    any_store.add_folded(kept.id, 2)
    assert any_store.get(kept.id).folded == 3  # type: ignore[union-attr]


def test_windows_are_half_open_and_read_in_time_order(any_store: FeedbackStore) -> None:
    # Across midnight and days: the DynamoDB store queries one day bucket at a time.
    moments = [START + timedelta(hours=hours) for hours in (0, 14, 15, 40, 63)]
    for number, moment in reversed(list(enumerate(moments, start=1))):
        any_store.put(record(number, moment))
    everything = [r.received_at for r in any_store.iter_records(since=START)]
    assert everything == moments
    window = list(any_store.iter_records(since=moments[1], until=moments[3]))
    assert [r.received_at for r in window] == moments[1:3]  # since inclusive, until exclusive
    assert list(any_store.iter_records(since=moments[4] + timedelta(seconds=1))) == []


def test_rows_are_the_records_values_with_times_as_text(any_store: FeedbackStore) -> None:
    # Defaults, None, Arabic, barriers (a new order and a repeat, parsed once), a formula.
    records = [
        record(1, START + timedelta(hours=30), barriers=("language", "difficult")),
        record(2, START, comment="لا أفهم الرسالة", comment_masked=True, js=True, folded=2),
        record(3, START, part="mo", status="voluntary", device="phone", channel_source=None),
        record(4, START + timedelta(milliseconds=7), barriers=("difficult", "language")),
        record(5, START + timedelta(days=2), barriers=("language", "difficult"), comment="=1"),
    ]
    any_store.put_many(records)
    since = START - timedelta(days=1)
    rows = list(any_store.iter_rows(since=since))
    assert rows == [record_row(r) for r in any_store.iter_records(since=since)]
    assert [row[0][-1] for row in rows] == ["2", "3", "4", "1", "5"]  # time, then id
    assert rows[0][1] == "2026-03-01T09:00:00.000Z" and rows[2][1].endswith(":00.007Z")
    assert (rows[0][7], rows[0][8], rows[0][12], rows[0][15]) == ("لا أفهم الرسالة", True, True, 2)
    assert (rows[1][6], rows[1][9], rows[1][14]) == ((), "mo", None)
    assert (rows[2][6], rows[3][6]) == (("difficult", "language"), ("language", "difficult"))
    window = any_store.iter_rows(since=START + timedelta(hours=1), until=START + timedelta(days=2))
    assert [row[0][-1] for row in window] == ["1"]  # since inclusive, until exclusive
    if isinstance(any_store, SqliteStore):  # its whole-store read takes another plan
        assert list(any_store.iter_rows()) == rows


def test_an_unreachable_store_raises_store_unavailable_on_every_method(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the store's folder should be")
    request.getfixturevalue("aws_credentials")
    url = f"dynamodb://t?region=eu-west-1&endpoint=http://127.0.0.1:{free_port()}"
    stores = [
        open_store(f"sqlite:///{blocker}/feedback.sqlite3"),
        open_store(url, {"DYNAMODB_MAX_ATTEMPTS": 1, "DYNAMODB_TIMEOUT_SECONDS": 0.5}),
    ]
    for store in stores:
        for call in (
            lambda s: s.put(record(1, START)),
            lambda s: s.get("x"),
            lambda s: list(s.iter_records(since=START, until=START + timedelta(days=1))),
            lambda s: list(s.iter_rows(since=START, until=START + timedelta(days=1))),
            lambda s: s.add_folded("x"),
        ):
            with pytest.raises(StoreUnavailable):
                call(store)


def test_a_busy_sqlite_store_is_unavailable_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # SQLite's throttling: another writer holds the lock past the busy timeout.
    monkeypatch.setattr("wegwijs_shared.store.sqlite.BUSY_TIMEOUT_MS", 100)
    store = SqliteStore(tmp_path / "busy.sqlite3")
    store.create_schema()
    holder = sqlite3.connect(tmp_path / "busy.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreUnavailable):
            store.put(record(1, START))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert store.put(record(1, START)) is True


def test_a_throttled_dynamodb_store_is_unavailable_after_its_retries(
    dynamo_store: DynamoStore, dynamo_endpoint: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("botocore.endpoint.time", types.SimpleNamespace(sleep=lambda _: None))
    client = make_dynamo_client(dynamo_endpoint, max_attempts=3)
    throttler = Throttler(times=10)
    client.meta.events.register("before-send.dynamodb.PutItem", throttler)
    with pytest.raises(StoreUnavailable, match="ProvisionedThroughputExceeded"):
        DynamoStore(dynamo_store.table, client=client).put(record(1, START))
    assert throttler.attempts == 3


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("mysql://x", "must start with sqlite:// or dynamodb://"),
        ("sqlite://relative", "write sqlite:///relative/path"),
        ("dynamodb://", "write dynamodb://TABLE?region=REGION"),
        ("dynamodb://t?regio=eu-west-1", "unknown parameter(s) regio"),
    ],
)
def test_backends_are_found_by_scheme_and_explain_bad_urls(url: str, says: str) -> None:
    with pytest.raises(StoreURLError) as caught:
        open_store(url)
    assert says in str(caught.value)


def test_each_backend_reads_its_own_settings() -> None:
    settings = {"DYNAMODB_MAX_ATTEMPTS": 5, "COMMENT_RETENTION_DAYS": 30, "UNRELATED": 1}
    store = open_store("dynamodb://t?region=eu-west-1", settings)
    assert isinstance(store, DynamoStore)
    assert (store.max_attempts, store.retention_days, store.region) == (5, 30, "eu-west-1")
    assert isinstance(open_store("sqlite:///var/x.sqlite3", settings), SqliteStore)
