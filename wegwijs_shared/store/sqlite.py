"""SqliteStore: the embedded default store, one file in WAL mode."""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult

from wegwijs_shared.record import (
    FIELDS,
    RECORD_FIELDS,
    SCHEMA_VERSION,
    FeedbackRecord,
    format_time,
    parse_time,
    utc_now,
)
from wegwijs_shared.store.base import FeedbackStore, StoreUnavailable, StoreURLError
from wegwijs_shared.store.migrations import migrations

logger = logging.getLogger(__name__)

DEFAULT_PATH = Path("var/feedback.sqlite3")
# How long a writer waits for another writer before the request gets a 503.
BUSY_TIMEOUT_MS = 2000
# Rows fetched per round trip while streaming; memory stays flat beyond this.
FETCH_SIZE = 500

COLUMNS = FIELDS
_INSERT = (
    f"INSERT INTO feedback ({', '.join(COLUMNS)}) VALUES ({', '.join('?' for _ in COLUMNS)}) "
    "ON CONFLICT (id) DO NOTHING"
)
_SELECT = f"SELECT {', '.join(COLUMNS)} FROM feedback"

# Per field kind: the value as SQLite keeps it, and back (None stays None).
_TO_SQL: dict[str, Callable[[Any], object]] = {
    "time": format_time,
    "list": lambda value: json.dumps(list(value)),
    "bool": int,
    "int": int,
    "text": str,
}
_FROM_SQL: dict[str, Callable[[Any], Any]] = {
    "time": parse_time,
    "list": lambda value: tuple(json.loads(value)),
    "bool": bool,
    "int": int,
    "text": str,
}
_KINDS = tuple(field.kind for field in RECORD_FIELDS)
_DEFAULTS = tuple(field.default for field in RECORD_FIELDS)


class _ParsedBarriers(dict[str, tuple[str, ...]]):
    """Barrier codes per stored JSON array, each parsed once: a store holds few distinct ones."""

    def __missing__(self, text: str) -> tuple[str, ...]:
        codes = tuple(json.loads(text))
        if len(self) < 4096:  # bounded: odd data cannot make it grow
            self[text] = codes
        return codes


# Rows (base.record_row) from SQLite's values: a field with a default reads it in SQL
# when the column is NULL; of the kinds, only lists and booleans need converting
# (a time stays the text it is stored as).
_SELECT_ROWS = "SELECT {} FROM feedback".format(
    ", ".join(
        field.name if field.default is None else f"COALESCE({field.name}, ?)"
        for field in RECORD_FIELDS
    )
)
_ROW_DEFAULTS = tuple(
    _TO_SQL[field.kind](field.default) for field in RECORD_FIELDS if field.default is not None
)
_ROW_CONVERSIONS: tuple[tuple[int, Callable[[Any], Any]], ...] = tuple(
    (index, _ParsedBarriers().__getitem__ if field.kind == "list" else bool)
    for index, field in enumerate(RECORD_FIELDS)
    if field.kind in ("list", "bool")
)
# Retention, as DynamoDB's TTL applies it (dynamo_items.expiry_of): a record that
# carries a comment is deleted whole once it is retention_days old; one without a
# comment holds no free text and is kept.
_EXPIRED = "DELETE FROM feedback WHERE comment != '' AND received_at <= ?"
# When the purge last ran, in the file itself: several processes and restarts
# share it, so the purge runs at most once a day whoever opens the file.
_MAINTENANCE = (
    "CREATE TABLE IF NOT EXISTS maintenance (task TEXT PRIMARY KEY, ran_at TEXT NOT NULL)"
)
PURGE_EVERY = timedelta(days=1)
# How often a long-running process looks whether the day has passed.
PURGE_CHECK_SECONDS = 3600.0


def _to_row(record: FeedbackRecord) -> tuple[object, ...]:
    return tuple(
        None if value is None else _TO_SQL[kind](value)
        for kind, value in zip(_KINDS, record.values(), strict=True)
    )


def _from_row(row: tuple[Any, ...]) -> FeedbackRecord:
    values = [
        default if value is None else _FROM_SQL[kind](value)
        for kind, default, value in zip(_KINDS, _DEFAULTS, row, strict=True)
    ]
    return FeedbackRecord(*values)  # RECORD_FIELDS order is the dataclass's (a test checks)


