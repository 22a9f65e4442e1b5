"""The channel report: one self-contained HTML file, the answer first, in Dutch or English."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from analysts.charts import bar_chart, heatmap_chart
from analysts.direction import language_direction, text_direction
from analysts.report_format import Formatter, alt_items, bars
from analysts.report_provenance import provenance_section
from analysts.report_text import REPORT_LANGUAGES, TEXTS, label
from analysts.report_time import TimeSections
from analysts.selection import Window
from analysts.stats import MIN_ANSWERS, Counts, rank_groups, rank_range, shares_of, tiers
from analysts.tally import (
    BARRIER_SPLITS,
    COMMENTS_PER_CHANNEL,
    NOT_GIVEN,
    SPLITS,
    CommentFilter,
    Tally,
    in_vocabulary_order,
    tally_records,
)
from wegwijs_shared.record import FeedbackRecord
from wegwijs_shared.vocabulary import BARRIERS, CHANNELS, SEGMENTS, UNKNOWN_CHANNEL

LOWEST_PAGES = 10
# Filters that are on or off: the report says them in words.
FLAG_FILTERS = ("exclude-synthetic",)
# How many named problems the barrier chart's text alternative spells out.
ALT_ITEMS = 5


class ReportBuilder:
    """Turns a Tally into the template's sections (tables, charts, sentences)."""

    min = MIN_ANSWERS

    def __init__(self, tally: Tally, lang: str, window: Window | None = None) -> None:
        if lang not in REPORT_LANGUAGES:
            raise ValueError(f"report language {lang!r}: choose one of {REPORT_LANGUAGES}")
        self.tally, self.lang = tally, lang
        self.text = TEXTS[lang]
        self.fmt = Formatter(lang, self.t("too_few_cell", min=MIN_ANSWERS))
        self.time = TimeSections(self, window or Window())

    def t(self, key: str, **params: Any) -> str:
        return self.text[key].format(**params)

    def tn(self, key: str, number: int, /, **params: Any) -> str:
        """t() of a text with a count: its singular (`key.one`) when the number is 1."""
        singular = f"{key}.one"
        return self.t(singular if number == 1 and singular in self.text else key, **params)

    def ranking(self) -> tuple[list[tuple[str, Counts]], list[tuple[str, Counts]]]:
        """(ranked, not ranked): "channel not known" is never ranked, whatever its n."""
        counts = self.tally.channel_counts()
        unknown = counts.pop(UNKNOWN_CHANNEL, Counts())
        ranked, too_few = rank_groups(counts, MIN_ANSWERS)
        return ranked, [*too_few, (UNKNOWN_CHANNEL, unknown)]

    def answered_channels(self) -> list[str]:
        """Channels with answers in report order: ranked best first, then the others."""
        ranked, others = self.ranking()
        return [code for code, counts in [*ranked, *others] if counts.n]

    def channel_label(self, code: str) -> str:
        return label(self.lang, "channel", code)

    def _labels(self, codes: list[str]) -> str:
        return ", ".join(self.channel_label(code) for code in codes)

    def answer(self, channel_filtered: bool = False) -> dict[str, Any]:
        """The ranking; channels without answers are named (unless a filter chose one).

        A headline about the best channel holds only among the channels with at least
        MIN_ANSWERS answers: it says how many were compared and which were not. Under
        --channel the selection holds one channel: no ranking was asked for, so none
        is made (no tier, no place), and the channels the filter removed are not
        called "without answers".
        """
        ranked, too_few = self.ranking()
        silent = [code for code, counts in too_few if not counts.n and code != UNKNOWN_CHANNEL]
        levels = tiers(ranked)
        everyone = [counts for _, counts in ranked]
        rows = []
        for number, tier in enumerate(levels, start=1):
            for code, counts in tier:
                row = self.fmt.row(self.channel_label(code), counts, number)
                best, worst = rank_range(counts, everyone)
                row.places = str(best) if best == worst else f"{best}–{worst}"
                rows.append(row)
        section: dict[str, Any] = {
            "ranked": rows,
            "too_few": [self.fmt.row(self.channel_label(c), n) for c, n in too_few if n.n],
            # Not one answer: that too is a finding about a channel, never left out silently;
            # named in the form's order, as the channels are everywhere a list is not ranked.
            "no_answers": "" if channel_filtered else self._labels(in_channel_order(silent)),
            "headline": self.t("none_ranked", min=MIN_ANSWERS),
            "scope": "",
            "filtered": channel_filtered,
            "tiers": [],
            "chart": None,
        }
        if channel_filtered:
            section["headline"] = self._filtered_headline(ranked, too_few)
        if rows:
            alt = self.t("alt.ranking", items=alt_items(rows))
            section["chart"] = bar_chart("chart-ranking", bars(rows), alt)
        if channel_filtered or not rows:
            return section
        code, counts = ranked[0]
        figures = {
            "label": self.channel_label(code), "share": self.fmt.pct(counts.share),
            "low": self.fmt.pct(counts.interval[0]), "high": self.fmt.pct(counts.interval[1]),
            "n": counts.n, "min": MIN_ANSWERS, "count": len(ranked),
        }  # fmt: skip
        if len(ranked) == 1:
            section["headline"] = self.t("only_one", **figures)
        elif len(levels[0]) == 1:
            section["headline"] = self.t("best", **figures)
        else:
            section["headline"] = self.t(
                "tied_best",
                labels=self._labels([c for c, _ in levels[0]]),
                count=len(ranked),
                min=MIN_ANSWERS,
            )
        section["scope"] = self._scope(len(ranked), too_few, silent)
        if len(ranked) > 1:
            section["tiers"] = [
                self.t("tier_line", tier=number, labels=self._labels([c for c, _ in tier]))
                for number, tier in enumerate(levels, start=1)
            ]
        return section

    def _scope(self, compared: int, too_few: list[tuple[str, Counts]], silent: list[str]) -> str:
        """Which channels the headline compared, and which it did not (and why)."""
        few = [
            f"{self.channel_label(code)} (n = {counts.n})"
            for code, counts in too_few
            if counts.n and code != UNKNOWN_CHANNEL
        ]
        unknown = self.tally.channels.get(UNKNOWN_CHANNEL)
        sentences = []
        if few:
            sentences.append(self.t("scope_few", min=MIN_ANSWERS, items=", ".join(few)))
        if silent:
            sentences.append(self.t("scope_none", count=len(silent)))
        if unknown is not None and unknown.counts.n:
            sentences.append(self.t("scope_unknown", n=unknown.counts.n))
        return " ".join(sentences) or self.t("scope_all", count=compared)

    def _filtered_headline(
        self, ranked: list[tuple[str, Counts]], too_few: list[tuple[str, Counts]]
    ) -> str:
        """The one channel --channel chose: its figures, and that no ranking was made."""
        chosen = [(code, counts) for code, counts in [*ranked, *too_few] if counts.n]
        if not chosen:
            return self.t("none_ranked", min=MIN_ANSWERS)
        code, counts = chosen[0]
        said = self.t("filtered", label=self.channel_label(code))
        if counts.enough:
            low, high = counts.interval
            figures = self.t(
                "filtered_share", share=self.fmt.pct(counts.share), low=self.fmt.pct(low),
                high=self.fmt.pct(high), n=counts.n,
            )  # fmt: skip
        else:
            figures = self.t("filtered_few", count=counts.satisfied, n=counts.n, min=MIN_ANSWERS)
        return f"{said} {figures}"

    def barriers(self) -> dict[str, Any]:
        channels = self.answered_channels()
        tables = []
        for code in channels:
            n = self.tally.channels[code].counts.n
            counts = self.tally.barrier_counts(code)
            rows = [
                (
                    label(self.lang, "barrier", b),
                    count,
                    self.fmt.pct(s) if n >= MIN_ANSWERS else "–",
                )
                for b, count, s in shares_of(counts, n)
            ]
            tables.append({"label": self.channel_label(code), "n": n, "rows": rows})
        enough = [c for c in channels if self.tally.channels[c].counts.enough]
        chart = None
        if enough:
            columns = [code for code, _, _ in shares_of(self.tally.barriers, 1)] or list(BARRIERS)
            values = [
                [
                    self.tally.channels[c].barriers[b] / self.tally.channels[c].counts.n
                    for b in columns
                ]
                for c in enough
            ]
            top = shares_of(self.tally.barriers, self.tally.total.n)[:ALT_ITEMS]
            named = "; ".join(
                f"{label(self.lang, 'barrier', b)}: {self.fmt.pct(s)}" for b, _, s in top
            )
            chart = heatmap_chart(
                "chart-barriers",
                [self.channel_label(c) for c in enough],
                [label(self.lang, "barrier", b) for b in columns],
                values,
                self.t("alt.barriers", items=named or "–"),
            )
        missing = [c for c in channels if c not in enough]
        note = self.t("heat_missing", min=MIN_ANSWERS, labels=self._labels(missing))
        return {"tables": tables, "chart": chart, "missing": note if missing else None}

    def _group_order(self, split: str, groups: dict[str, Any]) -> list[str]:
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
        groups = self.tally.splits[split]
        order = self._group_order(split, groups)
        rows = [self.fmt.row(self.group_label(split, v), groups[v]) for v in order]
        cross = []
        for code in self.answered_channels():
            cells = [
                self.fmt.cell(self.tally.channel_splits[split].get((code, value), Counts()))
                for value in order
            ]
            cross.append({"label": self.channel_label(code), "cells": cells})
        group = self.text[f"group.{split}"]  # the groups' name in the captions
        chart = None
        if bars(rows):
            alt = self.t("alt.split", items=alt_items(rows))
            chart = bar_chart(f"chart-split-{split}", bars(rows), alt)
        return {
            "id": split,
            "heading": self.text[f"split.{split}"],
            "caption": self.t("caption.groups", group=group),
            "cross_caption": self.t("caption.cross", group=group),
            "rows": rows,
            "groups": [self.group_label(split, v) for v in order],
            "cross": cross,
            "chart": chart,
        }

    def status_part(self) -> dict[str, Any]:
        """The agency's question: mandatory vs voluntary newcomers in each trajectory part."""
        cells = self.tally.status_parts
        parts = self._group_order("part", {part: 1 for part, _ in cells})
        statuses = self._group_order("status", {status: 1 for _, status in cells})
        lines = [
            {
                "label": self.group_label("part", part),
                "cells": [self.fmt.cell(cells.get((part, s), Counts())) for s in statuses],
            }
            for part in parts
        ]
        return {"statuses": [self.group_label("status", s) for s in statuses], "lines": lines}

    def barriers_by(self, split: str) -> dict[str, Any]:
        """Barriers per group of a split: share of the group's answers, with the count."""
        groups = self.tally.splits[split]
        order = self._group_order(split, groups)
        per_group = self.tally.split_barriers[split]
        total = in_vocabulary_order(self.tally.barriers)
        rows = [
            {
                "label": label(self.lang, "barrier", barrier),
                "cells": [
                    self.fmt.count_share(per_group[value][barrier], groups[value].n)
                    for value in order
                ],
            }
            for barrier, count in total.items()
            if count
        ]
        heads = [f"{self.group_label(split, v)} (n = {groups[v].n})" for v in order]
        caption = self.t("caption.barriers_by", group=self.text[f"group.{split}"])
        return {"id": split, "heading": self.text[f"barriers_by.{split}"], "caption": caption,
                "groups": heads, "rows": rows}  # fmt: skip

    def pages(self) -> dict[str, Any]:
        enough = [(page, c) for page, c in self.tally.pages.items() if c.enough]
        enough.sort(key=lambda item: (item[1].share or 0.0, -item[1].n, item[0]))
        rows = [self.fmt.row(page, counts) for page, counts in enough[:LOWEST_PAGES]]
        chart = None
        if rows:
            chart = bar_chart("chart-pages", bars(rows), self.t("alt.pages", items=alt_items(rows)))
        lead = self.tn("pages_lead", len(rows), count=len(rows), min=MIN_ANSWERS)
        return {"rows": rows, "chart": chart, "lead": lead}

    def comments(self) -> dict[str, Any]:
        """The newest comments per channel; what the cap and the filters left out is said
        ("3 of 16 shown"), never cut silently."""
        sections = []
        for code in self.answered_channels():
            shown = []
            for comment in self.tally.newest_comments(code):
                ticked = [label(self.lang, "barrier", b) for b in comment.barriers]
                # Each fact named: "Does not know" alone does not say it is the status.
                status = self.group_label("status", comment.status or NOT_GIVEN)
                part = self.group_label("part", comment.part or NOT_GIVEN)
                facts = [f"{self.text['status']}: {status}", f"{self.text['part']}: {part}"]
                fallback = language_direction(comment.lang)
                shown.append({
                    "comment": comment, "dir": text_direction(comment.text, fallback),
                    "ticked": ", ".join(ticked) or self.text["nothing_ticked"],
                    "facts": " · ".join(facts),
                })  # fmt: skip
            if shown:
                count = self.tally.channels[code].comment_count
                sections.append({
                    "label": self.channel_label(code), "comments": shown,
                    "shown": self.t("comments_shown", shown=len(shown), count=count),
                })  # fmt: skip
        kept = self.tally.comments_kept
        active = self.tally.comment_filter.active()
        filters = "; ".join(f"--{name} {value}" for name, value in active.items())
        total = sum(len(section["comments"]) for section in sections)
        note = self.t("comments_filter", filters=filters, count=kept, shown=total)
        not_asked = self.t("comments_not_asked", count=kept) if not self.tally.comment_cap else None
        cap = self.tally.comment_cap
        return {
            "channels": sections,
            "filter": note if active else None,
            "not_asked": not_asked,
            "lead": self.tn("comments_lead", cap, cap=cap),
        }

    def filter_text(self, filters: dict[str, str], but: str = "") -> str:
        """The filters as `option = value`; a flag in words ("synthetic demo data left out")."""
        named = {
            key: self.t(f"filter.{key}") if key in FLAG_FILTERS else f"{key} = {value}"
            for key, value in filters.items()
            if value and key != but
        }
        return ", ".join(named.values())

    def context(self, filters: dict[str, str]) -> dict[str, Any]:
        tally = self.tally
        filter_text = self.filter_text(filters)
        base: dict[str, Any] = {
            "lang": self.lang,
            "t": self.text,
            "min": MIN_ANSWERS,
            "filters": self.t("filters", filters=filter_text) if filter_text else None,
        }
        if not tally.total.n:
            window = self.time.window
            if window.since is None and window.until is None:
                scope = self.t("selection_store")  # not "period … – …": no period was chosen
            else:
                scope = self.t("selection_period", window=window.describe())
            others = self.filter_text(filters, but="period")  # the scope says the period
            extra = f"; {others}" if others else ""
            return {**base, "empty": self.t("no_data", scope=scope, filters=extra)}
        period = self.t(
            "period", first=tally.first.strftime("%Y-%m-%d") if tally.first else "",
            last=tally.last.strftime("%Y-%m-%d") if tally.last else "", n=tally.total.n,
        )  # fmt: skip
        return {
            **base,
            "empty": None,
            "period": period,
            "synthetic": (
                self.tn("synthetic", tally.synthetic, count=tally.synthetic)
                if tally.synthetic
                else None
            ),
            "answer": self.answer(channel_filtered=bool(filters.get("channel"))),
            "barriers": self.barriers(),
            "status_part": self.status_part(),
            "barriers_by": [self.barriers_by(split) for split in BARRIER_SPLITS],
            "splits": [self.split(split) for split in SPLITS],
            "trend": self.time.trend(),
            "channel_trend": self.time.channel_trend(),
            "compare": None,
            "pages": self.pages(),
            "comments": self.comments(),
            "provenance": provenance_section(self),
        }


