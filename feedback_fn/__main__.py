"""`python -m feedback_fn COMMAND`: the app's commands (init-store, run, routes, ...)."""

from __future__ import annotations

from flask.cli import FlaskGroup

from feedback_fn import create_app
from feedback_fn.analytics.cli import ANALYTICS_COMMANDS

cli = FlaskGroup(create_app=create_app, help="Wegwijs feedback function.")
for command in ANALYTICS_COMMANDS:  # export, report, demo-data (docs/analysts.md)
    cli.add_command(command)

if __name__ == "__main__":
    cli()
