"""The one storage interface of the feedback function; SQLite and DynamoDB implement it."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any
from urllib.parse import SplitResult

from wegwijs_shared.record import RECORD_FIELDS, FeedbackRecord, format_time

# The fields a row holds as text rather than as the record's value (see record_row).
_TIME_INDEXES = tuple(i for i, field in enumerate(RECORD_FIELDS) if field.kind == "time")


class StoreUnavailable(RuntimeError):
    """The store cannot take the record now (down, locked, throttled): the client may resend."""


class StoreURLError(ValueError):
    """A store URL this code does not understand; the message shows the right form."""


class FeedbackStore(ABC):
    """Where feedback records live. Writes are idempotent on the record id."""

    # True when the database deletes expired records by itself (DynamoDB's TTL).
    EXPIRES_ITSELF = False

    @classmethod
    @abstractmethod
    def from_url(cls, parts: SplitResult, settings: Mapping[str, Any]) -> FeedbackStore:
        """The store a URL of this backend's scheme names; `settings` are the app's
        configuration (FEEDBACK_* keys), of which each backend reads its own.
        Raises StoreURLError for a URL it cannot use."""

    @abstractmethod
    def put(self, record: FeedbackRecord) -> bool:
        """Store the record unless one with its id exists; True when it was new.

        Raises StoreUnavailable when the store cannot answer; never leaves a
        partial record.
        """

    def put_many(self, records: Iterable[FeedbackRecord]) -> int:
        """Store each record as put() does; returns how many were new.

        For bulk loads (demo data, migrations). A store may write them in one
        transaction; this default writes one by one.
        """
        return sum(self.put(record) for record in records)

    @abstractmethod
    def add_folded(self, record_id: str, posts: int = 1) -> None:
        """Count `posts` more identical posts folded into the stored record (schema 2).

        Raises StoreUnavailable when the store cannot answer.
        """

    @abstractmethod
    def iter_records(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> Iterator[FeedbackRecord]:
        """Yield records with since <= received_at < until, oldest first, streaming.

        Memory use does not grow with the number of records: exports build on this.
        Raises StoreUnavailable when the store cannot answer, as every method does:
        callers never need to know a backend's own exceptions.
        """

    def iter_rows(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """The records of iter_records(since, until) as rows (see record_row), same order.

        What exports read: a store can make rows without building a FeedbackRecord
        for each, which is most of the cost of reading a million records (SqliteStore
        does). This default converts the records. Streams and raises as iter_records.
        """
        return map(record_row, self.iter_records(since, until))

    @abstractmethod
    def get(self, record_id: str) -> FeedbackRecord | None:
        """One record by id (for checks and tools; the web app only writes)."""

    @abstractmethod
    def create_schema(self) -> None:
        """Create the table(s) if missing. Idempotent."""

    def purge_expired(self, retention_days: int | None = None, now: datetime | None = None) -> int:
        """Delete the records past their retention (see SqliteStore); returns how many.

        A store whose database expires records itself (EXPIRES_ITSELF) does nothing.
        """
        return 0

    def prepare(self) -> None:  # noqa: B027 - optional hook, nothing to prepare by default
        """Do now what the first write would otherwise do first, without network I/O.

        Called while Lambda initialises ahead of traffic (provisioned
        concurrency, SnapStart), so that the first request finds it done.
        """

    def close(self) -> None:  # noqa: B027 - optional hook, nothing to release by default
        """Release connections; the store may not be used afterwards."""


def record_row(record: FeedbackRecord) -> tuple[Any, ...]:
    """A record as a row: its values in FIELDS order, each time as its format_time text.

    The text is how both stores keep a time and how the text exports write it, so a
    store hands it over without parsing it and a writer without formatting it.
    """
    values = list(record.values())
    for index in _TIME_INDEXES:
        values[index] = format_time(values[index])
    return tuple(values)
