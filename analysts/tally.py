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
# The splits whose named problems the report lists (besides per channel).
BARRIER_SPLITS: tuple[str, ...] = ("status", "part")
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
    channel: str = ""
    barriers: tuple[str, ...] = ()
    status: str | None = None
    part: str | None = None


@dataclass(frozen=True)
class CommentFilter:
    """Which comments the report quotes: any of these channels, barriers and statuses."""

    channels: frozenset[str] = frozenset()
    barriers: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()

    def keeps(self, record: FeedbackRecord) -> bool:
        return (
            (not self.channels or record.channel in self.channels)
            and (not self.barriers or not self.barriers.isdisjoint(record.barriers))
            and (not self.statuses or (record.status or NOT_GIVEN) in self.statuses)
        )

    def active(self) -> dict[str, str]:
        named = {
            "comment-channel": self.channels,
            "comment-barrier": self.barriers,
            "comment-status": self.statuses,
        }
        return {name: ", ".join(sorted(values)) for name, values in named.items() if values}


@dataclass
class ChannelTally:
    counts: Counts = field(default_factory=Counts)
    barriers: Counter[str] = field(default_factory=Counter)
    ratings: Counter[int] = field(default_factory=Counter)
    comments: deque[Comment] = field(default_factory=deque)
    months: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    # How the channel was set (link, reader, none; NOT_GIVEN before schema 2).
    sources: Counter[str] = field(default_factory=Counter)
    # Posts received: each record once plus the identical posts folded into it.
    received: Counts = field(default_factory=Counts)
    # Comments the comment filter keeps, also those beyond the cap: "3 of 16 shown".
    comment_count: int = 0
    # Answers the page's script sent (the others came from the plain HTML form): without
    # it a channel link is known only on the page it led to (report_provenance).
    scripted: int = 0


@dataclass
class Tally:
    """Counts per channel, per split, per month and per page, and the newest comments."""

    comment_cap: int = COMMENTS_PER_CHANNEL
    comment_filter: CommentFilter = field(default_factory=CommentFilter)
    total: Counts = field(default_factory=Counts)
    received: Counts = field(default_factory=Counts)
    channels: dict[str, ChannelTally] = field(default_factory=dict)
    splits: dict[str, dict[str, Counts]] = field(default_factory=dict)
    channel_splits: dict[str, dict[tuple[str, str], Counts]] = field(default_factory=dict)
    # (part, status) -> counts: the agency's question, mandatory vs voluntary per part.
    status_parts: dict[tuple[str, str], Counts] = field(default_factory=lambda: defaultdict(Counts))
    # split -> group -> barrier counts, for the splits in BARRIER_SPLITS.
    split_barriers: dict[str, dict[str, Counter[str]]] = field(default_factory=dict)
    months: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    pages: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    barriers: Counter[str] = field(default_factory=Counter)
    first: datetime | None = None
    last: datetime | None = None
    synthetic: int = 0
    scripted: int = 0
    comments_kept: int = 0

    def __post_init__(self) -> None:
        # Every vocabulary channel is listed, also without answers ("too few answers").
        for channel in CHANNELS:
            self.channels[channel] = ChannelTally(comments=deque(maxlen=self.comment_cap))
        for split in SPLITS:
            self.splits[split] = defaultdict(Counts)
            self.channel_splits[split] = defaultdict(Counts)
        for split in BARRIER_SPLITS:
            self.split_barriers[split] = defaultdict(Counter)

    def add(self, record: FeedbackRecord) -> None:
        rating = record.rating
        self.total.add(rating)
        channel = self.channels.get(record.channel)
        if channel is None:  # a code from a newer vocabulary, or "unknown": still counted
            channel = ChannelTally(comments=deque(maxlen=self.comment_cap))
            self.channels[record.channel] = channel
        moment = record.received_at
        month = f"{moment.year:04d}-{moment.month:02d}"  # strftime is slow per record
        channel.counts.add(rating)
        channel.ratings[rating] += 1
        channel.barriers.update(record.barriers)
        channel.months[month].add(rating)
        channel.sources[record.channel_source or NOT_GIVEN] += 1
        if record.js:
            channel.scripted += 1
            self.scripted += 1
        posts = 1 + max(0, record.folded)
        channel.received.add(rating, posts)
        self.received.add(rating, posts)
        self.barriers.update(record.barriers)
        for split in SPLITS:
            value = getattr(record, split) or NOT_GIVEN
            self.splits[split][value].add(rating)
            self.channel_splits[split][(record.channel, value)].add(rating)
        for split in BARRIER_SPLITS:
            self.split_barriers[split][getattr(record, split) or NOT_GIVEN].update(record.barriers)
        self.status_parts[(record.part or NOT_GIVEN, record.status or NOT_GIVEN)].add(rating)
        self.months[month].add(rating)
        self.pages[record.page].add(rating)
        if record.comment and self.comment_filter.keeps(record):
            # Records come oldest first: the deque keeps the newest `comment_cap`.
            self.comments_kept += 1
            channel.comment_count += 1
            channel.comments.append(
                Comment(
                    record.received_at, record.page, record.lang, rating, record.comment,
                    record.channel, record.barriers, record.status, record.part,
                )
            )  # fmt: skip
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
        return in_vocabulary_order(self.channels[channel].barriers)

    def newest_comments(self, channel: str) -> list[Comment]:
        return sorted(self.channels[channel].comments, key=lambda c: c.received_at, reverse=True)


def in_vocabulary_order(counter: Counter[str]) -> dict[str, int]:
    """Counts per barrier code in vocabulary order, codes the vocabulary lacks last."""
    known = {code: counter.get(code, 0) for code in BARRIERS}
    known.update({code: count for code, count in counter.items() if code not in known})
    return known


def tally_records(
    records: Iterable[FeedbackRecord],
    comment_cap: int = COMMENTS_PER_CHANNEL,
    comment_filter: CommentFilter | None = None,
) -> Tally:
    tally = Tally(comment_cap=comment_cap, comment_filter=comment_filter or CommentFilter())
    for record in records:
        tally.add(record)
    return tally
