"""The three wings import the shared package and never each other (DESIGN decision 1).

Read from the source with ast, so that an import inside a function (the lazy
kind this project uses for heavy libraries) counts as much as one at the top.
build.py is the one place above the wings that may compose them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WINGS = {
    "site generator": ("sitegen", "hooks"),
    "feedback function": ("feedback_fn",),
    "analysts' tools": ("analysts",),
}
SHARED = "wegwijs_shared"
OURS = {SHARED, *(top for tops in WINGS.values() for top in tops)}


def imported_tops(folder: str) -> dict[str, set[str]]:
    """For every .py file under folder: the top-level names of the project's packages it imports."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / folder).rglob("*.py")):
        tops = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                tops.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                tops.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = tops & OURS
    return found


@pytest.mark.parametrize("wing", list(WINGS))
def test_a_wing_imports_only_itself_and_the_shared_package(wing: str) -> None:
    allowed = {SHARED, *WINGS[wing]}
    crossings = {
        file: sorted(tops - allowed)
        for folder in WINGS[wing]
        for file, tops in imported_tops(folder).items()
        if tops - allowed
    }
    assert crossings == {}


def test_the_shared_package_imports_no_wing() -> None:
    crossings = {file: sorted(tops - {SHARED}) for file, tops in imported_tops(SHARED).items()}
    assert {file: tops for file, tops in crossings.items() if tops} == {}


def test_the_scan_sees_imports_inside_functions() -> None:
    # The guard above is only as good as its reader: create_app imports its
    # modules inside the function, and build.py (the composer) does so lazily too.
    assert "feedback_fn" in imported_tops("feedback_fn")["feedback_fn/__init__.py"]
    build = ast.parse((ROOT / "build.py").read_text(encoding="utf-8"))
    lazy = {n.module for n in ast.walk(build) if isinstance(n, ast.ImportFrom)}
    assert {"feedback_fn", "sitegen.serve"} <= lazy
