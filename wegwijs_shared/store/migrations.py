"""Numbered migrations of the SQLite store, applied in order on open (PRAGMA user_version).

Version 1 is the frozen script that created the first databases; every later
version adds the columns of the record fields that declare it as their `since`,
with the column type and default derived from the field. A database is never
edited by hand: open it with newer code and it is brought up to date, each step
in a transaction of its own, so a crash leaves it at the last whole version.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from wegwijs_shared.record import RECORD_FIELDS, SCHEMA_VERSION, Field

SQL_TYPES = {"text": "TEXT", "int": "INTEGER", "bool": "INTEGER", "time": "TEXT", "list": "TEXT"}


@dataclass(frozen=True)
class Migration:
    version: int
    what: str
    sql: str


def column_definition(field: Field) -> str:
    """`name TYPE [NOT NULL DEFAULT x]`: what ALTER TABLE ADD COLUMN needs for this field."""
    definition = f"{field.name} {SQL_TYPES[field.kind]}"
    if field.required:
        # SQLite adds a NOT NULL column only with a default, which old rows then read.
        default = field.default
        if isinstance(default, bool):
            default = int(default)
        literal = f"'{default}'" if isinstance(default, str) else str(default)
        definition += f" NOT NULL DEFAULT {literal}"
    return definition


def _added_in(version: int) -> str:
    fields = [field for field in RECORD_FIELDS if field.since == version]
    return "\n".join(f"ALTER TABLE feedback ADD COLUMN {column_definition(f)};" for f in fields)


def _first_version() -> str:
    return resources.files("wegwijs_shared.store").joinpath("sqlite_v1.sql").read_text("utf-8")


def migrations() -> tuple[Migration, ...]:
    """Every migration up to SCHEMA_VERSION, oldest first."""
    found = [Migration(1, "the feedback table and its time index", _first_version())]
    found += [
        Migration(version, f"columns added in schema {version}", _added_in(version))
        for version in range(2, SCHEMA_VERSION + 1)
    ]
    return tuple(found)
