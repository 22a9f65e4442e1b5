"""Satisfaction figures: counts per group, the Wilson interval, tiers and rank ranges of
channels that cannot be told apart, and Newcombe's interval for the change of a share."""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

from wegwijs_shared.vocabulary import SATISFIED_FROM

# Below this many answers a group's share is too uncertain to rank.
MIN_ANSWERS = 30
CONFIDENCE = 0.95


def z_score(confidence: float = CONFIDENCE) -> float:
    """The two-sided normal quantile: 1.95996... for 95%."""
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def wilson_interval(successes: int, n: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """The Wilson score interval for a proportion (no continuity correction).

    Unlike the plain `p ± z·se` interval it stays inside [0, 1] and behaves at
    0% and 100% and for small n; (0.0, 1.0) when there are no answers.
    """
    if n <= 0:
        return 0.0, 1.0
    if not 0 <= successes <= n:
        raise ValueError(f"successes={successes} must lie between 0 and n={n}")
    z = z_score(confidence)
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    margin = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    # At 0% and 100% one bound is exactly the share; rounding would put it a hair
    # beyond (a bound of 1e-17 above a share of 0), which a chart reads as negative.
    low = 0.0 if successes == 0 else max(0.0, min(p, centre - margin))
    high = 1.0 if successes == n else min(1.0, max(p, centre + margin))
    return low, high


@dataclass
class Counts:
    """Answers in one group: how many, how many at least satisfied, the sum of ratings."""

    n: int = 0
    satisfied: int = 0
    rating_sum: int = 0

    def add(self, rating: int, weight: int = 1) -> None:
        """Count `weight` answers with this rating (more than one: posts folded into one)."""
        self.n += weight
        self.rating_sum += rating * weight
        if rating >= SATISFIED_FROM:
            self.satisfied += weight

    @property
    def share(self) -> float | None:
        """The share at least satisfied (rating 4-5); None without answers."""
        return self.satisfied / self.n if self.n else None

    @property
    def interval(self) -> tuple[float, float]:
        return wilson_interval(self.satisfied, self.n)

    @property
    def mean(self) -> float | None:
        return self.rating_sum / self.n if self.n else None

    @property
    def enough(self) -> bool:
        return self.n >= MIN_ANSWERS


def rank_groups(
    groups: dict[str, Counts], min_answers: int = MIN_ANSWERS
) -> tuple[list[tuple[str, Counts]], list[tuple[str, Counts]]]:
    """(ranked, too_few): groups with at least `min_answers` by share satisfied, best
    first (ties: higher lower bound, then more answers, then name); the others by n.
    """
    ranked = [(key, counts) for key, counts in groups.items() if counts.n >= min_answers]
    too_few = [(key, counts) for key, counts in groups.items() if counts.n < min_answers]
    ranked.sort(
        key=lambda item: (-(item[1].share or 0.0), -item[1].interval[0], -item[1].n, item[0])
    )
    too_few.sort(key=lambda item: (-item[1].n, item[0]))
    return ranked, too_few


def newcombe_interval(
    successes_a: int, n_a: int, successes_b: int, n_b: int, confidence: float = CONFIDENCE
) -> tuple[float, float]:
    """Newcombe's hybrid score interval (1998, method 10) for share_a - share_b.

    Made for a difference of two independent proportions: it combines the two
    Wilson intervals, so it stays within [-1, 1] and behaves near 0% and 100%,
    where the plain `d ± z·se` interval is too narrow or impossible.
    """
    if n_a <= 0 or n_b <= 0:
        raise ValueError("both periods need answers for a difference")
    p_a, p_b = successes_a / n_a, successes_b / n_b
    low_a, high_a = wilson_interval(successes_a, n_a, confidence)
    low_b, high_b = wilson_interval(successes_b, n_b, confidence)
    difference = p_a - p_b
    low = difference - math.sqrt((p_a - low_a) ** 2 + (high_b - p_b) ** 2)
    high = difference + math.sqrt((high_a - p_a) ** 2 + (p_b - low_b) ** 2)
    return max(-1.0, low), min(1.0, high)


def _overlap(a: Counts, b: Counts) -> bool:
    return a.interval[0] <= b.interval[1] and b.interval[0] <= a.interval[1]


def tiers(ranked: list[tuple[str, Counts]]) -> list[list[tuple[str, Counts]]]:
    """Channels that cannot be told apart from the best channel left, in one tier.

    The first tier is the best channel and every channel whose 95% interval
    overlaps its interval; the next tier starts at the best channel not yet in
    a tier, and so on. Within a tier no order is certain. `ranked` comes best
    first; tiers keep that order.
    """
    left = list(ranked)
    levels = []
    while left:
        leader = left[0][1]
        tier = [item for item in left if _overlap(leader, item[1])]
        levels.append(tier)
        left = [item for item in left if item not in tier]
    return levels


def rank_range(counts: Counts, others: list[Counts]) -> tuple[int, int]:
    """The places a group can take among `others` (itself included) given the intervals.

    Best: one after every group whose interval lies wholly above its own;
    worst: before every group whose interval lies wholly below it.
    """
    low, high = counts.interval
    above = sum(1 for other in others if other.interval[0] > high)
    below = sum(1 for other in others if other.interval[1] < low)
    return 1 + above, len(others) - below


def shares_of(counts: dict[str, int], total: int) -> list[tuple[str, int, float]]:
    """(key, count, count/total) most frequent first; ties keep the given key order."""
    if total <= 0:
        return []
    order = {key: index for index, key in enumerate(counts)}
    items = sorted(counts.items(), key=lambda item: (-item[1], order[item[0]]))
    return [(key, count, count / total) for key, count in items if count > 0]
