"""serve --watch's rebuilds: built aside and swapped in whole, only the languages an edit needs."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from hooks.live_reload import BUILD_ID
from sitegen.serve import make_local_server
from sitegen.watch import Builder, Preview, affected_languages, content_state, what_changed
from tests.site.conftest import ROOT

CODES = ["nl", "en", "ar", "ps"]


@pytest.fixture
def preview(project, tmp_path):
    """A Preview of the fixture project with its builder process, first build done."""
    site_dir = tmp_path / "site"
    argv = ["build", "--preview", *project.options()]
    made = Preview(argv, site_dir, project.content.resolve(), CODES, Builder(ROOT / "build.py"))
    assert made.build(None)
    yield made
    made.builder.stop()


@pytest.fixture
def server(preview):
    """A real HTTP server on 127.0.0.1 serving the preview's folder, as build.py serve does."""
    running = make_local_server(preview.site_dir, port=0)
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{running.server_port}"
    running.shutdown()
    running.server_close()


def status_and_text(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def edit(project, rel: str, old: str, new: str) -> Path:
    path = project.page(rel)
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return path.resolve()


def test_which_languages_an_edit_needs(project):
    content = project.content.resolve()
    before = content_state(content)
    en_mo = edit(project, "en/mo.md", "\n# ", "\nA new line.\n\n# ")
    assert affected_languages({en_mo}, content, CODES, before) == {"en"}
    # A safe save (sed -i, many editors) writes a temporary file, then renames it.
    temporary = content / "en" / "sedX4k2Lq"
    assert affected_languages({en_mo, temporary}, content, CODES, before) == {"en"}
    assert what_changed({en_mo, temporary}) == "mo.md changed"  # not "sedX4k2Lq, mo.md"
    assert affected_languages({content / "en" / "kaart.png"}, content, CODES, before) == {"en"}
    dutch_image = content / "nl" / "kaart.png"
    assert affected_languages({dutch_image}, content, CODES, before) == set(CODES)
    # Dutch: its own pass, and every language that falls back to it or shows its freshness.
    nl_mo = edit(project, "nl/mo.md", "\n# ", "\nEen nieuwe regel.\n\n# ")
    assert affected_languages({nl_mo}, content, CODES, before) == set(CODES)
    # A translation's front matter is read by other languages (switcher, status page).
    edit(project, "ar/mo.md", "---\n", "---\nreviewed: false\n")
    ar_mo = project.page("ar/mo.md").resolve()
    assert affected_languages({ar_mo}, content, CODES, before) == set(CODES)
    new_page = project.write("en/new.md", "---\ntitle: New\n---\n\n# New\n").resolve()
    assert affected_languages({new_page}, content, CODES, before) == set(CODES)
    # The configuration or the theme: everything, in a fresh builder.
    assert affected_languages({project.config.resolve()}, content, CODES, before) is None
    assert affected_languages({en_mo}, content, CODES, None) is None


def test_a_translated_edit_renders_only_its_language(project, preview):
    # Terms of another language: the partial check still reads them against every language.
    (project.root / "docs").mkdir(exist_ok=True)
    (project.root / "docs" / "review-terms.yml").write_text(
        "ar:\n  - term: كلمة\n    why: a word to check\n", encoding="utf-8"
    )
    before = (preview.site_dir / "ar" / "mo" / "index.html").read_bytes()
    changed = edit(project, "en/mo.md", "\n# ", "\nFreshly added line.\n\n# ")
    assert preview.rebuild({changed})
    assert preview.passes[-1] == ["en"]
    assert "Freshly added line." in (preview.site_dir / "en/mo/index.html").read_text("utf-8")
    # The other languages are the previous build's pages, byte for byte.
    assert (preview.site_dir / "ar" / "mo" / "index.html").read_bytes() == before
    # Search finds the new line (the index is made again, not kept from the cache).
    fragments = (preview.site_dir / "pagefind" / "fragment").glob("*.pf_fragment")
    assert any(b"freshly added line" in path.read_bytes() for path in fragments)
    nl_mo = edit(project, "nl/mo.md", "\n# ", "\nEen nieuwe regel.\n\n# ")
    assert preview.rebuild({nl_mo})
    assert sorted(preview.passes[-1]) == sorted(CODES)


def test_no_404_or_500_while_rebuilding(project, preview, server):
    pages = ["/", "/mo/", "/en/mo/", "/ar/mo/", "/ps/", "/kosten/", "/en/kosten/"]
    for page in pages:
        assert status_and_text(server + page)[0] == 200, page
    seen: list[tuple[str, int]] = []
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set():
            for page in pages:
                seen.append((page, status_and_text(server + page)[0]))

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    try:
        for number in range(2):
            nl_page = edit(project, "nl/mo.md", "\n# ", f"\nRegel {number}.\n\n# ")
            assert preview.rebuild({nl_page})
            en_page = edit(project, "en/mo.md", "\n# ", f"\nLine {number}.\n\n# ")
            assert preview.rebuild({en_page})
    finally:
        stop.set()
        poller.join()
    assert len(seen) > len(pages) * 4  # the server was asked all along
    assert [item for item in seen if item[1] != 200] == []
    assert "Line 1." in status_and_text(server + "/en/mo/")[1]


def test_a_failed_rebuild_leaves_the_last_good_site_served(project, preview, server):
    site = preview.site_dir
    files = {p: p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    build_id = status_and_text(server + "/" + BUILD_ID)[1]
    # Front matter that cannot be read stops the build before anything is built.
    ar_page = edit(project, "ar/mo.md", "\n# ", "\nسطر جديد.\n\n# ")
    broken = edit(project, "en/mo.md", "---\n", "---\ntitle: [unclosed\n")
    assert not preview.rebuild({broken, ar_page})
    assert {p: p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()} == files
    assert not (site.parent / ".site-next").exists()
    assert status_and_text(server + "/en/mo/")[0] == 200
    assert status_and_text(server + "/" + BUILD_ID)[1] == build_id  # no reload of a failure
    # Fixed: the next build also renders what the failed one should have.
    fixed = edit(project, "en/mo.md", "title: [unclosed\n", "")
    assert preview.rebuild({fixed})
    assert preview.passes[-1] == ["ar", "en"]
    assert "سطر جديد." in status_and_text(server + "/ar/mo/")[1]


def test_the_build_id_changes_once_per_build_and_only_when_it_is_complete(project, preview):
    site = preview.site_dir
    first = (site / BUILD_ID).read_text(encoding="utf-8")
    assert not (site / (BUILD_ID + ".br")).exists()  # the server would send a stale one
    changed = edit(project, "en/mo.md", "\n# ", "\nOne more line.\n\n# ")
    ids: list[str] = []
    pages: list[str] = []  # the page as it is when a new id is first seen
    stop = threading.Event()

    def watch_id() -> None:
        while not stop.is_set():
            text = (site / BUILD_ID).read_text(encoding="utf-8")
            if not ids or ids[-1] != text:
                ids.append(text)
                pages.append((site / "en/mo/index.html").read_text("utf-8"))

    watcher = threading.Thread(target=watch_id, daemon=True)
    watcher.start()
    try:
        assert preview.rebuild({changed})
    finally:
        stop.set()
        watcher.join()
    assert len(ids) == 2 and ids[0] == first  # one change of id: one reload
    assert "One more line." not in pages[0] and "One more line." in pages[1]
