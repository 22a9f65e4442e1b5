"""The same records exported from SQLite and from the DynamoDB store give identical CSV.

The DynamoDB store runs against moto's server and dynalite, started on 127.0.0.1 by the
feedback tests' fixtures (tests/feedback/conftest.py)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from click.testing import CliRunner

from analysts.cli import cli
from analysts.demo_data import generate_records
from wegwijs_shared.record import FeedbackRecord
from wegwijs_shared.store import open_store
from wegwijs_shared.store.sqlite import SqliteStore

WINDOW = ["--since", "2026-03-01", "--until", "2026-07-01"]


def test_sqlite_and_dynamodb_exports_are_identical(
    dynamo_endpoint: str,
    aws_credentials: dict[str, str],
    sqlite_store: SqliteStore,
    store_url: str,
    fixture_records: list[FeedbackRecord],
) -> None:
    dynamo_url = (
        f"dynamodb://export-{uuid.uuid4().hex[:10]}?region=eu-west-1&endpoint={dynamo_endpoint}"
    )
    dynamo_store = open_store(dynamo_url)
    dynamo_store.create_schema()
    demo = generate_records(150, seed=11, end=datetime(2026, 6, 30, tzinfo=UTC), months=3)
    records = [*fixture_records, *demo]
    for record in records:
        assert sqlite_store.put(record) and dynamo_store.put(record)

    runner = CliRunner()
    outputs = []
    for url in (store_url, dynamo_url):
        result = runner.invoke(cli, ["export", "--format", "csv", *WINDOW, "--store", url])
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout_bytes)
    sqlite_csv, dynamo_csv = outputs
    assert sqlite_csv.count(b"\r\n") == len(records) + 1  # the header and every record
    assert dynamo_csv == sqlite_csv
