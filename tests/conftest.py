"""Shared test fixtures: the project root on sys.path, and the real and fixture sites built
once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium, one for the whole run (Playwright's sync API
    allows one running instance per thread, so every browser test shares it)."""
    from tests.browser.chromium import launch_chromium

    with launch_chromium() as launched:
        yield launched


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real content/ in every language of languages.yml, built once per test run."""
    import build

    site_dir = tmp_path_factory.mktemp("real") / "site"
    argv = ["build", "--config", str(ROOT / "mkdocs.yml"), "--content", str(ROOT / "content")]
    assert build.main([*argv, "--site-dir", str(site_dir)]) == 0
    return site_dir


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture site, built once: nl, en, ar and ps, with kosten.md only in Dutch and mo.md
    not in Pashto. Dutch fallback inside a right-to-left language is tested here, so that no
    test needs a language of the real site to stay incomplete."""
    from tests.site.conftest import FIXTURE, build_site

    site_dir = tmp_path_factory.mktemp("fixture") / "site"
    assert (
        build_site(FIXTURE / "mkdocs.yml", FIXTURE / "content", site_dir, FIXTURE / "languages.yml")
        == 0
    )
    return site_dir
