"""A writable copy of the fixture site for editor-facing tests, and helpers to run build.py."""

from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path

import pytest

import build
from tests.site.conftest import FIXTURE, ROOT, build_site

HERE = Path(__file__).resolve().parent
# A fixed date for "the Dutch page changed on ...": outside git, the file's mtime counts.
CHANGED = datetime.datetime(2026, 3, 14, 12, 0, tzinfo=datetime.UTC)
CHANGED_ON = "2026-03-14"


class Project:
    """A fixture project in a temporary folder: content, languages.yml and mkdocs.yml."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.content = root / "content"
        self.config = root / "mkdocs.yml"
        self.languages = root / "languages.yml"

    def page(self, rel: str) -> Path:
        return self.content / rel

    def write(self, rel: str, text: str) -> Path:
        path = self.page(rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def options(self) -> list[str]:
        return ["--config", str(self.config), "--content", str(self.content)] + [
            "--languages",
            str(self.languages),
        ]

    def run(self, command: str, *args: str) -> int:
        return build.main([command, *self.options(), *args])

    def build(self, site_dir: Path) -> int:
        return build_site(self.config, self.content, site_dir, self.languages)

    def set_changed(self, rel: str, when: datetime.datetime = CHANGED) -> None:
        stamp = when.timestamp()
        os.utime(self.page(rel), (stamp, stamp))


def page_text(title: str, body: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\ndescription: A test page.\n{extra}---\n\n# {title}\n\n{body}\n"


def make_project(tmp_path: Path) -> Project:
    """The fixture site (nl, en, ar, ps) in tmp_path/project, every translation stamped."""
    target = tmp_path / "project"
    shutil.copytree(FIXTURE, target)
    config = target / "mkdocs.yml"
    # INHERIT and the hooks in the copy must still reach the real mkdocs.yml, theme and hooks.
    text = config.read_text(encoding="utf-8").replace("../../../", f"{ROOT.as_posix()}/")
    text = text.replace(
        "hooks:\n",
        "hooks:\n"
        f"  - {(HERE / 'hooks' / 'record_outdated.py').as_posix()}\n"
        f"  - {ROOT.as_posix()}/hooks/editors_page.py\n"
        f"  - {ROOT.as_posix()}/hooks/live_reload.py\n",
        1,
    )
    config.write_text(text + f"extra:\n  record_outdated: {tmp_path / 'outdated'}\n", "utf-8")
    made = Project(target)
    for md in sorted(made.content.glob("*/**/*.md")):
        if md.relative_to(made.content).parts[0] != "nl":
            assert build.main(["stamp", *made.options(), str(md)]) == 0
    return made


@pytest.fixture
def project(tmp_path, monkeypatch) -> Project:
    """A fresh project per test, as the working directory (paths as editors type them)."""
    made = make_project(tmp_path)
    monkeypatch.chdir(made.root)
    return made
