"""The report's sections over time: months (partial ones marked), trend per channel, and two
periods compared per channel with Newcombe's interval for the difference."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from analysts.charts import trend_chart
from analysts.report_format import Formatter, alt_items, bars
from analysts.selection import Window
from analysts.stats import Counts, newcombe_interval
from analysts.tally import Tally


@dataclass(frozen=True)
class Month:
    key: str  # YYYY-MM
    first_day: int  # the first and last day of the month the period covers
    last_day: int
    days: int  # days in the month

    @property
    def partial(self) -> bool:
        return self.first_day > 1 or self.last_day < self.days


def covered_months(window: Window, first: datetime, last: datetime) -> list[Month]:
    """Every month from the period's start to its end, with the days the period covers.

    The period runs from --since (or the first answer) to --until (or the last
    answer); a month it cuts is partial, and its share is not comparable with
    a whole month's (a first week, a summer holiday).
    """
    start = (window.since or first).date()
    end = (window.until - timedelta(microseconds=1)).date() if window.until else last.date()
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        days = calendar.monthrange(year, month)[1]
        first_day = start.day if (year, month) == (start.year, start.month) else 1
        last_day = end.day if (year, month) == (end.year, end.month) else days
        months.append(Month(f"{year:04d}-{month:02d}", first_day, last_day, days))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


class TimeSections:
    """Trend, trend per channel and the comparison of two periods, for the ReportBuilder."""

    def __init__(self, builder: Any, window: Window) -> None:
        self.builder, self.window = builder, window
        self.tally: Tally = builder.tally
        self.fmt: Formatter = builder.fmt
        self.months: list[Month] = []
        if self.tally.first is not None and self.tally.last is not None:
            self.months = covered_months(window, self.tally.first, self.tally.last)

    def month_label(self, month: Month) -> str:
        if not month.partial:
            return month.key
        days = month.last_day - month.first_day + 1
        text: str = self.builder.tn(
            "partial", days, month=month.key, first=month.first_day, last=month.last_day
        )
        return text

    def trend(self) -> dict[str, Any]:
        rows = [
            self.fmt.row(self.month_label(month), self.tally.months.get(month.key, Counts()))
            for month in self.months
        ]
        chart = None
        points = bars(rows)
        if points:
            alt = self.builder.t("alt.trend", items=alt_items(rows))
            chart = trend_chart("chart-trend", points, alt)
        return {"rows": rows, "chart": chart}

    def channel_trend(self) -> dict[str, Any]:
        lines = []
        for code in self.builder.answered_channels():
            months = self.tally.channels[code].months
            cells = [self.fmt.cell(months.get(month.key, Counts())) for month in self.months]
            lines.append({"label": self.builder.channel_label(code), "cells": cells})
        return {"months": [self.month_label(month) for month in self.months], "lines": lines}

    def compare(self, earlier: Tally, earlier_window: Window) -> dict[str, Any]:
        """Per channel: earlier and now, the difference now − earlier and its interval."""
        t = self.builder.t
        rows = [self._difference(t("compare_all"), earlier.total, self.tally.total)]
        codes = self.builder.answered_channels()
        codes += [c for c, ch in earlier.channels.items() if ch.counts.n and c not in codes]
        for code in codes:
            before = earlier.channels[code].counts if code in earlier.channels else Counts()
            now = self.tally.channels[code].counts if code in self.tally.channels else Counts()
            rows.append(self._difference(self.builder.channel_label(code), before, now))
        return {
            "rows": rows,
            "lead": t(
                "compare_lead",
                now=self.window.describe(*self._span()),
                earlier=earlier_window.describe(*self._span(earlier)),
                min=self.builder.min,
            ),  # fmt: skip
        }

    def _span(self, tally: Tally | None = None) -> tuple[str, str]:
        tally = tally or self.tally
        first = tally.first.strftime("%Y-%m-%d") if tally.first else "…"
        last = tally.last.strftime("%Y-%m-%d") if tally.last else "…"
        return first, last

    def _difference(self, text: str, before: Counts, now: Counts) -> dict[str, Any]:
        t, fmt = self.builder.t, self.fmt
        line: dict[str, Any] = {
            "label": text, "earlier": fmt.cell(before), "now": fmt.cell(now),
            "difference": "–", "interval": "", "verdict": t("change.few"),
        }  # fmt: skip
        if before.enough and now.enough:
            low, high = newcombe_interval(now.satisfied, now.n, before.satisfied, before.n)
            # One decimal, for the difference as for its bounds: a bound of −0.4 pp must not
            # read as 0 next to "lower", and 62.5% → 57.0% is −5.5 pp, not −6 beside 62%.
            digits = 1
            difference = (now.share or 0.0) - (before.share or 0.0)
            line["difference"] = fmt.points(difference, digits)
            line["interval"] = f"{fmt.points(low, digits)} … {fmt.points(high, digits)}"
            verdict = "up" if low > 0 else "down" if high < 0 else "none"
            line["verdict"] = t(f"change.{verdict}")
        return line
