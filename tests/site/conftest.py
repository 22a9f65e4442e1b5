"""Building sites for the tests: the fixture project and the helper that builds it
(the fixture site itself is built once in tests/conftest.py, for the browser tests too)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import build

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).resolve().parent / "fixture"


def build_site(
    config: Path,
    content: Path,
    site_dir: Path,
    languages: Path | None,
    *extra: str,
    preview: bool = True,
) -> int:
    """build.py build of a project: a preview (local address) unless preview=False."""
    argv = [
        "build",
        "--config",
        str(config),
        "--content",
        str(content),
        "--site-dir",
        str(site_dir),
    ]
    if languages:
        argv += ["--languages", str(languages)]
    return build.main([*argv, *(["--preview"] if preview else []), *extra])


def fixture_project(target: Path) -> Path:
    """A writable copy of the fixture project whose mkdocs.yml still reaches the theme."""
    shutil.copytree(FIXTURE, target)
    # INHERIT in the copy must still reach the real mkdocs.yml and theme.
    config = target / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("../../../", f"{ROOT.as_posix()}/"),
        encoding="utf-8",
    )
    return target


@pytest.fixture
def fixture_copy(tmp_path) -> Path:
    """A writable copy of the fixture project, for tests that break it on purpose."""
    return fixture_project(tmp_path / "fixture")


PUBLIC_URL = "https://wegwijs.example.org/"


@pytest.fixture(scope="session")
def public_fixture_site(tmp_path_factory) -> Path:
    """The fixture site built for publishing, with a public address (as CI builds it)."""
    site_dir = tmp_path_factory.mktemp("public") / "site"
    saved = os.environ.get("WEGWIJS_SITE_URL")
    os.environ["WEGWIJS_SITE_URL"] = PUBLIC_URL  # read by mkdocs.yml's !ENV in every process
    try:
        built = build_site(
            FIXTURE / "mkdocs.yml",
            FIXTURE / "content",
            site_dir,
            FIXTURE / "languages.yml",
            preview=False,
        )
    finally:
        if saved is None:
            del os.environ["WEGWIJS_SITE_URL"]
        else:
            os.environ["WEGWIJS_SITE_URL"] = saved
    assert built == 0
    return site_dir
