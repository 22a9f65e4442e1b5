"""The export writers: exact CSV bytes, JSON Lines round trip, Parquet types, streaming.

The command reads rows (FeedbackStore.iter_rows); write_csv and its kin take records.
Both paths are checked to give the same bytes.
"""

from __future__ import annotations

import gc
import io
import json
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysts.export import (
    COLUMNS,
    TEXT_BATCH_ROWS,
    WRITERS,
    neutralise_formula,
    select_rows,
    write_csv,
    write_csv_rows,
    write_jsonl,
    write_jsonl_rows,
    write_parquet,
    write_rows,
)
from analysts.selection import select_records
from tests.analysts.conftest import make_record
from wegwijs_shared.record import FeedbackRecord
from wegwijs_shared.store.base import StoreUnavailable, record_row
from wegwijs_shared.store.sqlite import SqliteStore

V1_DATABASE = Path(__file__).resolve().parents[1] / "data" / "feedback-schema-v1.sqlite3"

HEADER = (
    '"id","received_at","page","lang","channel","rating","barriers","comment",'
    '"comment_masked","part","status","device","js","schema_version","channel_source","folded"\r\n'
)
EXPECTED_CSV = (
    "\ufeff" + HEADER
    + '"00000000-0000-4000-8000-000000000001","2026-03-01T09:30:00.123Z","/traject/","nl",'
    '"website","5","","Duidelijk, ""echt"" goed","false","intake","mandatory","phone","true",'
    '"2","","0"\r\n'
    '"00000000-0000-4000-8000-000000000002","2026-03-02T10:00:00.000Z","/ar/mo/","ar","letter",'
    '"2","language;difficult","الرسالة صعبة\nجدا","false","mo","voluntary","computer","false",'
    '"2","","0"\r\n'
    '"00000000-0000-4000-8000-000000000003","2026-03-03T11:00:00.000Z","/traject/","nl","sms",'
    '"3","internet","\'=HYPERLINK(""x"")","true","","","","false","2","","0"\r\n'
    '"00000000-0000-4000-8000-000000000004","2026-03-04T12:00:00.000Z","/traject/","nl","sms",'
    '"4","","\'@SUM(A1)","false","","","","false","2","","0"\r\n'
    '"00000000-0000-4000-8000-000000000005","2026-03-05T13:00:00.000Z","/traject/","nl","sms",'
    '"4","","\'-1+1","false","","","","false","2","","0"\r\n'
    '"00000000-0000-4000-8000-000000000006","2026-03-06T14:00:00.000Z","/traject/","nl","sms",'
    '"4","","\'+31","false","","","","false","2","","0"\r\n'
    '"00000000-0000-4000-8000-000000000007","2026-03-07T15:00:00.000Z","/traject/","nl","sms",'
    '"4","","\'\tx","false","","","","false","2","","0"\r\n'
    '"00000000-0000-4000-8000-000000000008","2026-03-08T16:00:00.000Z","/traject/","nl","sms",'
    '"4","","\'\rx","false","","","","false","2","","0"\r\n'
).encode()  # fmt: skip


def test_csv_bytes_are_exact(filled_store: SqliteStore) -> None:
    out = io.BytesIO()
    assert write_csv(select_records(filled_store), out) == 8
    assert out.getvalue() == EXPECTED_CSV
    assert out.getvalue().startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8


@pytest.mark.parametrize("file_format", ["csv", "jsonl"])
def test_rows_from_the_store_give_the_same_bytes_as_records(
    filled_store: SqliteStore, file_format: str
) -> None:
    from_rows, from_records = io.BytesIO(), io.BytesIO()
    assert WRITERS[file_format](select_rows(filled_store), from_rows) == 8
    write = write_csv if file_format == "csv" else write_jsonl
    assert write(select_records(filled_store), from_records) == 8
    assert from_rows.getvalue() == from_records.getvalue()
    if file_format == "csv":
        assert from_rows.getvalue() == EXPECTED_CSV


