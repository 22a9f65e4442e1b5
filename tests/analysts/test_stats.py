"""Wilson interval against published values; the ranking and its "too few answers" rule;
barrier shares per channel from a streamed tally."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from analysts.stats import MIN_ANSWERS, Counts, rank_groups, shares_of, wilson_interval
from analysts.tally import tally_records
from tests.analysts.conftest import make_record

START = datetime(2026, 4, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("successes", "n", "low", "high"),
    [
        # R: prop.test(x, n, correct = FALSE)$conf.int
        (8, 10, 0.4901625, 0.9433178),
        (50, 100, 0.4038315, 0.5961685),
        # At the edges the interval stays inside [0, 1] and is not empty.
        (0, 10, 0.0, 0.2775328),
        (10, 10, 0.7224672, 1.0),
        (1, 1, 0.2065493, 1.0),
    ],
)
def test_wilson_interval_matches_known_values(
    successes: int, n: int, low: float, high: float
) -> None:
    assert wilson_interval(successes, n) == pytest.approx((low, high), abs=1e-6)


def test_wilson_interval_without_answers_is_everything() -> None:
    assert wilson_interval(0, 0) == (0.0, 1.0)
    with pytest.raises(ValueError):
        wilson_interval(11, 10)


def counts(n: int, satisfied: int, rating_sum: int | None = None) -> Counts:
    return Counts(n=n, satisfied=satisfied, rating_sum=rating_sum or 4 * n)


def test_ranking_by_share_and_too_few_answers_are_not_ranked() -> None:
    groups = {
        "website": counts(200, 150),  # 75%
        "letter": counts(40, 20),  # 50%
        "counter": counts(MIN_ANSWERS, 27),  # 90%, just enough answers
        "phone": counts(MIN_ANSWERS - 1, 29),  # 100% but too few
        "other": counts(0, 0),
        "sms": counts(5, 1),
    }
    ranked, too_few = rank_groups(groups)
    assert [name for name, _ in ranked] == ["counter", "website", "letter"]
    assert [name for name, _ in too_few] == ["phone", "sms", "other"]


def test_equal_shares_rank_the_surer_one_first() -> None:
    ranked, _ = rank_groups({"a": counts(40, 30), "b": counts(400, 300), "c": counts(40, 30)})
    # Same 75%: the larger n has the higher lower bound; then by name.
    assert [name for name, _ in ranked] == ["b", "a", "c"]


def test_counts_share_mean_and_satisfied_from_four() -> None:
    group = Counts()
    for rating in (1, 3, 4, 5, 5):
        group.add(rating)
    assert (group.n, group.satisfied) == (5, 3)
    assert group.share == pytest.approx(0.6)
    assert group.mean == pytest.approx(3.6)
    assert Counts().share is None and Counts().mean is None


def test_barrier_shares_are_of_that_channels_answers() -> None:
    records = [
        make_record(1, START, channel="letter", barriers=("language", "difficult")),
        make_record(2, START, channel="letter", barriers=("language",)),
        make_record(3, START, channel="letter"),
        make_record(4, START, channel="letter", barriers=("alone",)),
        make_record(5, START, channel="website", barriers=("internet",)),
    ]
    tally = tally_records(records)
    shares = shares_of(tally.barrier_counts("letter"), tally.channels["letter"].counts.n)
    # Most frequent first; ties in vocabulary order (difficult before alone).
    assert shares == [("language", 2, 0.5), ("difficult", 1, 0.25), ("alone", 1, 0.25)]
    assert shares_of(tally.barrier_counts("website"), 1) == [("internet", 1, 1.0)]
    assert shares_of(tally.barrier_counts("sms"), 0) == []


def test_tally_splits_months_and_newest_comments() -> None:
    records = [
        make_record(n, START + timedelta(days=20 * n), comment=f"c{n}", status="voluntary")
        for n in range(1, 6)
    ]
    tally = tally_records(records, comment_cap=3)
    # 21 April, 11 and 31 May, 20 June, 10 July.
    assert {month: c.n for month, c in tally.months.items()} == {
        "2026-04": 1, "2026-05": 2, "2026-06": 1, "2026-07": 1,
    }  # fmt: skip
    assert tally.splits["status"]["voluntary"].n == 5
    assert tally.splits["part"][""].n == 5  # not answered
    assert [c.text for c in tally.newest_comments("website")] == ["c5", "c4", "c3"]
    assert tally.synthetic == 0


def test_wilson_bounds_at_0_and_100_percent_are_exact_for_every_n() -> None:
    # Rounding once put the lower bound of 0/5 and the upper of 13/13 a hair beyond the
    # share, which matplotlib refused as a negative error bar (issue 14, item 7).
    for n in range(1, 2001):
        assert wilson_interval(0, n)[0] == 0.0
        assert wilson_interval(n, n)[1] == 1.0
        low, high = wilson_interval(n // 3, n)
        assert low <= n // 3 / n <= high


@pytest.mark.parametrize(
    ("a", "n_a", "b", "n_b", "low", "high"),
    [
        # Newcombe (1998), Statistics in Medicine 17: 873-890, table II, method 10.
        (56, 70, 48, 80, 0.0524, 0.3339),
        (9, 10, 3, 10, 0.1705, 0.8090),
        (5, 56, 0, 29, -0.0381, 0.1926),
    ],
)
def test_newcombe_interval_matches_the_published_values(
    a: int, n_a: int, b: int, n_b: int, low: float, high: float
) -> None:
    from analysts.stats import newcombe_interval

    assert newcombe_interval(a, n_a, b, n_b) == pytest.approx((low, high), abs=5e-5)
    assert newcombe_interval(b, n_b, a, n_a) == pytest.approx((-high, -low), abs=5e-5)


def test_tiers_group_channels_that_overlap_the_best_one_left() -> None:
    from analysts.stats import rank_range, tiers

    groups = {
        "counter": counts(130, 116),  # 89%, 83-94
        "course": counts(260, 213),  # 82%, 77-86: overlaps the counter
        "website": counts(460, 331),  # 72%, 68-76: does not; leads tier 2
        "phone": counts(43, 29),  # 67%, 53-80: overlaps course, website and letter
        "letter": counts(170, 82),  # 48%, 41-56: overlaps the phone only
    }
    ranked, _ = rank_groups(groups)
    levels = [[code for code, _ in tier] for tier in tiers(ranked)]
    assert levels == [["counter", "course"], ["website", "phone"], ["letter"]]
    everyone = list(groups.values())
    assert rank_range(groups["counter"], everyone) == (1, 2)
    assert rank_range(groups["phone"], everyone) == (2, 5)
    assert rank_range(groups["website"], everyone) == (3, 4)
    assert rank_range(groups["letter"], everyone) == (4, 5)
