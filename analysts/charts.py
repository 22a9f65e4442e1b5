"""The report's charts, drawn by matplotlib as inline SVG with a text alternative.

matplotlib is imported here only, on first use, and without pyplot: each chart
is its own Figure, so no global state leaks between charts or reports.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from analysts.rounding import percent

INK = "#1a1a1a"
BAR = "#1f4e79"  # 9:1 contrast on white
GRID = "#d0d0d0"
# matplotlib's generated element names (figure_1, patch_3, ...) repeat in every
# chart; in one HTML page they would be duplicate ids, and nothing refers to them.
_ELEMENT_IDS = re.compile(r'\s+id="[a-zA-Z][\w.]*_\d+"')
_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.DOTALL)
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)


@dataclass(frozen=True)
class Chart:
    """One chart: an id (unique in the report), its SVG markup and its text alternative."""

    id: str
    svg: str
    alt: str


@dataclass(frozen=True)
class Bar:
    label: str
    share: float
    low: float
    high: float


def _style(chart_id: str) -> Any:
    return {
        "svg.fonttype": "none",  # text stays text: smaller, selectable, system fonts
        "svg.hashsalt": chart_id,  # stable ids that differ between charts
        "font.family": ["DejaVu Sans", "sans-serif"],
        "font.size": 10,
        "text.color": INK,
        "axes.labelcolor": INK,
        "xtick.color": INK,
        "ytick.color": INK,
        "axes.edgecolor": INK,
    }


def _to_chart(figure: Any, chart_id: str, alt: str) -> Chart:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    svg = _METADATA.sub("", _PROLOGUE.sub("", buffer.getvalue(), count=1))
    svg = _ELEMENT_IDS.sub("", svg)
    title_id = f"{chart_id}-title"
    svg = svg.replace(
        "<svg ",
        f'<svg role="img" aria-labelledby="{title_id}" class="rpt-chart" ',
        1,
    )
    escaped = alt.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # Spliced in as text: a backslash in a label is not a regular-expression escape.
    title = f'<title id="{title_id}">{escaped}</title>'
    opening = re.search(r"<svg[^>]*>", svg)
    if opening is not None:
        svg = svg[: opening.end()] + title + svg[opening.end() :]
    return Chart(chart_id, svg.strip(), alt)


def bar_chart(chart_id: str, bars: Sequence[Bar], alt: str) -> Chart:
    """Horizontal bars of shares (best at the top) with their 95% intervals."""
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import PercentFormatter

    with matplotlib.rc_context(_style(chart_id)):
        figure = Figure(figsize=(7.0, 0.9 + 0.32 * max(len(bars), 1)))
        axes = figure.add_subplot()
        positions = list(range(len(bars)))[::-1]
        shares = [bar.share for bar in bars]
        # Never negative, whatever rounding did to a bound that equals the share.
        errors = [
            [max(0.0, bar.share - bar.low) for bar in bars],
            [max(0.0, bar.high - bar.share) for bar in bars],
        ]
        axes.barh(positions, shares, color=BAR, height=0.6)
        axes.errorbar(shares, positions, xerr=errors, fmt="none", ecolor=INK, capsize=3, lw=1)
        axes.set_yticks(positions, [bar.label for bar in bars])
        axes.set_xlim(0, 1)
        axes.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        axes.grid(axis="x", color=GRID, lw=0.6)
        axes.set_axisbelow(True)
        axes.spines[["top", "right"]].set_visible(False)
        return _to_chart(figure, chart_id, alt)


def heatmap_chart(
    chart_id: str,
    rows: Sequence[str],
    columns: Sequence[str],
    values: Sequence[Sequence[float]],
    alt: str,
) -> Chart:
    """A rows x columns grid of shares, each cell labelled with its percentage."""
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(_style(chart_id)):
        figure = Figure(figsize=(7.5, 1.6 + 0.34 * max(len(rows), 1)))
        axes = figure.add_subplot()
        top = max((value for row in values for value in row), default=0.0) or 1.0
        axes.imshow(values, cmap="Blues", vmin=0, vmax=top, aspect="auto")
        for row_index, row in enumerate(values):
            for column_index, value in enumerate(row):
                colour = "white" if value > top * 0.55 else INK
                axes.text(
                    column_index, row_index, percent(value), ha="center", va="center",
                    color=colour, fontsize=8,
                )  # fmt: skip
        axes.set_xticks(range(len(columns)), columns, rotation=35, ha="right")
        axes.set_yticks(range(len(rows)), rows)
        axes.tick_params(length=0)
        for spine in axes.spines.values():
            spine.set_visible(False)
        return _to_chart(figure, chart_id, alt)


def trend_chart(chart_id: str, points: Sequence[Bar], alt: str) -> Chart:
    """Share satisfied per month as a line, its 95% interval as a band."""
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import PercentFormatter

    with matplotlib.rc_context(_style(chart_id)):
        figure = Figure(figsize=(7.0, 3.0))
        axes = figure.add_subplot()
        positions = list(range(len(points)))
        axes.fill_between(
            positions, [p.low for p in points], [p.high for p in points], color=BAR, alpha=0.18,
            lw=0,
        )  # fmt: skip
        axes.plot(positions, [p.share for p in points], color=BAR, marker="o", lw=2)
        axes.set_xticks(positions, [p.label for p in points])
        axes.set_ylim(0, 1)
        axes.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        axes.grid(axis="y", color=GRID, lw=0.6)
        axes.spines[["top", "right"]].set_visible(False)
        return _to_chart(figure, chart_id, alt)
