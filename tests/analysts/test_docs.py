"""Every analysts' command, and every option of it, is documented in docs/analysts.md."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from analysts.cli import ANALYTICS_COMMANDS

DOCS = Path(__file__).resolve().parents[2] / "docs" / "analysts.md"


@pytest.fixture(scope="module")
def docs() -> str:
    return DOCS.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ANALYTICS_COMMANDS, ids=lambda command: command.name)
def test_command_and_its_options_are_documented(docs: str, command: click.Command) -> None:
    assert f"## `python -m analysts {command.name}`" in docs
    options = [
        name
        for param in command.params
        if isinstance(param, click.Option)
        for name in param.opts
        if name.startswith("--")
    ]
    missing = [option for option in options if f"{option} " not in docs]
    assert not missing, f"docs/analysts.md does not mention {missing} of {command.name}"


@pytest.mark.parametrize("command", ANALYTICS_COMMANDS, ids=lambda command: command.name)
def test_command_is_in_the_readme(command: click.Command) -> None:
    readme = (DOCS.parents[1] / "README.md").read_text(encoding="utf-8")
    assert f"python -m analysts {command.name} " in readme
