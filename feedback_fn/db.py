"""The app's store: opened from FEEDBACK_STORE on first use, and the init-store command."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from wegwijs_shared.store import FeedbackStore, open_store

EXTENSION = "feedback_store"


def get_store() -> FeedbackStore:
    """The app's store, created on the first request that needs it (not at import)."""
    store: FeedbackStore | None = current_app.extensions.get(EXTENSION)
    if store is None:
        store = open_store(str(current_app.config["STORE"]), current_app.config)
        current_app.extensions[EXTENSION] = store
    return store


def set_store(app: Flask, store: FeedbackStore) -> None:
    """Use this store instead of FEEDBACK_STORE (tests, benchmarks, tools)."""
    app.extensions[EXTENSION] = store


@click.command("init-store")
@with_appcontext
def init_store_command() -> None:
    """Create the store's tables (SQLite file, or a DynamoDB table on a local endpoint)."""
    get_store().create_schema()
    click.echo(f"Store ready: {current_app.config['STORE']}")


@click.command("purge")
@click.option(
    "--days",
    type=click.IntRange(min=1),
    help="Retention in days (default: COMMENT_RETENTION_DAYS, 730).",
)
@with_appcontext
def purge_command(days: int | None) -> None:
    """Delete the answers whose comment is past its retention (SQLite; DynamoDB does it itself).

    The SQLite store also does this by itself, at most once a day, when the app uses it.
    """
    store = get_store()
    days = days or int(current_app.config["COMMENT_RETENTION_DAYS"])
    if store.EXPIRES_ITSELF:
        click.echo("This store deletes expired answers itself (DynamoDB TTL on expires_at).")
        return
    if days <= 0:
        click.echo("COMMENT_RETENTION_DAYS is 0: answers are kept; nothing deleted.")
        return
    deleted = store.purge_expired(days)
    click.echo(f"Deleted {deleted} answer(s) with a comment older than {days} days.")


def init_app(app: Flask) -> None:
    app.cli.add_command(init_store_command)
    app.cli.add_command(purge_command)
