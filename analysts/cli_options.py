"""The commands' shared options and checks, and opening a store for them.

Every check here runs before any work, so that a mistake in an option ends in
one line that says how to fix it, never in a traceback or an empty result.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from analysts.selection import Window, parse_moment
from wegwijs_shared.store import (
    DEFAULT_URL,
    FeedbackStore,
    StoreUnavailable,
    StoreURLError,
    open_store,
)
from wegwijs_shared.vocabulary import RECORD_CHANNELS, SEGMENTS


class MomentType(click.ParamType[datetime, Any]):
    """A date (2026-03-01, midnight UTC) or an ISO 8601 time; without a zone it is UTC."""

    name = "DATE"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime:
        if isinstance(value, datetime):
            return value
        try:
            return parse_moment(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date: write 2026-03-01 or 2026-03-01T12:00Z", param, ctx)


MOMENT = MomentType()


class PeriodType(click.ParamType[Window, Any]):
    """SINCE/UNTIL, two dates or times as --since and --until take them: 2026-01-01/2026-04-01."""

    name = "SINCE/UNTIL"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Window:
        if isinstance(value, Window):
            return value
        since, slash, until = str(value).partition("/")
        if not slash or not since.strip() or not until.strip():
            self.fail(f"{value!r}: write the period as SINCE/UNTIL, e.g. 2026-01-01/2026-04-01")
        try:
            return Window(parse_moment(since), parse_moment(until))
        except ValueError as error:
            self.fail(f"{value!r}: {error}", param, ctx)


PERIOD = PeriodType()


class CodeChoice(click.Choice[str]):
    """One code of a controlled list (channel, part, barrier, status, format) in any case,
    spaces around it ignored: `LETTER` is `letter`, as `--page-lang AR` is `ar` and as the
    feedback API takes a channel. The value passed on is the list's own spelling."""

    def __init__(self, codes: tuple[str, ...]) -> None:
        super().__init__(codes, case_sensitive=False)

    def normalize_choice(self, choice: object, ctx: click.Context | None) -> str:
        return super().normalize_choice(choice, ctx).strip()


def page_language(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A site language code (languages.yml), any case: `AR` is `ar`; an unknown code is refused."""
    if value is None:
        return None
    from wegwijs_shared.languages import language_codes

    codes = language_codes()
    code = value.strip().lower()
    if code not in codes:
        raise click.BadParameter(
            f"{value!r} is not a language of the site: choose one of {', '.join(codes)}",
            ctx,
            param,
        )
    return code


def report_language(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """nl or en; a page language given here is pointed to --page-lang."""
    from analysts.report_text import REPORT_LANGUAGES

    code = value.strip().lower()
    if code in REPORT_LANGUAGES:
        return code
    hint = ""
    if _is_site_language(code):
        hint = f"; to report on answers about pages in {code}, use --page-lang {code}"
    raise click.BadParameter(
        f"{value!r}: the report is written in {' or '.join(REPORT_LANGUAGES)}{hint}", ctx, param
    )


def _is_site_language(code: str) -> bool:
    from wegwijs_shared.languages import language_codes

    return code in language_codes()


def filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--page-lang, --channel, --part and --exclude-synthetic: the same on export and report."""
    command = click.option(
        "--exclude-synthetic",
        is_flag=True,
        help="Leave out the synthetic demo records (made by demo-data: page under /_synthetic/).",
    )(command)
    command = click.option(
        "--part",
        type=CodeChoice(SEGMENTS["part"]),
        help="Only answers about this trajectory part.",
    )(command)
    command = click.option(
        "--channel",
        type=CodeChoice(RECORD_CHANNELS),
        help="Only answers about this channel (unknown: those that name none).",
    )(command)
    return click.option(
        "--page-lang",
        metavar="CODE",
        callback=page_language,
        help="Only answers about pages in this language (nl, ar, fa, ...).",
    )(command)


def out_option(default: str | None, help_text: str) -> Callable[..., Any]:
    return click.option(
        "--out",
        type=click.Path(dir_okay=False, path_type=Path),
        default=default,
        show_default=default is not None,
        help=help_text,
    )


def check_out(out: Path | None) -> None:
    """A clear message before any work when --out names a folder that does not exist."""
    if out is not None and not out.parent.is_dir():
        raise click.BadParameter(
            f"the folder {out.parent} does not exist: create it first, or choose another file",
            param_hint="--out",
        )


def checked_window(since: datetime | None, until: datetime | None) -> Window:
    try:
        return Window(since, until)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--since/--until") from error


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


def missing_sqlite_file(store: FeedbackStore) -> Path | None:
    """The file of a SQLite store when that file does not exist (else None)."""
    from wegwijs_shared.store.sqlite import SqliteStore

    if isinstance(store, SqliteStore) and not store.path.is_file():
        return store.path
    return None


@contextmanager
def opened_store(store_url: str, reading: bool = True) -> Iterator[FeedbackStore]:
    """The store of --store, closed afterwards; its failures become one-line messages.

    A reading command never creates a store: a typo in a SQLite path would
    otherwise make an empty file (and its folders) and report "0 answers".
    """
    try:
        store = open_store(store_url)
    except StoreURLError as error:
        raise click.BadParameter(str(error), param_hint="--store") from error
    missing = missing_sqlite_file(store) if reading else None
    if missing is not None:
        raise click.ClickException(
            f"no store at {missing} ({store_url}): check --store or FEEDBACK_STORE; "
            "the feedback app or `python -m analysts demo-data` creates one"
        )
    try:
        yield store
    except StoreUnavailable as error:  # every backend's own errors arrive as this
        raise click.ClickException(f"{store_url}: {error}") from error
    finally:
        store.close()


def write_atomically(out: Path, write: Callable[[Any], int]) -> int:
    """Write to OUT.part and rename on success: a failed export leaves no half file."""
    partial = out.with_name(out.name + ".part")
    try:
        with open(partial, "wb") as handle:
            count = write(handle)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return count
