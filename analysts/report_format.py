"""Numbers as the report shows them, with one rule everywhere: no percentage below 30 answers.

A share of 0% or 100% on one answer, or 40% on 30 with an interval of 25-58%,
misleads more than it tells; every percentage therefore comes with its n, and
a group with fewer than MIN_ANSWERS answers shows its n and a dash. Its mean
rating is a dash too: 4.67 from three answers looks as precise as a share
withheld for the same reason. Every number is rounded half away from zero
(analysts.rounding).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analysts.charts import Bar
from analysts.rounding import half_away, percent
from analysts.stats import MIN_ANSWERS, Counts


@dataclass
class Row:
    """One group's figures, formatted for a table row."""

    label: str
    n: int
    share: str
    interval: str
    mean: str
    rank: int | None = None
    counts: Counts | None = field(default=None, repr=False)
    places: str = ""


@dataclass(frozen=True)
class Cell:
    """One table cell: the share (or a dash), its interval (or empty) and n."""

    share: str
    interval: str
    n: int


class Formatter:
    """Numbers in the report's language: 85% and 3,8 in Dutch, 85% and 3.8 in English."""

    def __init__(self, lang: str, too_few: str = "") -> None:
        self.decimal = "," if lang == "nl" else "."
        self.too_few = too_few

    def pct(self, value: float | None) -> str:
        return "–" if value is None else percent(value)

    def points(self, value: float, digits: int = 1) -> str:
        """A difference of shares in percentage points, signed: +5.0 pp, −3.5 pp, −0,4 pp."""
        rounded = half_away(value * 100, digits)
        sign = "+" if rounded > 0 else "−" if rounded < 0 else ""
        return f"{sign}{self.number(float(abs(rounded)), digits)} pp"

    def number(self, value: float | None, digits: int = 2) -> str:
        if value is None:
            return "–"
        return str(half_away(value, digits)).replace(".", self.decimal)

    def interval(self, counts: Counts) -> str:
        low, high = counts.interval
        return f"{self.pct(low)} – {self.pct(high)}"

    def row(self, text: str, counts: Counts, rank: int | None = None) -> Row:
        """A table row; below MIN_ANSWERS the share and the mean are a dash, and the
        interval says why."""
        if not counts.n:
            return Row(text, 0, "–", "–", "–", rank, counts)
        if not counts.enough:
            return Row(text, counts.n, "–", self.too_few, "–", rank, counts)
        share = self.pct(counts.share)
        mean = self.number(counts.mean)
        return Row(text, counts.n, share, self.interval(counts), mean, rank, counts)

    def cell(self, counts: Counts) -> Cell:
        if not counts.enough:
            return Cell("–", "", counts.n)
        return Cell(self.pct(counts.share), self.interval(counts), counts.n)

    def count_share(self, count: int, n: int) -> str:
        """`23% (28)` for a group with enough answers, `– (3)` below MIN_ANSWERS."""
        if n < MIN_ANSWERS:
            return f"– ({count})"
        return f"{self.pct(count / n)} ({count})"


def bars(rows: list[Row]) -> list[Bar]:
    """Chart bars for the rows with enough answers (the same rule as the tables)."""
    return [
        Bar(row.label, row.counts.share or 0.0, *row.counts.interval)
        for row in rows
        if row.counts is not None and row.counts.enough
    ]


def alt_items(rows: list[Row]) -> str:
    return "; ".join(f"{row.label}: {row.share} (n = {row.n})" for row in rows) + "."
