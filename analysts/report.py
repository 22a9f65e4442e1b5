"""The channel report: one self-contained HTML file, the answer first, in Dutch or English."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from analysts.charts import Bar, bar_chart, heatmap_chart, trend_chart
from analysts.report_text import REPORT_LANGUAGES, TEXTS, label
from analysts.stats import MIN_ANSWERS, Counts, rank_groups, shares_of
from analysts.tally import (
    COMMENTS_PER_CHANNEL,
    NOT_GIVEN,
    SPLITS,
    Tally,
    tally_records,
)
from wegwijs_shared.record import FeedbackRecord
from wegwijs_shared.vocabulary import BARRIERS, SEGMENTS

LOWEST_PAGES = 10
# How many named problems the barrier chart's text alternative spells out.
ALT_ITEMS = 5


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


class Formatter:
    """Numbers in the report's language: 85% and 3,8 in Dutch, 85% and 3.8 in English."""

    def __init__(self, lang: str) -> None:
        self.decimal = "," if lang == "nl" else "."

    def pct(self, value: float | None) -> str:
        return "–" if value is None else f"{value:.0%}"

    def number(self, value: float | None, digits: int = 2) -> str:
        return "–" if value is None else f"{value:.{digits}f}".replace(".", self.decimal)

    def row(self, text: str, counts: Counts, rank: int | None = None) -> Row:
        low, high = counts.interval
        interval = f"{self.pct(low)} – {self.pct(high)}" if counts.n else "–"
        mean = self.number(counts.mean)
        return Row(text, counts.n, self.pct(counts.share), interval, mean, rank, counts)


def _bars(rows: list[Row]) -> list[Bar]:
    return [
        Bar(row.label, row.counts.share or 0.0, *row.counts.interval)
        for row in rows
        if row.counts is not None and row.counts.n
    ]


def _alt_items(rows: list[Row]) -> str:
    return "; ".join(f"{row.label}: {row.share} (n = {row.n})" for row in rows) + "."


