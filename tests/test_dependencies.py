"""pyproject.toml's groups (site, function, analysts, dev) and the requirements files agree.

`make` installs from the requirements files; the groups say which wing needs what.
A pin changed in one place and not the other would leave one of them lying.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent


def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            requirement = Requirement(line)
            found[requirement.name.lower()] = str(requirement.specifier)
    return found


def groups() -> dict[str, dict[str, str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {
        name: {Requirement(r).name.lower(): str(Requirement(r).specifier) for r in items}
        for name, items in project["optional-dependencies"].items()
    }


def test_every_group_pins_what_the_requirements_files_pin() -> None:
    found = groups()
    assert set(found) == {"site", "function", "analysts", "dev"}
    files = {
        **pins(ROOT / "requirements.txt"),
        **pins(ROOT / "requirements-analysts.txt"),
        **pins(ROOT / "requirements-dev.txt"),
    }
    for group in found.values():
        for name, specifier in group.items():
            assert files.get(name, specifier) == specifier, name
    assert pins(ROOT / "requirements-dev.txt") == found["dev"]
    assert pins(ROOT / "requirements-analysts.txt").items() <= found["analysts"].items()
    assert pins(ROOT / "feedback_fn" / "requirements.txt").items() <= found["function"].items()
    everything = {name for group in found.values() for name in group}
    assert set(files) - everything == set()


def test_serving_the_site_installs_no_analysts_library() -> None:
    runtime = pins(ROOT / "requirements.txt")
    assert not {"pyarrow", "matplotlib", "pandas"} & set(runtime)
    assert not {"pyarrow", "matplotlib"} & (set(groups()["site"]) | set(groups()["function"]))
