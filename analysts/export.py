"""Exports: one streaming writer per format (xlsx for Excel, CSV, JSON Lines, Parquet).

Every writer takes an iterable of rows (FeedbackStore.iter_rows: a record's values in
COLUMNS order, its time as text) and a binary stream, writes as it reads, and returns
the number of rows written; write_csv, write_jsonl and write_parquet take records.
Memory does not grow with the number of records: the text formats hold one batch of
TEXT_BATCH_ROWS rows, Parquet the columns of one row group, xlsx one row.

Reading rows rather than records, and making each column's cells with a formatter
chosen once per column (most columns repeat a few values: their cells are made once),
is what makes a million records take seconds rather than half a minute.
"""

from __future__ import annotations

import codecs
import gc
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from itertools import islice
from json.encoder import encode_basestring  # the C encoder json.dumps uses for text
from typing import Any, BinaryIO

from analysts.export_parquet import parquet_schema, write_parquet_rows
from analysts.export_xlsx import write_xlsx_rows
from analysts.selection import Filters, Row
from wegwijs_shared.record import FIELDS, RECORD_FIELDS, FeedbackRecord, Field
from wegwijs_shared.store.base import FeedbackStore, record_row

__all__ = ["parquet_schema"]  # re-exported: the record schema's test reads it from here

# The stable column order of every export: the record's field order.
COLUMNS = FIELDS
BARRIER_SEPARATOR = ";"
# A cell starting with one of these is read as a formula by Excel and LibreOffice.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# These cells get an apostrophe in front: the formula starts, and the apostrophe itself,
# so that removing one leading apostrophe from every cell that has one restores the
# text exactly (a reader's own "'s Avonds" comes back whole).
ESCAPED_STARTS = (*FORMULA_STARTS, "'")
# Rows the text writers format before writing them out together.
TEXT_BATCH_ROWS = 256
# Distinct values whose cells a column keeps; beyond, cells are made each time.
MEMO_LIMIT = 4096
# The columns whose values rarely repeat (nothing to remember, and free text would
# fill the memory of a column); all others repeat: vocabularies, languages, pages,
# numbers, barrier sets.
UNREPEATED_COLUMNS = ("id", "received_at", "comment")


def neutralise_formula(text: str) -> str:
    """Prefix with an apostrophe a cell that a spreadsheet would run as a formula, and one
    that starts with an apostrophe already (so the escape can be undone exactly)."""
    return "'" + text if text.startswith(ESCAPED_STARTS) else text


class _Cells(dict[Any, str]):
    """A column's cell per value, made once: a lookup is a dict's (in C) after that."""

    def __init__(self, make: Callable[[Any], str]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, value: Any) -> str:
        cell = self.make(value)
        if len(self) < MEMO_LIMIT:  # odd data never fills memory
            self[value] = cell
        return cell


def _formatter(field: Field, make: Callable[[Any], str], empty: str) -> Callable[[Any], str]:
    """The cell maker of one column: remembered when its values repeat, else called."""
    cell = (lambda value: empty if value is None else make(value)) if field.nullable else make
    return cell if field.name in UNREPEATED_COLUMNS else _Cells(cell).__getitem__


def quoted(text: str) -> str:
    """A CSV field as RFC 4180 quotes it: in double quotes, each double quote inside doubled."""
    return '"' + text.replace('"', '""') + '"'


def csv_text(text: str) -> str:
    """A text's CSV field: neutralised (see neutralise_formula), then quoted."""
    if text.startswith(ESCAPED_STARTS):
        text = "'" + text
    return '"' + text.replace('"', '""') + '"'


# Per field kind, its CSV field: booleans as true/false, every cell that starts like a
# formula neutralised, every field quoted. A time is its text already, and format_time's
# text holds no double quote to double.
_CSV_FIELD: dict[str, Callable[[Any], str]] = {
    "text": csv_text,
    "time": '"{}"'.format,
    "int": lambda number: csv_text(str(number)),
    "bool": lambda flag: '"true"' if flag else '"false"',
    "list": lambda codes: csv_text(BARRIER_SEPARATOR.join(codes)),
}
# Per field kind, the JSON text of a value, as json.dumps(ensure_ascii=False) writes it.
_JSON_VALUE: dict[str, Callable[[Any], str]] = {
    "text": encode_basestring,
    "time": encode_basestring,
    "int": lambda number: str(int(number)),
    "bool": lambda flag: "true" if flag else "false",
    "list": lambda codes: "[" + ",".join(map(encode_basestring, codes)) + "]",
}


