"""Exports: one streaming writer per format (CSV for Excel, JSON Lines, Parquet).

Every writer takes an iterable of records and a binary stream, writes as it
reads, and returns the number of records written. Memory does not grow with
the number of records: CSV and JSON Lines hold one row, Parquet the columns of
one small row group.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any, BinaryIO

from wegwijs_shared.record import FIELDS, RECORD_FIELDS, FeedbackRecord, format_time

# The stable column order of every export: the record's field order.
COLUMNS = FIELDS
BARRIER_SEPARATOR = ";"
# A cell starting with one of these is read as a formula by Excel and LibreOffice.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# These cells get an apostrophe in front: the formula starts, and the apostrophe itself,
# so that removing one leading apostrophe from every cell that has one restores the
# text exactly (a reader's own "'s Avonds" comes back whole).
ESCAPED_STARTS = (*FORMULA_STARTS, "'")
# Rows per Parquet row group: big enough for good compression, small enough that
# the columns held for one group (up to 1000-character comments) stay a few MB.
PARQUET_BATCH_ROWS = 8_192


def neutralise_formula(text: str) -> str:
    """Prefix with an apostrophe a cell that a spreadsheet would run as a formula, and one
    that starts with an apostrophe already (so the escape can be undone exactly)."""
    return "'" + text if text.startswith(ESCAPED_STARTS) else text


def csv_time(moment: datetime) -> str:
    """format_time's text (ISO 8601 UTC, milliseconds, Z), faster for the usual UTC times."""
    if moment.tzinfo is UTC:
        return moment.isoformat(timespec="milliseconds")[:-6] + "Z"
    return format_time(moment)


# Per field kind, a cell of text: booleans as true/false, None as empty.
_CSV_CELL: dict[str, Callable[[Any], str]] = {
    "text": str,
    "time": lambda moment: csv_time(moment),
    "int": str,
    "bool": lambda flag: "true" if flag else "false",
    "list": BARRIER_SEPARATOR.join,
}
_KINDS = tuple(field.kind for field in RECORD_FIELDS)


def csv_row(record: FeedbackRecord) -> list[str]:
    """One CSV row in COLUMNS order, every cell text; formula starts neutralised."""
    cells = [
        "" if value is None else _CSV_CELL[kind](value)
        for kind, value in zip(_KINDS, record.values(), strict=True)
    ]
    return [neutralise_formula(cell) for cell in cells]


def write_csv(records: Iterable[FeedbackRecord], out: BinaryIO) -> int:
    """CSV that Excel opens as UTF-8 (BOM), every field quoted, CRLF line ends (RFC 4180)."""
    out.write(codecs.BOM_UTF8)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.writer(text, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        count = 0
        write_row = writer.writerow
        for record in records:
            write_row(csv_row(record))
            count += 1
        text.flush()
    finally:
        text.detach()  # the caller owns `out` and closes it
    return count


def json_object(record: FeedbackRecord) -> dict[str, Any]:
    """The record as one JSON object in COLUMNS order, the schema version included."""
    data = dict(zip(COLUMNS, record.values(), strict=True))
    data["received_at"] = format_time(record.received_at)
    data["barriers"] = list(record.barriers)
    return data


def write_jsonl(records: Iterable[FeedbackRecord], out: BinaryIO) -> int:
    """One JSON object per line, UTF-8 (no BOM), readable by FeedbackRecord.from_dict."""
    count = 0
    for record in records:
        line = json.dumps(json_object(record), ensure_ascii=False, separators=(",", ":"))
        out.write(line.encode("utf-8") + b"\n")
        count += 1
    return count


def parquet_schema() -> Any:
    """Typed columns from the record's fields: UTC timestamps, sized integers, booleans,
    a list of barrier codes; nullable only where a record may hold None."""
    import pyarrow as pa  # type: ignore[import-untyped]

    types = {
        "text": lambda field: pa.string(),
        "time": lambda field: pa.timestamp("ms", tz="UTC"),
        "int": lambda field: {8: pa.int8(), 16: pa.int16(), 32: pa.int32()}[field.bits],
        "bool": lambda field: pa.bool_(),
        "list": lambda field: pa.list_(pa.string()),
    }
    return pa.schema(
        [
            pa.field(field.name, types[field.kind](field), nullable=field.nullable)
            for field in RECORD_FIELDS
        ],
        metadata={"source": "wegwijs feedback export"},
    )


def _empty_columns() -> dict[str, list[Any]]:
    return {name: [] for name in COLUMNS}


def write_parquet(
    records: Iterable[FeedbackRecord], out: BinaryIO, batch_rows: int = PARQUET_BATCH_ROWS
) -> int:
    """Parquet (zstd) written one row group per `batch_rows` records.

    The values go straight into per-column lists, not a list of records, and
    each group is written and dropped before the next: memory stays flat.
    """
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    schema = parquet_schema()
    count = 0
    columns = _empty_columns()
    appenders = [(name, columns[name].append) for name in COLUMNS]
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        pending = 0
        for record in records:
            for name, append in appenders:
                append(getattr(record, name))
            pending += 1
            if pending == batch_rows:
                writer.write_batch(pa.RecordBatch.from_pydict(columns, schema=schema))
                count += pending
                pending = 0
                for values in columns.values():
                    values.clear()
        if pending or count == 0:
            writer.write_batch(pa.RecordBatch.from_pydict(columns, schema=schema))
            count += pending
    return count


WRITERS: dict[str, Callable[[Iterable[FeedbackRecord], BinaryIO], int]] = {
    "csv": write_csv,
    "jsonl": write_jsonl,
    "parquet": write_parquet,
}
