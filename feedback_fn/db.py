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


def init_app(app: Flask) -> None:
    app.cli.add_command(init_store_command)