def test_a_schema_1_database_exports_the_same_from_rows_and_records(tmp_path: Path) -> None:
    """Rows read the stored text and values directly: old records must read as the records do."""
    copy = tmp_path / "old.sqlite3"
    shutil.copy2(V1_DATABASE, copy)  # never the committed file: opening migrates it
    store = SqliteStore(copy)
    for from_row, from_record in ((write_csv_rows, write_csv), (write_jsonl_rows, write_jsonl)):
        from_rows, from_records = io.BytesIO(), io.BytesIO()
        assert from_row(store.iter_rows(), from_rows) == 3
        assert from_record(store.iter_records(), from_records) == 3
        assert from_rows.getvalue() == from_records.getvalue()


def test_csv_of_no_records_is_the_header_alone() -> None:
    out = io.BytesIO()
    assert write_csv([], out) == 0
    assert out.getvalue() == "\ufeff".encode() + HEADER.encode()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\tA", "'\tA"),
        ("\rA", "'\rA"),
        ("a=1", "a=1"),
        ("", ""),
        (" =1", " =1"),
        ("/traject/", "/traject/"),
    ],
)
def test_formula_starts_are_neutralised(text: str, expected: str) -> None:
    assert neutralise_formula(text) == expected


def test_jsonl_lines_are_what_json_dumps_writes() -> None:
    """The lines are put together from the values' JSON texts: the same as json.dumps."""
    start = datetime(2026, 5, 1, tzinfo=UTC)
    texts = ['say "hi"\\', "الرسالة\n\tجدا", "\u2028\x00\x1f😀", "=1", "", "/p/"]
    records = [
        make_record(n, start, comment=text, page=text or "/", part=None if n % 2 else "mo",
                    barriers=("language", "other")[: n % 3], comment_masked=bool(n % 2), folded=n)
        for n, text in enumerate(texts)
    ]  # fmt: skip
    out = io.BytesIO()
    assert write_jsonl(records, out) == len(records)
    objects = [dict(zip(COLUMNS, record_row(record), strict=True)) for record in records]
    expected = "".join(
        json.dumps(
            {**obj, "barriers": list(obj["barriers"])}, ensure_ascii=False, separators=(",", ":")
        )
        + "\n"
        for obj in objects
    )
    assert out.getvalue().decode("utf-8") == expected


def test_jsonl_round_trips_every_record(
    filled_store: SqliteStore, fixture_records: list[FeedbackRecord]
) -> None:
    out = io.BytesIO()
    assert write_jsonl(select_records(filled_store), out) == len(fixture_records)
    lines = out.getvalue().decode("utf-8").splitlines()
    assert len(lines) == len(fixture_records)
    objects = [json.loads(line) for line in lines]
    assert all(list(obj) == list(COLUMNS) and obj["schema_version"] == 2 for obj in objects)
    assert [FeedbackRecord.from_dict(obj) for obj in objects] == fixture_records
    assert "الرسالة" in lines[1]  # UTF-8 as is, not \u escapes


def test_parquet_reads_back_with_types(
    tmp_path: Path, filled_store: SqliteStore, fixture_records: list[FeedbackRecord]
) -> None:
    path = tmp_path / "feedback.parquet"
    with open(path, "wb") as handle:
        # A batch of 3 rows: the 8 records make three row groups.
        assert write_parquet(select_records(filled_store), handle, batch_rows=3) == 8
    parquet = pq.ParquetFile(path)
    assert parquet.metadata.num_row_groups == 3
    # Readers can skip row groups by time; free text carries no statistics and no dictionary.
    group = parquet.metadata.row_group(0)
    times = group.column(COLUMNS.index("received_at")).statistics
    assert (times.min, times.max) == (
        datetime(2026, 3, 1, 9, 30, 0, 123000, tzinfo=UTC),
        datetime(2026, 3, 3, 11, 0, tzinfo=UTC),
    )
    assert not group.column(COLUMNS.index("comment")).is_stats_set
    assert "RLE_DICTIONARY" in group.column(COLUMNS.index("channel")).encodings
    assert "RLE_DICTIONARY" not in group.column(COLUMNS.index("id")).encodings
    table = parquet.read()
    assert table.column_names == list(COLUMNS)
    schema = table.schema
    assert schema.field("received_at").type == pa.timestamp("ms", tz="UTC")
    assert schema.field("rating").type == pa.int8()
    assert schema.field("barriers").type == pa.list_(pa.string())
    assert schema.field("js").type == pa.bool_()
    rows = table.to_pylist()
    assert rows[0]["received_at"] == datetime(2026, 3, 1, 9, 30, 0, 123000, tzinfo=UTC)
    assert rows[1]["barriers"] == ["language", "difficult"]
    assert rows[1]["comment"] == "الرسالة صعبة\nجدا"
    assert rows[2]["part"] is None and rows[2]["comment"] == '=HYPERLINK("x")'
    rebuilt = [FeedbackRecord(**{**row, "barriers": tuple(row["barriers"])}) for row in rows]
    assert rebuilt == fixture_records


