"""The README's tables say what the code does: the build's phases in their order, and
every top-level folder of the repository in the layout table."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def table_after(heading_text: str) -> list[str]:
    """The first column of the first table after a line containing heading_text."""
    lines = README[README.index(heading_text) :].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    table = []
    for line in lines[start + 2 :]:  # after the header and its |---| line
        if not line.startswith("|"):
            break
        table.append(line.split("|")[1].strip().strip("`"))
    return table


def build_phases() -> list[str]:
    """The names given to phase(...) in build.py's run_build, in source order (the content
    phase is in a function of its own, which runs before the languages phase or during it,
    and prints its line first either way)."""
    tree = ast.parse((ROOT / "build.py").read_text(encoding="utf-8"))
    run_build = next(n for n in ast.walk(tree) if getattr(n, "name", "") == "run_build")
    calls = [
        node
        for node in ast.walk(run_build)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "phase"
        and isinstance(node.args[0], ast.Constant)
    ]
    return [node.args[0].value for node in sorted(calls, key=lambda n: (n.lineno, n.col_offset))]


def test_the_phase_table_lists_the_build_phases_in_order():
    phases = build_phases()
    assert len(phases) >= 8
    assert table_after("runs named phases") == phases


def test_the_layout_table_names_every_tracked_top_level_folder():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    folders = {path.split("/")[0] for path in tracked if "/" in path}
    folders -= {".ci", ".github"}  # the CI's own files, described in "Publish on merge"
    listed = {row.split("/")[0] for row in table_after("## Layout")}
    assert folders <= listed, f"not in the README's layout table: {sorted(folders - listed)}"
