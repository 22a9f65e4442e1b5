"""End to end: a Dutch change makes a translation outdated in the built site; a stamp ends it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.editor.conftest import CHANGED_ON
from tests.site.conftest import ROOT

THEME_SHOWS_OUTDATED = any(
    "wegwijs.outdated" in template.read_text(encoding="utf-8")
    for template in (ROOT / "theme").rglob("*.html")
)
needs_theme = pytest.mark.skipif(
    not THEME_SHOWS_OUTDATED, reason="the theme does not render wegwijs.outdated yet"
)


def recorded(project) -> dict[tuple[str, str], object]:
    """What hooks/translation_status.py handed the theme, per (language, page)."""
    path = project.root.parent / "outdated"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.unlink()
    return {(r["lang"], r["page"]): r["outdated"] for r in map(json.loads, lines)}


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


@pytest.fixture
def outdated_build(project, tmp_path, capsys):
    """The project after a Dutch change to mo.md, built (warnings do not fail the build)."""
    dutch = project.page("nl/mo.md")
    dutch.write_text(dutch.read_text(encoding="utf-8") + "\nDe test is digitaal.\n", "utf-8")
    project.set_changed("nl/mo.md")
    site = tmp_path / "site"
    assert project.build(site) == 0
    assert "warning: content/en/mo.md:4: outdated:" in capsys.readouterr().err
    return project, site


def test_outdated_translation_is_flagged_for_the_theme(outdated_build, tmp_path):
    project, site = outdated_build
    state = recorded(project)
    assert state[("en", "en/mo.md")] == {"date": CHANGED_ON}
    assert state[("ar", "ar/mo.md")] == {"date": CHANGED_ON}
    assert state[("en", "en/index.md")] is None  # up to date
    assert state[("nl", "nl/mo.md")] is None  # the source itself
    assert state[("ps", "nl/mo.md")] is None  # a Dutch fallback is no translation
    # After a stamp, the English page is up to date again; Arabic is not.
    assert project.run("stamp", "content/en/mo.md") == 0
    assert project.build(tmp_path / "again") == 0
    state = recorded(project)
    assert state[("en", "en/mo.md")] is None
    assert state[("ar", "ar/mo.md")] == {"date": CHANGED_ON}


@needs_theme
def test_reader_banner_appears_and_disappears(outdated_build, tmp_path):
    project, site = outdated_build
    banner = re.search(
        r'<p class="wg-notice wg-outdated" role="note">(.*?)</p>',
        read(site, "en/mo/index.html"),
        re.S,
    )
    assert banner and CHANGED_ON in banner.group(1)
    assert 'class="wg-outdated' not in read(site, "en/index.html")
    assert 'class="wg-notice wg-outdated"' in read(site, "ar/mo/index.html")
    assert project.run("stamp", "content/en/mo.md") == 0
    again = tmp_path / "again"
    assert project.build(again) == 0
    assert "wg-outdated" not in read(again, "en/mo/index.html")
    assert CHANGED_ON not in read(again, "en/mo/index.html")
    assert "wg-outdated" in read(again, "ar/mo/index.html")


def test_editors_status_page(outdated_build):
    project, site = outdated_build
    text = read(site, "_editors/translations/index.html")
    assert '<html lang="nl" dir="ltr">' in text and '<div lang="en" dir="ltr">' in text
    assert '<meta name="robots" content="noindex">' in text
    assert (
        '<tr><th scope="row">mo.md</th><td><a href="../../mo/">source</a></td>'
        '<td><a href="../../en/mo/">outdated</a></td><td><a href="../../ar/mo/">outdated</a>'
        "</td><td>missing</td></tr>"
    ) in text
    assert (
        '<tr><th scope="row">Complete</th><td>100%</td><td>33%</td><td>33%</td><td>33%</td></tr>'
        in text
    )
    # Not for readers: not in the sitemap, no language alternates.
    assert "_editors" not in read(site, "sitemap.xml")
    assert 'hreflang="' not in text.split("</head>")[0]


def test_arabic_headings_get_arabic_anchors(outdated_build):
    _, site = outdated_build
    assert '<h2 id="بلغتك">بلغتك</h2>' in read(site, "ar/mo/index.html")
