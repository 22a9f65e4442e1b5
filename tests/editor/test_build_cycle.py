"""End to end: a Dutch change makes a translation outdated in the built site; a stamp ends it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.editor.conftest import CHANGED_ON, make_project
from tests.site.conftest import ROOT

THEME_SHOWS_OUTDATED = any(
    "wegwijs.outdated" in template.read_text(encoding="utf-8")
    for template in (ROOT / "theme").rglob("*.html")
)
needs_theme = pytest.mark.skipif(
    not THEME_SHOWS_OUTDATED, reason="the theme does not render wegwijs.outdated yet"
)
BANNER = re.compile(r'<p class="wg-notice wg-outdated" role="note">(.*?)</p>', re.S)
# CHANGED_ON (2026-03-14) as the fixture's languages write it (sitegen/dates.py).
WRITTEN = {"en": "14 March 2026", "ar": "14 مارس 2026"}


def recorded(project) -> dict[tuple[str, str], object]:
    """What hooks/translation_status.py handed the theme, per (language, page)."""
    path = project.root.parent / "outdated"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.unlink()
    return {(r["lang"], r["page"]): r["outdated"] for r in map(json.loads, lines)}


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def change_dutch_mo(project) -> None:
    dutch = project.page("nl/mo.md")
    dutch.write_text(dutch.read_text(encoding="utf-8") + "\nDe test is digitaal.\n", "utf-8")
    project.set_changed("nl/mo.md")


@pytest.fixture(scope="module")
def outdated(tmp_path_factory):
    """(project, site, what the theme was handed) after a Dutch change to mo.md, built once."""
    project = make_project(tmp_path_factory.mktemp("outdated"))
    change_dutch_mo(project)
    site = project.root.parent / "site"
    assert project.build(site) == 0  # the outdated warnings do not fail the build
    return project, site, recorded(project)


def test_outdated_translations_are_flagged_for_the_theme(outdated):
    _, _, state = outdated
    assert state[("en", "en/mo.md")] == {"date": CHANGED_ON, "written": WRITTEN["en"]}
    assert state[("ar", "ar/mo.md")] == {"date": CHANGED_ON, "written": WRITTEN["ar"]}
    assert state[("en", "en/index.md")] is None  # up to date
    assert state[("nl", "nl/mo.md")] is None  # the source itself
    assert state[("ps", "nl/mo.md")] is None  # a Dutch fallback is no translation


@needs_theme
def test_reader_banner_on_outdated_translations_only(outdated):
    _, site, _ = outdated
    for rel in ("en/mo/index.html", "ar/mo/index.html"):
        banner = BANNER.search(read(site, rel))
        assert banner and CHANGED_ON in banner.group(1), rel
    for rel in ("en/index.html", "mo/index.html", "ps/mo/index.html"):
        assert "wg-outdated" not in read(site, rel), rel


@needs_theme
def test_reader_banner_writes_the_date_in_the_readers_language(outdated):
    _, site, _ = outdated
    english = BANNER.search(read(site, "en/mo/index.html")).group(1)
    assert english == (
        f'The Dutch version of this page changed on <time datetime="{CHANGED_ON}">'
        "14 March 2026</time>; this translation may be out of date."
    )
    arabic = BANNER.search(read(site, "ar/mo/index.html")).group(1)
    assert f'<time datetime="{CHANGED_ON}">14 مارس 2026</time>' in arabic
    assert not re.search(r"[٠-٩۰-۹]", arabic)  # Latin digits, as on every page


@needs_theme
def test_a_date_ending_in_a_full_stop_ends_the_sentence(tmp_path):
    """Russian writes "14 марта 2026 г.": one full stop before the next sentence, not two."""
    project = make_project(tmp_path)
    languages = project.languages.read_text(encoding="utf-8")
    project.languages.write_text(
        languages + "- {code: ru, name: Русский, english: Russian, dir: ltr}\n", "utf-8"
    )
    # A copy of the stamped English page: stamped against the Dutch text before the change.
    project.write("ru/mo.md", project.page("en/mo.md").read_text(encoding="utf-8"))
    change_dutch_mo(project)
    site = tmp_path / "site"
    assert project.build(site) == 0
    banner = BANNER.search(read(site, "ru/mo/index.html")).group(1)
    assert (
        f'изменилась <time datetime="{CHANGED_ON}">14 марта 2026\u202fг.</time> Возможно'
    ) in banner


def test_stamp_makes_the_translation_up_to_date_again(tmp_path, capsys):
    project = make_project(tmp_path)
    change_dutch_mo(project)
    assert project.build(tmp_path / "before") == 0
    assert "warning: content/en/mo.md:4: outdated:" in capsys.readouterr().err
    assert recorded(project)[("en", "en/mo.md")] == {"date": CHANGED_ON, "written": WRITTEN["en"]}
    assert project.run("stamp", str(project.page("en/mo.md"))) == 0
    site = tmp_path / "after"
    assert project.build(site) == 0
    assert "content/en/mo.md:4: outdated" not in capsys.readouterr().err
    state = recorded(project)
    assert state[("en", "en/mo.md")] is None
    assert state[("ar", "ar/mo.md")] == {"date": CHANGED_ON, "written": WRITTEN["ar"]}
    if THEME_SHOWS_OUTDATED:  # the reader's banner disappears with it
        assert "wg-outdated" not in read(site, "en/mo/index.html")
        assert CHANGED_ON not in read(site, "en/mo/index.html")
        assert BANNER.search(read(site, "ar/mo/index.html"))


def test_editors_status_page(outdated):
    _, site, _ = outdated
    text = read(site, "_editors/translations/index.html")
    assert '<html lang="nl" dir="ltr">' in text and '<div lang="en" dir="ltr">' in text
    assert '<meta name="robots" content="noindex">' in text
    assert (
        '<tr><th scope="row">mo.md</th><td><a href="../../mo/">source</a></td>'
        '<td><a href="../../en/mo/">outdated</a><br><small>not reviewed</small></td>'
        '<td><a href="../../ar/mo/">outdated</a><br><small>not reviewed</small></td>'
        "<td>missing</td></tr>"
    ) in text
    assert (
        '<tr><th scope="row">Complete</th><td>100%</td><td>33%</td><td>33%</td><td>33%</td></tr>\n'
        '<tr><th scope="row">Reviewed</th><td>-</td><td>0%</td><td>0%</td><td>0%</td></tr>'
    ) in text
    # Not for readers: not in the sitemap, no language alternates.
    assert "_editors" not in read(site, "sitemap.xml")
    assert 'hreflang="' not in text.split("</head>")[0]


def test_arabic_headings_get_arabic_anchors(outdated):
    _, site, _ = outdated
    assert '<h2 id="بلغتك">بلغتك</h2>' in read(site, "ar/mo/index.html")


def test_no_reload_script_outside_watch_mode(outdated):
    _, site, _ = outdated
    page = read(site, "en/mo/index.html")
    assert "_editors/build-id.txt" not in page and "location.reload" not in page
