"""One pass over the records, keeping only counts: what the channel report is made from.

Memory grows with the number of groups (channels, languages, pages, months)
and the comment cap, never with the number of records.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from analysts.selection import is_synthetic
from analysts.stats import Counts
from wegwijs_shared.record import FeedbackRecord
from wegwijs_shared.vocabulary import BARRIERS, CHANNELS

# The agency's own splits, in the order the report shows them.
SPLITS: tuple[str, ...] = ("lang", "part", "status", "device")
# The group of records that did not answer an optional question.
NOT_GIVEN = ""
COMMENTS_PER_CHANNEL = 20


@dataclass(frozen=True)
class Comment:
    received_at: datetime
    page: str
    lang: str
    rating: int
    text: str


@dataclass
class ChannelTally:
    counts: Counts = field(default_factory=Counts)
    barriers: Counter[str] = field(default_factory=Counter)
    ratings: Counter[int] = field(default_factory=Counter)
    comments: deque[Comment] = field(default_factory=deque)


@dataclass
class Tally:
    """Counts per channel, per split, per month and per page, and the newest comments."""

    comment_cap: int = COMMENTS_PER_CHANNEL
    total: Counts = field(default_factory=Counts)
    channels: dict[str, ChannelTally] = field(default_factory=dict)
    splits: dict[str, dict[str, Counts]] = field(default_factory=dict)
    channel_splits: dict[str, dict[tuple[str, str], Counts]] = field(default_factory=dict)
    months: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    pages: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    barriers: Counter[str] = field(default_factory=Counter)
    first: datetime | None = None
    last: datetime | None = None
    synthetic: int = 0

    def __post_init__(self) -> None:
        # Every vocabulary channel is listed, also without answers ("too few answers").
        for channel in CHANNELS:
            self.channels[channel] = ChannelTally(comments=deque(maxlen=self.comment_cap))
        for split in SPLITS:
            self.splits[split] = defaultdict(Counts)
            self.channel_splits[split] = defaultdict(Counts)

    def add(self, record: FeedbackRecord) -> None:
        rating = record.rating
        self.total.add(rating)
        channel = self.channels.get(record.channel)
        if channel is None:  # a code from a newer vocabulary: still counted
            channel = ChannelTally(comments=deque(maxlen=self.comment_cap))
            self.channels[record.channel] = channel
        channel.counts.add(rating)
        channel.ratings[rating] += 1
        channel.barriers.update(record.barriers)
        self.barriers.update(record.barriers)
        for split in SPLITS:
            value = getattr(record, split) or NOT_GIVEN
            self.splits[split][value].add(rating)
            self.channel_splits[split][(record.channel, value)].add(rating)
        self.months[record.received_at.strftime("%Y-%m")].add(rating)
        self.pages[record.page].add(rating)
        if record.comment:
            # Records come oldest first: the deque keeps the newest `comment_cap`.
            channel.comments.append(
                Comment(record.received_at, record.page, record.lang, rating, record.comment)
            )
        if self.first is None or record.received_at < self.first:
            self.first = record.received_at
        if self.last is None or record.received_at > self.last:
            self.last = record.received_at
        if is_synthetic(record):
            self.synthetic += 1

    def channel_counts(self) -> dict[str, Counts]:
        return {code: channel.counts for code, channel in self.channels.items()}

    def barrier_counts(self, channel: str) -> dict[str, int]:
        """Counts per barrier code for one channel, in vocabulary order (unknown codes last)."""
        counter = self.channels[channel].barriers
        known = {code: counter.get(code, 0) for code in BARRIERS}
        known.update({code: count for code, count in counter.items() if code not in known})
        return known

    def newest_comments(self, channel: str) -> list[Comment]:
        return sorted(self.channels[channel].comments, key=lambda c: c.received_at, reverse=True)


def tally_records(
    records: Iterable[FeedbackRecord], comment_cap: int = COMMENTS_PER_CHANNEL
) -> Tally:
    tally = Tally(comment_cap=comment_cap)
    for record in records:
        tally.add(record)
    return tally
