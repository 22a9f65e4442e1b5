"""The search index goes into the built site and nowhere else.

Pagefind's Python API writes the index again when its context closes, to the path
of its config; without one that is ./pagefind in the working directory, which was
the repository itself when a test built a site.
"""

from __future__ import annotations

import os
from pathlib import Path

from sitegen.search_index import SEARCH_DIR


def test_building_writes_the_index_into_the_site_only(tmp_path: Path, monkeypatch) -> None:
    from tests.site.conftest import FIXTURE, build_site

    # Build again from an empty working directory, so that a stray write shows.
    monkeypatch.chdir(tmp_path)
    site_dir = tmp_path / "site"
    languages = FIXTURE / "languages.yml"
    assert build_site(FIXTURE / "mkdocs.yml", FIXTURE / "content", site_dir, languages) == 0
    assert any((site_dir / SEARCH_DIR).rglob("*")), "no search index in the site"
    # Beside the site only the build's own compression cache may appear.
    assert set(os.listdir(tmp_path)) <= {"site", ".site-cache"}
    assert not (tmp_path / "pagefind").exists()
