"""Which records an export or report reads: a time window from the store, then filters."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from wegwijs_shared.record import FeedbackRecord
from wegwijs_shared.store.base import FeedbackStore

# Every record made by `demo-data` has a page under this prefix, and only those.
SYNTHETIC_PAGE_PREFIX = "/_synthetic/"


def is_synthetic(record: FeedbackRecord) -> bool:
    """True for a record that `demo-data` made (never for a real submission)."""
    return record.page.startswith(SYNTHETIC_PAGE_PREFIX)


def parse_moment(text: str) -> datetime:
    """`2026-03-01` (midnight UTC) or an ISO 8601 time; a time without zone is UTC."""
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def select_records(
    store: FeedbackStore,
    since: datetime | None = None,
    until: datetime | None = None,
    lang: str | None = None,
    channel: str | None = None,
) -> Iterator[FeedbackRecord]:
    """Records with since <= received_at < until, oldest first, streamed from the store.

    The time window is the store's own (an index range in both stores); the
    language and channel filters are applied here, one record at a time.
    """
    for record in store.iter_records(since, until):
        if lang is not None and record.lang != lang:
            continue
        if channel is not None and record.channel != channel:
            continue
        yield record
