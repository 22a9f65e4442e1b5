"""The one storage interface of the feedback function; SQLite and DynamoDB implement it."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from datetime import datetime

from wegwijs_shared.record import FeedbackRecord


class StoreUnavailable(RuntimeError):
    """The store cannot take the record now (down, locked, throttled): the client may resend."""


class FeedbackStore(ABC):
    """Where feedback records live. Writes are idempotent on the record id."""

    # True when the database deletes expired records by itself (DynamoDB's TTL).
    EXPIRES_ITSELF = False

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
    def iter_records(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> Iterator[FeedbackRecord]:
        """Yield records with since <= received_at < until, oldest first, streaming.

        Memory use does not grow with the number of records: exports build on this.
        """

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
