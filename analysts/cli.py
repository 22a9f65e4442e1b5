"""`python -m analysts export | report | demo-data`: thin click commands over this package.

Each command opens the store from `--store` (or FEEDBACK_STORE), streams the
records it needs, and reports what it did on standard error, so that standard
output carries only the export itself.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from analysts.selection import parse_moment, select_records
from wegwijs_shared.store import (
    DEFAULT_URL,
    FeedbackStore,
    StoreUnavailable,
    StoreURLError,
    open_store,
)
from wegwijs_shared.vocabulary import CHANNELS

FORMATS = ("csv", "jsonl", "parquet")


class MomentType(click.ParamType):
    """A date (2026-03-01, midnight UTC) or an ISO 8601 time; without a zone it is UTC."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, datetime):
            return value
        try:
            return parse_moment(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date: write 2026-03-01 or 2026-03-01T12:00Z", param, ctx)


MOMENT = MomentType()


def store_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--store URL, the same on every command; FEEDBACK_STORE or the local SQLite by default."""
    return click.option(
        "--store",
        "store_url",
        metavar="URL",
        envvar="FEEDBACK_STORE",
        default=DEFAULT_URL,
        show_default=True,
        help="Store URL: sqlite:///relative/path, sqlite:////absolute/path or "
        "dynamodb://TABLE?region=REGION[&endpoint=URL]. Also read from FEEDBACK_STORE.",
    )(command)


def window_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--since (inclusive) and --until (exclusive), as the stores read them."""
    command = click.option(
        "--until", type=MOMENT, help="Only answers received before this moment (exclusive)."
    )(command)
    return click.option(
        "--since", type=MOMENT, help="Only answers received at or after this moment (UTC)."
    )(command)


@contextmanager
def opened_store(store_url: str) -> Iterator[FeedbackStore]:
    """The store of --store, closed afterwards; its failures become one-line messages."""
    try:
        store = open_store(store_url)
    except StoreURLError as error:
        raise click.BadParameter(str(error), param_hint="--store") from error
    try:
        yield store
    except StoreUnavailable as error:  # every backend's own errors arrive as this
        raise click.ClickException(f"{store_url}: {error}") from error
    finally:
        store.close()


def _write_atomically(out: Path, write: Callable[[Any], int]) -> int:
    """Write to OUT.part and rename on success: a failed export leaves no half file."""
    partial = out.with_name(out.name + ".part")
    try:
        with open(partial, "wb") as handle:
            count = write(handle)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return count


@click.command("export")
@click.option(
    "--format", "file_format", type=click.Choice(FORMATS), required=True, help="Output format."
)
@window_options
@click.option("--lang", help="Only answers about pages in this language (nl, ar, ...).")
@click.option("--channel", type=click.Choice(CHANNELS), help="Only answers about this channel.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write; standard output when left out.",
)
@store_option
def export_command(
    file_format: str,
    since: datetime | None,
    until: datetime | None,
    lang: str | None,
    channel: str | None,
    out: Path | None,
    store_url: str,
) -> None:
    """Export feedback records as CSV (for Excel), JSON Lines or Parquet, streamed."""
    from analysts.export import WRITERS

    writer = WRITERS[file_format]
    stdout = sys.stdout.buffer  # click.get_binary_stream is deprecated in click 8.5
    if out is None and file_format == "parquet" and stdout.isatty():
        raise click.UsageError("Parquet is binary: give --out FILE or redirect the output.")
    with opened_store(store_url) as store:
        records = select_records(store, since, until, lang=lang, channel=channel)
        if out is None:
            count = writer(records, stdout)
            stdout.flush()
        else:
            count = _write_atomically(out, lambda handle: writer(records, handle))
    target = out if out is not None else "standard output"
    click.echo(f"Exported {count} records as {file_format} to {target}.", err=True)


@click.command("report")
@window_options
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default="report.html",
    show_default=True,
    help="The HTML file to write.",
)
@click.option(
    "--lang",
    type=click.Choice(("nl", "en")),
    default="nl",
    show_default=True,
    help="Language of the report's text.",
)
@click.option(
    "--comments",
    "comment_cap",
    type=click.IntRange(0, 500),
    default=20,
    show_default=True,
    help="Newest comments shown per channel.",
)
@store_option
def report_command(
    since: datetime | None,
    until: datetime | None,
    out: Path,
    lang: str,
    comment_cap: int,
    store_url: str,
) -> None:
    """Write the channel report: one self-contained HTML file with tables and charts."""
    from analysts.report import render_report

    filters = {"since": _day(since), "until": _day(until)}
    with opened_store(store_url) as store:
        html, count = render_report(
            select_records(store, since, until), lang, filters, comment_cap=comment_cap
        )
    _write_atomically(out, lambda handle: handle.write(html.encode("utf-8")))
    click.echo(f"Report on {count} answers written to {out}.", err=True)


def _day(moment: datetime | None) -> str:
    return "" if moment is None else moment.strftime("%Y-%m-%dT%H:%MZ")


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

    with opened_store(store_url) as store:
        store.create_schema()
        added = fill_store(store, records, progress if count >= 100_000 else None, 100_000)
    click.echo(f"Added {added} synthetic records (seed {seed}) to {store_url}.", err=True)


@click.group(help="Wegwijs analysts' tools: exports, the channel report, demo data.")
def cli() -> None:
    """The analysts' commands; they read the store, never the web app."""


ANALYTICS_COMMANDS = (export_command, report_command, demo_data_command)
for _command in ANALYTICS_COMMANDS:
    cli.add_command(_command)
