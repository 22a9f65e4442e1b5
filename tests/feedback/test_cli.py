"""`python -m feedback_fn init-store` creates the store's tables."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from flask import Flask

from wegwijs_shared.record import SCHEMA_VERSION

from .servers import ROOT


def test_init_store_creates_the_sqlite_schema(app: Flask, db_path: Path) -> None:
    result = app.test_cli_runner().invoke(args=["init-store"])
    assert result.exit_code == 0, result.output
    assert result.output == f"Store ready: sqlite:///{db_path}\n"
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_module_entry_point_reads_the_store_from_the_environment(tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "feedback_fn", "init-store"],
        cwd=ROOT,
        env={"FEEDBACK_STORE": f"sqlite:///{db}", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert db.exists()
    help_text = subprocess.run(
        [sys.executable, "-m", "feedback_fn", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert "init-store" in help_text