def test_parquet_of_no_records_still_has_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "empty.parquet"
    with open(path, "wb") as handle:
        assert write_parquet([], handle) == 0
    table = pq.read_table(path)
    assert table.num_rows == 0 and table.column_names == list(COLUMNS)


@pytest.mark.parametrize("writer", [write_csv, write_jsonl])
def test_text_writers_hold_at_most_one_batch(writer: object) -> None:
    """Streaming: when record k is read, record k - TEXT_BATCH_ROWS is in the output."""
    out = io.BytesIO()
    start = datetime(2026, 5, 1, tzinfo=UTC)
    total = 3 * TEXT_BATCH_ROWS + 5

    def records() -> Iterator[FeedbackRecord]:
        for number in range(1, total + 1):
            if number > TEXT_BATCH_ROWS:
                written = make_record(number - TEXT_BATCH_ROWS, start)
                assert written.id.encode() in out.getvalue()
            yield make_record(number, start)

    assert writer(records(), out) == total  # type: ignore[operator]
    assert out.getvalue().count(b"00000000-0000-4000-8000-") == total


def test_filters_on_language_and_channel(filled_store: SqliteStore) -> None:
    ids = [r.id[-1] for r in select_records(filled_store, channel="sms")]
    assert ids == ["3", "4", "5", "6", "7", "8"]
    assert [r.id[-1] for r in select_records(filled_store, lang="ar")] == ["2"]
    since, until = datetime(2026, 3, 2, tzinfo=UTC), datetime(2026, 3, 4, tzinfo=UTC)
    assert [r.id[-1] for r in select_records(filled_store, since, until)] == ["2", "3"]


@pytest.mark.parametrize(
    "choice",
    [{}, {"channel": "sms"}, {"lang": "ar"}, {"part": "mo"}, {"channel": "sms", "lang": "ar"}]
    + [{"exclude_synthetic": True}, {"channel": "sms", "exclude_synthetic": True}],
)
def test_rows_are_filtered_as_records_are(filled_store: SqliteStore, choice: dict) -> None:
    since = datetime(2026, 3, 2, tzinfo=UTC)
    for window in ({}, {"since": since}, {"since": since, "until": since.replace(day=6)}):
        records = select_records(filled_store, **window, **choice)
        assert list(select_rows(filled_store, **window, **choice)) == list(map(record_row, records))


def test_write_rows_pauses_the_garbage_collector_and_restores_it(filled_store: SqliteStore) -> None:
    assert gc.isenabled()

    def rows() -> Iterator[tuple[object, ...]]:
        assert not gc.isenabled()  # paused while the rows stream
        yield from select_rows(filled_store)

    out = io.BytesIO()
    assert write_rows("csv", rows(), out) == 8 and out.getvalue() == EXPECTED_CSV
    assert gc.isenabled()

    def unavailable() -> Iterator[tuple[object, ...]]:
        raise StoreUnavailable("the store went away")
        yield ()

    with pytest.raises(StoreUnavailable):
        write_rows("jsonl", unavailable(), io.BytesIO())
    assert gc.isenabled()
