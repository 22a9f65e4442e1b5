"""`python -m analysts COMMAND`: export, report, demo-data (docs/analysts.md)."""

from analysts.cli import cli

if __name__ == "__main__":
    cli()