class ReportBuilder:
    """Turns a Tally into the template's sections (tables, charts, sentences)."""

    def __init__(self, tally: Tally, lang: str) -> None:
        if lang not in REPORT_LANGUAGES:
            raise ValueError(f"report language {lang!r}: choose one of {REPORT_LANGUAGES}")
        self.tally, self.lang = tally, lang
        self.text = TEXTS[lang]
        self.fmt = Formatter(lang)

    def t(self, key: str, **params: Any) -> str:
        return self.text[key].format(**params)

    def answered_channels(self) -> list[str]:
        """Channels with answers in report order: ranked best first, then the too-few ones."""
        ranked, too_few = rank_groups(self.tally.channel_counts(), MIN_ANSWERS)
        return [code for code, counts in [*ranked, *too_few] if counts.n]

    def channel_label(self, code: str) -> str:
        return label(self.lang, "channel", code)

    def answer(self) -> dict[str, Any]:
        ranked, too_few = rank_groups(self.tally.channel_counts(), MIN_ANSWERS)
        rows = [
            self.fmt.row(self.channel_label(code), counts, rank)
            for rank, (code, counts) in enumerate(ranked, start=1)
        ]
        section: dict[str, Any] = {
            "ranked": rows,
            "too_few": [self.fmt.row(self.channel_label(code), c) for code, c in too_few],
            "best": None,
            "overlap": False,
            "chart": None,
        }
        if rows:
            best, (low, high) = rows[0], ranked[0][1].interval
            section["best"] = self.t(
                "best", label=best.label, share=best.share, low=self.fmt.pct(low),
                high=self.fmt.pct(high), n=best.n,
            )  # fmt: skip
            if len(ranked) > 1:
                section["overlap"] = ranked[1][1].interval[1] >= ranked[0][1].interval[0]
            alt = self.t("alt.ranking", items=_alt_items(rows))
            section["chart"] = bar_chart("chart-ranking", _bars(rows), alt)
        return section

    def barriers(self) -> dict[str, Any]:
        channels = self.answered_channels()
        tables = []
        for code in channels:
            n = self.tally.channels[code].counts.n
            items = shares_of(self.tally.barrier_counts(code), n)
            rows = [
                (label(self.lang, "barrier", b), count, self.fmt.pct(s)) for b, count, s in items
            ]
            tables.append({"label": self.channel_label(code), "n": n, "rows": rows})
        chart = None
        if channels:
            columns = [code for code, _, _ in shares_of(self.tally.barriers, 1)] or list(BARRIERS)
            values = [
                [
                    self.tally.channels[c].barriers[b] / self.tally.channels[c].counts.n
                    for b in columns
                ]
                for c in channels
            ]
            top = shares_of(self.tally.barriers, self.tally.total.n)[:ALT_ITEMS]
            named = "; ".join(
                f"{label(self.lang, 'barrier', b)}: {self.fmt.pct(s)}" for b, _, s in top
            )
            chart = heatmap_chart(
                "chart-barriers",
                [self.channel_label(c) for c in channels],
                [label(self.lang, "barrier", b) for b in columns],
                values,
                self.t("alt.barriers", items=named or "–"),
            )
        return {"tables": tables, "chart": chart}

    def _group_order(self, split: str) -> list[str]:
        groups = self.tally.splits[split]
        if split in SEGMENTS:
            known = [value for value in SEGMENTS[split] if value in groups]
        else:
            known = sorted(groups, key=lambda value: (-groups[value].n, value))
            known = [value for value in known if value != NOT_GIVEN]
        others = sorted(v for v in groups if v not in known and v != NOT_GIVEN)
        return known + others + ([NOT_GIVEN] if NOT_GIVEN in groups else [])

    def group_label(self, split: str, value: str) -> str:
        return self.text["not_given"] if value == NOT_GIVEN else label(self.lang, split, value)

    def split(self, split: str) -> dict[str, Any]:
        order = self._group_order(split)
        groups = self.tally.splits[split]
        rows = [self.fmt.row(self.group_label(split, v), groups[v]) for v in order]
        cross = []
        for code in self.answered_channels():
            cells = []
            for value in order:
                counts = self.tally.channel_splits[split].get((code, value), Counts())
                cells.append(self.fmt.pct(counts.share) if counts.enough else "–")
            cross.append({"label": self.channel_label(code), "cells": cells})
        chart = None
        if rows:
            alt = self.t("alt.split", items=_alt_items(rows))
            chart = bar_chart(f"chart-split-{split}", _bars(rows), alt)
        heading = self.text[f"split.{split}"]
        return {"id": split, "heading": heading, "rows": rows, "cross": cross, "chart": chart}

    def trend(self) -> dict[str, Any]:
        rows = [
            self.fmt.row(month, self.tally.months[month]) for month in sorted(self.tally.months)
        ]
        chart = None
        if rows:
            chart = trend_chart(
                "chart-trend", _bars(rows), self.t("alt.trend", items=_alt_items(rows))
            )
        return {"rows": rows, "chart": chart}

    def pages(self) -> dict[str, Any]:
        enough = [(page, c) for page, c in self.tally.pages.items() if c.enough]
        enough.sort(key=lambda item: (item[1].share or 0.0, -item[1].n, item[0]))
        rows = [self.fmt.row(page, counts) for page, counts in enough[:LOWEST_PAGES]]
        chart = None
        if rows:
            chart = bar_chart(
                "chart-pages", _bars(rows), self.t("alt.pages", items=_alt_items(rows))
            )
        return {
            "rows": rows,
            "chart": chart,
            "lead": self.t("pages_lead", count=len(rows), min=MIN_ANSWERS),
        }

    def comments(self) -> list[dict[str, Any]]:
        sections = []
        for code in self.answered_channels():
            comments = self.tally.newest_comments(code)
            if comments:
                sections.append({"label": self.channel_label(code), "comments": comments})
        return sections

    def context(self, filters: dict[str, str]) -> dict[str, Any]:
        tally, fmt = self.tally, self.fmt
        period = None
        if tally.first is not None and tally.last is not None:
            period = self.t(
                "period", first=tally.first.strftime("%Y-%m-%d"),
                last=tally.last.strftime("%Y-%m-%d"), n=tally.total.n,
            )  # fmt: skip
        filter_text = ", ".join(f"{key} = {value}" for key, value in filters.items() if value)
        return {
            "lang": self.lang,
            "t": self.text,
            "min": MIN_ANSWERS,
            "period": period,
            "filters": self.t("filters", filters=filter_text) if filter_text else None,
            "synthetic": self.t("synthetic", count=tally.synthetic) if tally.synthetic else None,
            "total": fmt.row("", tally.total),
            "answer": self.answer(),
            "barriers": self.barriers(),
            "splits": [self.split(split) for split in SPLITS],
            "split_groups": {
                s: [self.group_label(s, v) for v in self._group_order(s)] for s in SPLITS
            },
            "trend": self.trend(),
            "pages": self.pages(),
            "comments": self.comments(),
            "comment_cap": tally.comment_cap,
        }


def render_report(
    records: Iterable[FeedbackRecord],
    lang: str = "nl",
    filters: dict[str, str] | None = None,
    comment_cap: int = COMMENTS_PER_CHANNEL,
) -> tuple[str, int]:
    """(the whole report as one HTML document, styles and charts inline; answers read)."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    tally = tally_records(records, comment_cap)
    builder = ReportBuilder(tally, lang)
    environment = Environment(
        loader=PackageLoader("analysts", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    html = environment.get_template("report.html").render(builder.context(filters or {}))
    return html, tally.total.n
