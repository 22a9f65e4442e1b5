"""The content checks say the same in several processes as in one, in the same order."""

from __future__ import annotations

import shutil

from sitegen.content_checks import check_content
from tests.site.conftest import ROOT
from wegwijs_shared.languages import load_languages


def test_the_findings_are_the_same_whatever_the_processes(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    languages = load_languages(ROOT / "languages.yml")
    # Problems on both sides of where the pages are split, and a link from the last
    # language's pages into an anchor of the first Dutch page (another process's page).
    last = sorted((project / "content" / languages[-1].code).glob("*.md"))[-1]
    last.write_text(
        last.read_text(encoding="utf-8")
        + "\n[Zie](../../nl/index.md#geen-kop) en [kosten](kosten.md#nergens).\n",
        encoding="utf-8",
    )
    first = sorted((project / "content" / "nl").glob("*.md"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n[weg](nergens.md)\n", "utf-8")

    def findings(jobs: int) -> list:
        content = project / "content"
        return check_content(content, languages, project, project / "mkdocs.yml", jobs)

    alone = findings(1)
    assert len({finding.path for finding in alone}) > 10  # pages of many languages
    assert any(last.name in f.path and "geen-kop" in f.message for f in alone)
    assert any(first.name in f.path and "nergens.md" in f.message for f in alone)
    assert findings(2) == alone
    assert findings(3) == alone