def in_channel_order(codes: Iterable[str]) -> list[str]:
    """Channel codes in the form's order (CHANNELS), codes the vocabulary lacks last."""
    order = {code: index for index, code in enumerate(CHANNELS)}
    return sorted(codes, key=lambda code: (order.get(code, len(order)), code))


def render_report(
    records: Iterable[FeedbackRecord],
    lang: str = "nl",
    filters: dict[str, str] | None = None,
    comment_cap: int = COMMENTS_PER_CHANNEL,
    *,
    window: Window | None = None,
    comment_filter: CommentFilter | None = None,
    earlier: tuple[Iterable[FeedbackRecord], Window] | None = None,
) -> tuple[str, int]:
    """(the whole report as one HTML document, styles and charts inline; answers read).

    `earlier`, the records of a second window and that window, adds the
    comparison of the two periods per channel.
    """
    from jinja2 import Environment, PackageLoader, select_autoescape

    tally = tally_records(records, comment_cap, comment_filter)
    builder = ReportBuilder(tally, lang, window)
    context = builder.context(filters or {})
    if earlier is not None and not context["empty"]:
        earlier_records, earlier_window = earlier
        context["compare"] = builder.time.compare(tally_records(earlier_records, 0), earlier_window)
    environment = Environment(
        loader=PackageLoader("analysts", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    html = environment.get_template("report.html").render(context)
    return html, tally.total.n
