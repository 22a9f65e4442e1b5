"""Satisfaction figures: counts per group, the Wilson interval, and the channel ranking."""

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

    def add(self, rating: int) -> None:
        self.n += 1
        self.rating_sum += rating
        if rating >= SATISFIED_FROM:
            self.satisfied += 1

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


def shares_of(counts: dict[str, int], total: int) -> list[tuple[str, int, float]]:
    """(key, count, count/total) most frequent first; ties keep the given key order."""
    if total <= 0:
        return []
    order = {key: index for index, key in enumerate(counts)}
    items = sorted(counts.items(), key=lambda item: (-item[1], order[item[0]]))
    return [(key, count, count / total) for key, count in items if count > 0]