def batches(rows: Iterable[Row], size: int = TEXT_BATCH_ROWS) -> Iterator[list[Row]]:
    """The rows in lists of `size` (the last one shorter)."""
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def formatted(batch: list[Row], formatters: list[Callable[[Any], str]]) -> Iterator[Row]:
    """The batch's rows of cells, made column by column (map and zip loop in C)."""
    columns = zip(*batch, strict=True)
    return zip(
        *(map(cell, column) for cell, column in zip(formatters, columns, strict=True)),
        strict=True,
    )


def csv_formatters() -> list[Callable[[Any], str]]:
    """Per column, its quoted CSV field; None (not answered) is an empty one."""
    return [_formatter(field, _CSV_FIELD[field.kind], '""') for field in RECORD_FIELDS]


def write_csv_rows(rows: Iterable[Row], out: BinaryIO) -> int:
    """CSV that Excel opens as UTF-8 (BOM), every field quoted, CRLF line ends (RFC 4180).

    The fields are quoted as the csv module's QUOTE_ALL quotes them, a batch of lines
    joined at a time: the same bytes, without a call per field.
    """
    out.write(codecs.BOM_UTF8)
    out.write((",".join(map(quoted, COLUMNS)) + "\r\n").encode("utf-8"))
    formatters = csv_formatters()
    count = 0
    for batch in batches(rows):
        lines = "\r\n".join(map(",".join, formatted(batch, formatters)))
        out.write((lines + "\r\n").encode("utf-8"))
        count += len(batch)
    return count


def jsonl_line_template() -> str:
    """One JSON object's text in COLUMNS order, a %s per value, and its line end."""
    members = ",".join(f"{encode_basestring(name)}:%s" for name in COLUMNS)
    return "{" + members + "}\n"


def write_jsonl_rows(rows: Iterable[Row], out: BinaryIO) -> int:
    """One JSON object per line, UTF-8 (no BOM), readable by FeedbackRecord.from_dict.

    Each line is exactly what json.dumps(..., ensure_ascii=False, separators=(",", ":"))
    writes for the record's dict; it is put together from the values' own JSON texts.
    """
    line = jsonl_line_template().__mod__
    formatters = [_formatter(field, _JSON_VALUE[field.kind], "null") for field in RECORD_FIELDS]
    count = 0
    for batch in batches(rows):
        out.write("".join(map(line, formatted(batch, formatters))).encode("utf-8"))
        count += len(batch)
    return count


WRITERS: dict[str, Callable[[Iterable[Row], BinaryIO], int]] = {
    "csv": write_csv_rows,
    "jsonl": write_jsonl_rows,
    "parquet": write_parquet_rows,
    "xlsx": write_xlsx_rows,
}


def write_rows(file_format: str, rows: Iterable[Row], out: BinaryIO) -> int:
    """Write the rows in a format of WRITERS, Python's cyclic garbage collector paused.

    An export makes millions of short-lived tuples and strings and no reference
    cycles: reference counting frees each batch as soon as it is written (memory
    stays flat), while the collector, set off by every few hundred allocations, walks
    the live objects again and again: a fifth of a million-record Parquet export.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return WRITERS[file_format](rows, out)
    finally:
        if paused:
            gc.enable()


def write_csv(records: Iterable[FeedbackRecord], out: BinaryIO) -> int:
    """write_csv_rows for records (tools and tests that hold records, not rows)."""
    return write_csv_rows(map(record_row, records), out)


def write_jsonl(records: Iterable[FeedbackRecord], out: BinaryIO) -> int:
    """write_jsonl_rows for records."""
    return write_jsonl_rows(map(record_row, records), out)


def write_parquet(records: Iterable[FeedbackRecord], out: BinaryIO, **options: Any) -> int:
    """write_parquet_rows for records."""
    return write_parquet_rows(map(record_row, records), out, **options)


def select_rows(
    store: FeedbackStore,
    since: datetime | None = None,
    until: datetime | None = None,
    lang: str | None = None,
    channel: str | None = None,
    part: str | None = None,
    exclude_synthetic: bool = False,
) -> Iterator[Row]:
    """select_records' records as rows: the store's window, then the same filters (one
    Filters object, so the export and the report keep the same records)."""
    rows = store.iter_rows(since, until)
    keeps = Filters(lang, channel, part, exclude_synthetic).row_test()
    return iter(rows) if keeps is None else filter(keeps, rows)
