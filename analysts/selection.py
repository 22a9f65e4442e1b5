"""Which records an export or report reads: a time window from the store, then filters."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from wegwijs_shared.record import FIELDS, FeedbackRecord
from wegwijs_shared.store.base import FeedbackStore

# Every record made by `demo-data` has a page under this prefix, and only those.
SYNTHETIC_PAGE_PREFIX = "/_synthetic/"

# A store's row: a record's values in FIELDS order (FeedbackStore.iter_rows).
Row = tuple[Any, ...]


def is_synthetic_page(page: str) -> bool:
    """True for the page of a record that `demo-data` made: the one test of synthetic data,
    which the report, the export of records and the export of rows all use."""
    return page.startswith(SYNTHETIC_PAGE_PREFIX)


def is_synthetic(record: FeedbackRecord) -> bool:
    """True for a record that `demo-data` made (never for a real submission)."""
    return is_synthetic_page(record.page)


def parse_moment(text: str) -> datetime:
    """`2026-03-01` (midnight UTC) or an ISO 8601 time; a time without zone is UTC."""
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


@dataclass(frozen=True)
class Window:
    """since <= received_at < until; an open end is None."""

    since: datetime | None = None
    until: datetime | None = None

    def __post_init__(self) -> None:
        if self.since is not None and self.until is not None and self.since >= self.until:
            raise ValueError(
                f"the window starts ({format_moment(self.since)}) at or after its end "
                f"({format_moment(self.until)}): --since must come before --until"
            )

    def overlaps(self, other: Window) -> bool:
        starts_before_other_ends = (
            other.until is None or self.since is None or (self.since < other.until)
        )
        ends_after_other_starts = (
            self.until is None or other.since is None or (other.since < self.until)
        )
        return starts_before_other_ends and ends_after_other_starts

    def describe(self, start: str = "…", end: str = "…") -> str:
        """Both ends as days in it: an end at midnight excludes that day, so the last day
        shown is the one before (2026-03-02 – 2026-03-04, then 2026-03-05 – ...: no day
        seems to be in two periods)."""
        first = format_moment(self.since) if self.since else start
        if self.until is None:
            last = end
        elif format_moment(self.until) == self.until.strftime("%Y-%m-%d"):
            last = format_moment(self.until - timedelta(days=1))
        else:
            last = f"< {format_moment(self.until)}"  # before that moment
        return f"{first} – {last}"


def format_moment(moment: datetime) -> str:
    """A date when the moment is midnight UTC, else the time to the minute, with its
    seconds (and their fraction) when they are not zero: a window given to the second
    must be shown as given, or 15:35:35 reads as 15:35 and 00:00:01 as midnight."""
    if (moment.hour, moment.minute, moment.second, moment.microsecond) == (0, 0, 0, 0):
        return moment.strftime("%Y-%m-%d")
    if moment.microsecond:
        fraction = f"{moment.microsecond:06d}".rstrip("0")
        return moment.strftime(f"%Y-%m-%dT%H:%M:%S.{fraction}Z")
    if moment.second:
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return moment.strftime("%Y-%m-%dT%H:%MZ")


@dataclass(frozen=True)
class Filters:
    """What an export or a report keeps besides the window: page language, channel, part,
    and whether the synthetic demo records are left out."""

    page_lang: str | None = None
    channel: str | None = None
    part: str | None = None
    exclude_synthetic: bool = False

    def keeps(self, record: FeedbackRecord) -> bool:
        return (
            (self.page_lang is None or record.lang == self.page_lang)
            and (self.channel is None or record.channel == self.channel)
            and (self.part is None or record.part == self.part)
            and not (self.exclude_synthetic and is_synthetic(record))
        )

    def row_test(self) -> Callable[[Row], bool] | None:
        """keeps() for a store's rows (the export reads rows, not records); None when every
        row is kept. The same fields, values and synthetic test as keeps()."""
        named = (("lang", self.page_lang), ("channel", self.channel), ("part", self.part))
        wanted = [(FIELDS.index(name), value) for name, value in named if value is not None]
        synthetic = self.exclude_synthetic
        page = FIELDS.index("page")
        if not wanted and not synthetic:
            return None

        def keeps_row(row: Row) -> bool:
            return all(row[index] == value for index, value in wanted) and not (
                synthetic and is_synthetic_page(row[page])
            )

        return keeps_row

    def active(self) -> dict[str, str]:
        """The filters that are set, by the name of their option (a flag: "yes")."""
        named = {"page-lang": self.page_lang, "channel": self.channel, "part": self.part}
        named["exclude-synthetic"] = "yes" if self.exclude_synthetic else None
        return {name: value for name, value in named.items() if value is not None}


def select_records(
    store: FeedbackStore,
    since: datetime | None = None,
    until: datetime | None = None,
    lang: str | None = None,
    channel: str | None = None,
    part: str | None = None,
    exclude_synthetic: bool = False,
) -> Iterator[FeedbackRecord]:
    """Records with since <= received_at < until, oldest first, streamed from the store.

    The time window is the store's own (an index range in both stores); the
    page-language, channel and part filters, and leaving out synthetic records,
    are applied here, one record at a time.
    """
    filters = Filters(lang, channel, part, exclude_synthetic)
    keeps = filters.keeps
    for record in store.iter_records(since, until):
        if keeps(record):
            yield record
