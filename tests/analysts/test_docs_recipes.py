"""Every recipe in docs/analysts.md runs: the quick start's commands, and each Python block
on exports of records that are hard to read back (an apostrophe, a formula, no barriers)."""

from __future__ import annotations

import os
import re
import shlex
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from analysts.cli import cli
from tests.analysts.conftest import make_record
from wegwijs_shared.store.sqlite import SqliteStore

ROOT = Path(__file__).resolve().parents[2]
DOCS = (ROOT / "docs" / "analysts.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", DOCS, re.S)
PYTHON = [code for kind, code in BLOCKS if kind == "python"]
# Commands to run, not synopses: no [optional] parts and no a|b choices.
COMMANDS = [
    line.split("#")[0].strip()
    for kind, code in BLOCKS
    if kind == "sh"
    for line in code.splitlines()
    if line.startswith("python -m analysts ") and "[" not in line and "|" not in line
]
COMMENTS = ["'s Avonds", "=1+1", "''", "NA", "gewoon", "-"]


def test_the_guide_has_recipes_to_run() -> None:
    assert len(PYTHON) == 2 and len(COMMANDS) == 4


def test_the_quick_start_runs_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner(env={"FEEDBACK_STORE": "sqlite:///var/feedback.sqlite3"})
    for command in COMMANDS:
        args = shlex.split(command.replace("--n 5000", "--n 300"))[3:]
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, (command, result.output)
    assert (tmp_path / "feedback.csv").stat().st_size > 300 * 50
    assert openpyxl.load_workbook(tmp_path / "feedback.xlsx").active.max_row == 301
    assert "300 in totaal" in (tmp_path / "report.html").read_text(encoding="utf-8")


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    store = SqliteStore(tmp_path / "feedback.sqlite3")
    moment = datetime(2026, 3, 1, tzinfo=UTC)
    for number, comment in enumerate(COMMENTS, start=1):
        barriers = ("language", "difficult") if number % 2 else ()
        store.put(make_record(number, moment.replace(hour=number), comment=comment,
                              barriers=barriers, rating=number % 5 + 1,
                              channel="letter" if number < 3 else "website",
                              part="mo" if number == 1 else None))  # fmt: skip
    store.close()
    url = f"sqlite:///{tmp_path / 'feedback.sqlite3'}"
    for name in ("csv", "parquet"):
        out = tmp_path / f"feedback.{name}"
        args = ["export", "--format", name, "--out", str(out), "--store", url]
        assert CliRunner().invoke(cli, args).exit_code == 0
    return tmp_path


def run_recipe(code: str, folder: Path) -> dict:
    namespace: dict = {}
    here = Path.cwd()
    os.chdir(folder)
    try:
        exec(compile(code, "docs/analysts.md", "exec"), namespace)  # noqa: S102 - the guide's own code
    finally:
        os.chdir(here)
    return namespace


def test_the_csv_recipe_gives_back_exactly_what_the_readers_wrote(exported: Path) -> None:
    df = run_recipe(PYTHON[0], exported)["df"]
    assert df["comment"].tolist() == COMMENTS
    assert df["barriers"].tolist() == [
        ["language", "difficult"] if number % 2 else [] for number in range(1, 7)
    ]
    assert df["part"].isna().tolist() == [False, True, True, True, True, True]
    assert df["part"][0] == "mo"
    assert df["rating"].tolist() == [2, 3, 4, 5, 1, 2]
    assert str(df["received_at"].dt.tz) == "UTC"


def test_the_parquet_recipe_ranks_the_channels(exported: Path) -> None:
    per_channel = run_recipe(PYTHON[1], exported)["per_channel"]
    # letter: ratings 2 and 3 (0 of 2 satisfied); website: 4, 5, 1, 2 (2 of 4).
    assert per_channel.to_dict("index") == {
        "website": {"mean": 0.5, "count": 4},
        "letter": {"mean": 0.0, "count": 2},
    }