class SqliteStore(FeedbackStore):
    """Records in one SQLite file; the schema is created on first use.

    With `retention_days`, records with a comment older than that are deleted on
    first use and then once a day (see purge_expired); without, nothing expires
    (the analysts' tools read a file as it is).
    """

    def __init__(self, path: str | Path = DEFAULT_PATH, retention_days: int | None = None) -> None:
        self.path = Path(path)
        self.retention_days = retention_days
        # One connection per thread: sqlite3 connections must not be shared
        # between threads, and a threaded dev server may call us from several.
        self._local = threading.local()
        self._schema_lock = threading.Lock()
        self._schema_ready = False
        self._purge_lock = threading.Lock()
        self._next_purge_check = 0.0

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
        )
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA journal_mode=WAL")
        # NORMAL is durable across application crashes in WAL mode and much faster.
        connection.execute("PRAGMA synchronous=NORMAL")
        return connection

    def _connection(self) -> sqlite3.Connection:
        """This thread's connection, opened (and the schema made) on first use."""
        try:
            connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
            if connection is None:
                connection = self._connect()
                self._local.connection = connection
            if not self._schema_ready:
                self._ensure_schema(connection)
        except (sqlite3.Error, OSError) as error:
            # No folder, read-only disk, locked past the busy timeout: retryable for the client.
            raise StoreUnavailable(f"SQLite {self.path}: {error}") from error
        return connection

    def _ensure_schema(self, connection: sqlite3.Connection) -> None:
        with self._schema_lock:
            if self._schema_ready:
                return
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreUnavailable(
                    f"{self.path} has schema version {version}, newer than this code's "
                    f"{SCHEMA_VERSION}: upgrade the feedback function."
                )
            for migration in migrations()[version:]:
                self._migrate(connection, migration.version, migration.sql)
            self._schema_ready = True

    @staticmethod
    def _migrate(connection: sqlite3.Connection, version: int, sql: str) -> None:
        """One step, all or nothing; another process may have taken it meanwhile."""
        connection.execute("BEGIN IMMEDIATE")
        try:
            if connection.execute("PRAGMA user_version").fetchone()[0] < version:
                for statement in _statements(sql):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {version}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    def create_schema(self) -> None:
        self._connection()
        self._purge_if_due()

    def purge_expired(self, retention_days: int | None = None, now: datetime | None = None) -> int:
        """Delete the records with a comment received retention_days or more before `now`.

        Returns how many were deleted; 0 days (or none configured) keeps everything.
        """
        days = self.retention_days if retention_days is None else retention_days
        if days is None or days <= 0:
            return 0
        now = now or utc_now()
        connection = self._connection()
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                connection.execute(_MAINTENANCE)
                deleted = connection.execute(
                    _EXPIRED, (format_time(now - timedelta(days=days)),)
                ).rowcount
                connection.execute(
                    "INSERT OR REPLACE INTO maintenance (task, ran_at) VALUES ('purge', ?)",
                    (format_time(now),),
                )
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise StoreUnavailable(f"SQLite {self.path}: {error}") from error
        return int(deleted)

    def last_purge(self) -> datetime | None:
        """When purge_expired last ran on this file, if ever."""
        try:
            row = (
                self._connection()
                .execute("SELECT ran_at FROM maintenance WHERE task = 'purge'")
                .fetchone()
            )
        except sqlite3.OperationalError:  # no maintenance table: never purged
            return None
        return parse_time(row[0]) if row else None

    def _purge_if_due(self) -> None:
        """Purge if retention is set and no purge ran on this file in the last day."""
        if not self.retention_days or time.monotonic() < self._next_purge_check:
            return
        if not self._purge_lock.acquire(blocking=False):
            return  # another thread is at it
        try:
            self._next_purge_check = time.monotonic() + PURGE_CHECK_SECONDS
            last = self.last_purge()
            now = utc_now()
            if last is not None and now - last < PURGE_EVERY:
                return
            deleted = self.purge_expired(now=now)
            logger.info("retention: deleted %d record(s) with a comment", deleted)
        except (sqlite3.Error, StoreUnavailable) as error:
            # A read-only copy, a busy file: answers are still stored; retried within the hour.
            logger.warning("retention: the purge of %s failed: %s", self.path, error)
        finally:
            self._purge_lock.release()

    def schema_version(self) -> int:
        return int(self._connection().execute("PRAGMA user_version").fetchone()[0])

    @classmethod
    def from_url(cls, parts: SplitResult, settings: Mapping[str, Any]) -> SqliteStore:
        """`sqlite:///relative/path` or `sqlite:////absolute/path`; of the settings it reads
        COMMENT_RETENTION_DAYS (the same retention as DynamoDB's TTL)."""
        if parts.netloc or not parts.path.startswith("/") or len(parts.path) < 2 or parts.query:
            raise StoreURLError(
                f"{parts.geturl()!r}: write sqlite:///relative/path or sqlite:////abs/path"
            )
        retention = settings.get("COMMENT_RETENTION_DAYS")
        return cls(
            Path(parts.path[1:]), retention_days=None if retention is None else int(retention)
        )

    def put(self, record: FeedbackRecord) -> bool:
        self._purge_if_due()
        try:
            cursor = self._connection().execute(_INSERT, _to_row(record))
        except sqlite3.Error as error:
            raise StoreUnavailable(f"SQLite {self.path}: {error}") from error
        return cursor.rowcount == 1

    def put_many(self, records: Iterable[FeedbackRecord]) -> int:
        """All in one transaction: all stored, or (on an error) none."""
        connection = self._connection()
        try:
            before = connection.total_changes
            with connection:  # rolls back if anything fails
                connection.execute("BEGIN IMMEDIATE")
                connection.executemany(_INSERT, (_to_row(record) for record in records))
            return connection.total_changes - before
        except sqlite3.Error as error:
            raise StoreUnavailable(f"SQLite {self.path}: {error}") from error

    def add_folded(self, record_id: str, posts: int = 1) -> None:
        try:
            self._connection().execute(
                "UPDATE feedback SET folded = folded + ? WHERE id = ?", (posts, record_id)
            )
        except sqlite3.Error as error:
            raise StoreUnavailable(f"SQLite {self.path}: {error}") from error

    def get(self, record_id: str) -> FeedbackRecord | None:
        try:
            row = self._connection().execute(f"{_SELECT} WHERE id = ?", (record_id,)).fetchone()
        except sqlite3.Error as error:
            raise StoreUnavailable(f"SQLite {self.path}: {error}") from error
        return _from_row(row) if row else None

    def iter_records(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> Iterator[FeedbackRecord]:
        for rows in self._read(_SELECT, since, until):
            yield from map(_from_row, rows)

    def iter_rows(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """Rows straight from SQLite's values, no FeedbackRecord built: texts, integers and
        the stored time text pass as they are; barriers and booleans are converted."""
        for rows in self._read(_SELECT_ROWS, since, until, _ROW_DEFAULTS, may_scan=True):
            for row in rows:
                values = list(row)
                for index, convert in _ROW_CONVERSIONS:
                    values[index] = convert(values[index])
                yield tuple(values)

    def _read(
        self,
        select: str,
        since: datetime | None,
        until: datetime | None,
        select_params: tuple[object, ...] = (),
        may_scan: bool = False,
    ) -> Iterator[list[tuple[Any, ...]]]:
        """The rows of `select` in the window, oldest first, in batches of FETCH_SIZE tuples.

        Two plans give that order. The index on (received_at, id) reads the window in
        order, but then looks each row up by its id: a random walk through the table,
        which is kept in id order (about 9 µs a row on a 1M-record file). Scanning the
        table in its own order and sorting costs about 5 µs a row of the whole table,
        in a sorter of bounded memory (it spills to temporary files). With `may_scan`,
        a window that holds more than half of the records is scanned and sorted.
        """
        self._connection()  # the schema must exist before a reader opens its own connection
        self._purge_if_due()
        # A connection of its own: a slow consumer of this generator must not
        # hold up, or be disturbed by, writes on this thread's connection.
        try:
            reader = self._connect()
        except (sqlite3.Error, OSError) as error:
            raise StoreUnavailable(f"SQLite {self.path}: {error}") from error
        reader.row_factory = None  # plain tuples: the fastest to make
        try:
            where, params = _window(since, until)
            scan = may_scan and _mostly_within(reader, where, params)
            # The unary + is a no-op that keeps SQLite from using the index.
            key = "+" if scan else ""
            where, params = _window(since, until, key)
            order = f"ORDER BY {key}received_at, {key}id"
            cursor = reader.execute(f"{select}{where} {order}", [*select_params, *params])
            while rows := cursor.fetchmany(FETCH_SIZE):
                yield rows
        except sqlite3.Error as error:
            raise StoreUnavailable(f"SQLite {self.path}: {error}") from error
        finally:
            reader.close()

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None


def _window(since: datetime | None, until: datetime | None, key: str = "") -> tuple[str, list[str]]:
    """The WHERE clause of since <= received_at < until, and its parameters."""
    clauses, params = [], []
    if since is not None:
        clauses.append(f"{key}received_at >= ?")
        params.append(format_time(since))
    if until is not None:
        clauses.append(f"{key}received_at < ?")
        params.append(format_time(until))
    return (f" WHERE {' AND '.join(clauses)}" if clauses else ""), params


def _mostly_within(connection: sqlite3.Connection, where: str, params: list[str]) -> bool:
    """Whether the window holds more than half of the records (counted on the index)."""
    if not where:
        return True
    within = connection.execute(f"SELECT count(*) FROM feedback{where}", params).fetchone()[0]
    total = connection.execute("SELECT count(*) FROM feedback").fetchone()[0]
    return bool(2 * within > total)


def _statements(script: str) -> list[str]:
    """A migration script as single statements (execute() takes one at a time)."""
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    return [statement for statement in statements if statement.rstrip(";").strip()]
