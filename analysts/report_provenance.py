"""How the answers arrived: how each channel was set (a channel link, the reader, not known),
whether the page's script sent the answer, and the identical no-JavaScript posts folded
into one record, so both bounds can be read.

With the script a channel link (?c=letter) is remembered for the whole visit; without
it, only on the page the link led to (the form post's Referer). A reader without the
script who reads on and answers on another page is 'channel not known', unless they
choose a channel in the form (then 'chosen by the reader', feedback_fn/channels.py). So
the link, reader and 'not known' counts lean on how many answers came without the
script, and the table shows both, per channel."""

from __future__ import annotations

from typing import Any

from analysts.report_format import Cell, Formatter
from analysts.stats import Counts
from analysts.tally import NOT_GIVEN, Tally
from wegwijs_shared.vocabulary import CHANNEL_SOURCES

# The columns of the table: the vocabulary's sources, then records from before schema 2.
SOURCE_COLUMNS: tuple[str, ...] = (*CHANNEL_SOURCES, NOT_GIVEN)


def share_only(fmt: Formatter, received: Counts, stored: Counts) -> Cell:
    """The share of the posts received, without an interval: folded posts are not
    independent answers. Shown only where the stored answers are enough by themselves,
    so that folded posts never make a few answers look like many (35 identical posts
    folded into one answer are still one answer)."""
    if not stored.enough:
        return Cell("–", "", received.n)
    return Cell(fmt.cell(received).share, "", received.n)


def provenance_section(builder: Any) -> dict[str, Any]:
    """Per channel: answers by how the channel was set, folded posts, posts received."""
    tally: Tally = builder.tally
    fmt, t = builder.fmt, builder.t
    lines = []
    for code in builder.answered_channels():
        channel = tally.channels[code]
        lines.append(
            {
                "label": builder.channel_label(code),
                "n": channel.counts.n,
                "sources": [channel.sources.get(source, 0) for source in SOURCE_COLUMNS],
                "scripted": channel.scripted,
                "unscripted": channel.counts.n - channel.scripted,
                "folded": channel.received.n - channel.counts.n,
                "received": channel.received.n,
                "stored_share": fmt.cell(channel.counts),
                "received_share": share_only(fmt, channel.received, channel.counts),
            }
        )
    sources = [sum(line["sources"][i] for line in lines) for i in range(len(SOURCE_COLUMNS))]
    folded = tally.received.n - tally.total.n
    return {
        "columns": [t(f"source.{source or 'not_recorded'}") for source in SOURCE_COLUMNS],
        "lines": lines,
        "totals": {
            "n": tally.total.n,
            "sources": sources,
            "scripted": tally.scripted,
            "unscripted": tally.total.n - tally.scripted,
            "folded": folded,
            "received": tally.received.n,
            "stored_share": fmt.cell(tally.total),
            "received_share": share_only(fmt, tally.received, tally.total),
        },  # fmt: skip
        "summary": t(
            "provenance_summary",
            stored=builder.tn("stored_count", tally.total.n, count=tally.total.n),
            received=builder.tn("received_count", tally.received.n, count=tally.received.n),
            folded=folded,
            link=sources[0],
            reader=sources[1],
            none=sources[2],
            scripted=tally.scripted,
            unscripted=tally.total.n - tally.scripted,
        ),  # fmt: skip
    }
