"""Editors find every command in CONTRIBUTING.md; the pull request workflow runs what CI runs."""

from __future__ import annotations

import re

import yaml

import build
from tests.site.conftest import ROOT


def test_every_editor_command_is_in_contributing():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    commands = build.parser()._subparsers._group_actions[0].choices
    for name in ("check", "stamp", "status", "serve", "add-language", "review"):
        assert name in commands
        assert f"build.py {name}" in guide, name
    for option in ("serve --watch", "stamp --minor", "check --notices", "check --format github",
                   "check --format github --base"):  # fmt: skip
        assert f"build.py {option}" in guide, option


def test_every_check_has_a_section_in_contributing():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    sections = set(re.findall(r"^### (\w+)", guide, re.M))
    expected = {"Front", "Title", "Translations", "Links", "Safety", "Images", "Readability"}
    assert expected <= sections


def test_pull_request_workflow_runs_the_check_and_ci():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pr.yml").read_text(encoding="utf-8"))
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as True
    job = workflow["jobs"]["check-and-test"]
    assert job["container"].startswith("python:3.11")
    runs = [step.get("run", "") for step in job["steps"]]
    assert ".venv/bin/python build.py check --format github" in runs
    assert runs[-1] == "bash .ci/run"
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")


def test_the_guide_gives_the_description_length_the_check_uses():
    from sitegen.checks.front_matter import DESCRIPTION_MAX

    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    limits = re.findall(r"(?:hoogstens|at most|about) (\d+) (?:tekens|characters)", guide)
    assert limits and set(limits) == {str(DESCRIPTION_MAX)}, limits
    row = next(line for line in guide.splitlines() if "the description has" in line)
    assert f"about {DESCRIPTION_MAX}" in row
