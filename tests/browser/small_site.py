"""The small fixture site (tests/site/fixture), built for browser tests that need what
the real site no longer has, such as a page that falls back to Dutch, or two builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.conftest import FIXTURE, build_site


def build(project: Path, site_dir: Path) -> None:
    languages = project / "languages.yml"
    config, content = project / "mkdocs.yml", project / "content"
    assert build_site(config, content, site_dir, languages) == 0


@pytest.fixture(scope="module")
def small_site(tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("small") / "site"
    build(FIXTURE, site_dir)
    return site_dir
