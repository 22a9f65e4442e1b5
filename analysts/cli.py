"""`python -m analysts export | report | demo-data`: thin click commands over this package.

Each command opens the store from `--store` (or FEEDBACK_STORE), streams the
records it needs, and reports what it did on standard error, so that standard
output carries only the export itself.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from analysts.cli_options import (
    MOMENT,
    PERIOD,
    CodeChoice,
    check_out,
    checked_window,
    filter_options,
    opened_store,
    out_option,
    page_language,
    report_language,
    store_option,
    window_options,
    write_atomically,
)
from analysts.selection import Filters, Window, select_records
from wegwijs_shared.vocabulary import BARRIERS, RECORD_CHANNELS, SEGMENTS

FORMATS = ("csv", "jsonl", "parquet", "xlsx")
# Formats that are not text: never written to a terminal.
BINARY_FORMATS = ("parquet", "xlsx")


@click.command("export")
@click.option(
    "--format", "file_format", type=CodeChoice(FORMATS), required=True, help="Output format."
)
@window_options
@filter_options
@click.option(
    "--lang",
    "old_lang",
    metavar="CODE",
    callback=page_language,
    help="Deprecated: the old name of --page-lang; still works, with a warning.",
)
@out_option(None, "File to write; standard output when left out.")
@store_option
def export_command(
    file_format: str,
    since: datetime | None,
    until: datetime | None,
    page_lang: str | None,
    channel: str | None,
    part: str | None,
    exclude_synthetic: bool,
    old_lang: str | None,
    out: Path | None,
    store_url: str,
) -> None:
    """Export feedback records as CSV, JSON Lines, Parquet or Excel (xlsx), streamed."""
    from analysts.export import select_rows, write_rows

    if old_lang is not None:
        if page_lang is not None and page_lang != old_lang:
            raise click.UsageError("--lang (deprecated) and --page-lang differ: give --page-lang.")
        click.echo(
            "Warning: export --lang is deprecated and will be removed: use --page-lang "
            f"{old_lang} (report --lang is the report's own language).",
            err=True,
        )
        page_lang = old_lang
    checked_window(since, until)
    check_out(out)
    stdout = sys.stdout.buffer  # click.get_binary_stream is deprecated in click 8.5
    if out is None and file_format in BINARY_FORMATS and stdout.isatty():
        raise click.UsageError(
            f"{file_format} is a binary format: give --out FILE or redirect the output."
        )
    with opened_store(store_url) as store:
        rows = select_rows(
            store, since, until, lang=page_lang, channel=channel, part=part,
            exclude_synthetic=exclude_synthetic,
        )  # fmt: skip
        if out is None:
            count = write_rows(file_format, rows, stdout)
            stdout.flush()
        else:
            count = write_atomically(out, lambda handle: write_rows(file_format, rows, handle))
    target = out if out is not None else "standard output"
    noun = "record" if count == 1 else "records"
    click.echo(f"Exported {count} {noun} as {file_format} to {target}.", err=True)


@click.command("report")
@window_options
@filter_options
@click.option(
    "--compare",
    type=PERIOD,
    help="A second, earlier or later period (SINCE/UNTIL, e.g. 2026-01-01/2026-04-01) "
    "compared per channel with the report's own window.",
)
@out_option("report.html", "The HTML file to write.")
@click.option(
    "--lang",
    metavar="nl|en",
    default="nl",
    show_default=True,
    callback=report_language,
    help="Language of the report's text (the page-language filter is --page-lang).",
)
@click.option(
    "--comments",
    "comment_cap",
    type=click.IntRange(0, 500),
    default=20,
    show_default=True,
    help="Newest comments shown per channel.",
)
@click.option(
    "--comment-channel", multiple=True, type=CodeChoice(RECORD_CHANNELS),
    help="Only comments about this channel (repeat for several).",
)  # fmt: skip
@click.option(
    "--comment-barrier", multiple=True, type=CodeChoice(BARRIERS),
    help="Only comments whose reader ticked this problem (repeat for several: any of them).",
)  # fmt: skip
@click.option(
    "--comment-status", multiple=True, type=CodeChoice(SEGMENTS["status"]),
    help="Only comments of readers with this status (repeat for several).",
)  # fmt: skip
@store_option
def report_command(
    since: datetime | None,
    until: datetime | None,
    page_lang: str | None,
    channel: str | None,
    part: str | None,
    exclude_synthetic: bool,
    compare: Window | None,
    out: Path,
    lang: str,
    comment_cap: int,
    comment_channel: tuple[str, ...],
    comment_barrier: tuple[str, ...],
    comment_status: tuple[str, ...],
    store_url: str,
) -> None:
    """Write the channel report: one self-contained HTML file with tables and charts."""
    from analysts.report import render_report
    from analysts.tally import CommentFilter

    window = checked_window(since, until)
    if compare is not None and compare.overlaps(window):
        raise click.BadParameter(
            f"the period {compare.describe()} overlaps the report's window "
            f"({window.describe('the first answer', 'the last answer')}): two periods "
            "compared must not share answers; set --since/--until apart from it",
            param_hint="--compare",
        )
    check_out(out)
    filters = Filters(page_lang, channel, part, exclude_synthetic)
    # The window as the days in it (--until's own day is not), like every period shown.
    period = window.describe() if since or until else ""
    shown = {"period": period, **filters.active()}
    comment_filter = CommentFilter(
        frozenset(comment_channel), frozenset(comment_barrier), frozenset(comment_status)
    )
    with opened_store(store_url) as store:

        def read(span: Window) -> Iterator[Any]:
            return select_records(
                store, span.since, span.until, page_lang, channel, part, exclude_synthetic
            )

        earlier = (read(compare), compare) if compare is not None else None
        html, count = render_report(
            read(window), lang, shown, comment_cap, window=window,
            comment_filter=comment_filter, earlier=earlier,
        )  # fmt: skip
    write_atomically(out, lambda handle: handle.write(html.encode("utf-8")))
    answers = "answer" if count == 1 else "answers"
    click.echo(f"Report on {count} {answers} written to {out}.", err=True)


@click.command("demo-data")
@click.option(
    "--n", "count", type=click.IntRange(min=0), default=2000, show_default=True,
    help="How many synthetic records to add.",
)  # fmt: skip
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same records.")
@click.option(
    "--months", type=click.IntRange(1, 24), default=6, show_default=True,
    help="The records are spread over this many months (of 30 days) before --end.",
)  # fmt: skip
@click.option("--end", type=MOMENT, help="The latest possible time; default now (UTC).")
@store_option
def demo_data_command(
    count: int, seed: int, months: int, end: datetime | None, store_url: str
) -> None:
    """Fill a store with realistic synthetic feedback, marked by a /_synthetic/ page path."""
    from analysts.demo_data import fill_store, generate_records

    records = generate_records(count, seed, end or datetime.now(UTC), months)

    def progress(done: int) -> None:
        click.echo(f"{done} of {count} ...", err=True)

    with opened_store(store_url, reading=False) as store:
        store.create_schema()
        added = fill_store(store, records, progress if count >= 100_000 else None, 100_000)
    noun = "record" if added == 1 else "records"
    click.echo(f"Added {added} synthetic {noun} (seed {seed}) to {store_url}.", err=True)


@click.group(help="Wegwijs analysts' tools: exports, the channel report, demo data.")
def cli() -> None:
    """The analysts' commands; they read the store, never the web app."""


ANALYTICS_COMMANDS = (export_command, report_command, demo_data_command)
for _command in ANALYTICS_COMMANDS:
    cli.add_command(_command)
