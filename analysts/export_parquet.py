"""The Parquet export: typed columns from the record's fields, one row group at a time."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from typing import Any, BinaryIO

from wegwijs_shared.record import RECORD_FIELDS

# Rows per Parquet row group: big enough for good compression, small enough that
# the rows held for one group (up to 1000-character comments) stay a few MB.
PARQUET_BATCH_ROWS = 8_192
# Columns whose every value differs: a dictionary encoding only costs time there,
# and min/max statistics of ids and free text help no reader skip a row group.
UNIQUE_COLUMNS = ("id", "received_at", "comment")
NO_STATISTICS = ("id", "comment")


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


def record_batch(rows: list[tuple[Any, ...]], schema: Any) -> Any:
    """One Arrow batch of rows: each column converted whole (a time column from its
    text, parsed by Arrow), not value by value in Python."""
    import pyarrow as pa

    columns = list(zip(*rows, strict=True)) if rows else [() for _ in schema]
    arrays = [
        pa.array(values, pa.string()).cast(field.type)
        if pa.types.is_timestamp(field.type)
        else pa.array(values, field.type)
        for field, values in zip(schema, columns, strict=True)
    ]
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def write_parquet_rows(
    rows: Iterable[tuple[Any, ...]], out: BinaryIO, batch_rows: int = PARQUET_BATCH_ROWS
) -> int:
    """Parquet (zstd) written one row group per `batch_rows` rows.

    Each group's rows are converted and written, then dropped before the next
    group is read: memory stays flat.
    """
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    schema = parquet_schema()
    count = 0
    iterator = iter(rows)
    names = [field.name for field in RECORD_FIELDS]
    with pq.ParquetWriter(
        out,
        schema,
        compression="zstd",
        use_dictionary=[name for name in names if name not in UNIQUE_COLUMNS],
        write_statistics=[name for name in names if name not in NO_STATISTICS],
    ) as writer:
        while batch := list(islice(iterator, batch_rows)):
            writer.write_batch(record_batch(batch, schema))
            count += len(batch)
        if count == 0:  # a file with its schema and one empty row group
            writer.write_batch(record_batch([], schema))
    return count
