"""`python -m feedback_fn COMMAND`: the app's commands (init-store, run, routes, ...)."""

from __future__ import annotations

from flask.cli import FlaskGroup

from feedback_fn import create_app

cli = FlaskGroup(create_app=create_app, help="Wegwijs feedback function.")

if __name__ == "__main__":
    cli()
