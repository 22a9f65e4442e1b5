"""The offline phase on the fixture site: each language's manifest, the pack budget, and
the build version the service worker gets."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sitegen.offline_packs import (
    PackError,
    build_version,
    file_hash,
    stamp_service_worker,
    write_packs,
)
from tests.site.conftest import FIXTURE
from wegwijs_shared.languages import load_languages

LANGUAGES = load_languages(FIXTURE / "languages.yml")


@pytest.fixture
def site_copy(fixture_site, tmp_path) -> Path:
    """A copy of the built fixture site that a test may change."""
    return Path(shutil.copytree(fixture_site, tmp_path / "site"))


def served(site: Path, path: str) -> Path:
    """The file the server sends for a manifest's path ('ar/mo/' or 'assets/x.js')."""
    return site / path / "index.html" if path in ("", "/") or path.endswith("/") else site / path


def manifest(site: Path, prefix: str) -> dict:
    return json.loads((site / prefix / "offline.json").read_text(encoding="utf-8"))


def test_each_manifest_holds_its_languages_pages_and_scripts(public_fixture_site):
    site = public_fixture_site  # published: its .br files are what the server sends
    pashto = manifest(site, "ps/")
    # The Dutch fallbacks are Pashto pages too; the feedback pages and 404 are not.
    assert sorted(path for path in pashto["files"] if path.endswith("/")) == [
        "ps/", "ps/a-z/", "ps/kosten/", "ps/mo/", "ps/offline/",
    ]  # fmt: skip
    assert {"assets/feedback.js", "assets/offline.js", "assets/listen.js"} <= set(pashto["files"])
    assert pashto["count"] == 4  # what the reader is told: the offline page aside
    for path, digest in pashto["files"].items():
        assert digest == file_hash(served(site, path))
    # What saving costs: the brotli files the server sends.
    sizes = sum(
        served(site, path).with_suffix(served(site, path).suffix + ".br").stat().st_size
        for path in pashto["files"]
    )
    assert pashto["bytes"] == sizes
    # Dutch lives at the root and holds no other language's pages.
    assert not [path for path in manifest(site, "")["files"] if path.startswith("ar/")]


def test_the_service_worker_knows_the_version_and_the_language_folders(fixture_site):
    worker = (fixture_site / "sw.js").read_text(encoding="utf-8")
    build = json.loads(worker.split("var BUILD = ")[1].split(";\n")[0])
    assert build == {"version": build_version(fixture_site), "languages": ["en", "ar", "ps"]}


def test_the_version_changes_with_any_served_file_and_only_then(site_copy):
    before = build_version(site_copy)
    write_packs(site_copy, LANGUAGES)  # again: manifests and sw.js do not count
    assert build_version(site_copy) == before
    page = site_copy / "ar" / "mo" / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- -->", encoding="utf-8")
    assert build_version(site_copy) != before


def test_a_pack_over_the_budget_is_a_problem_that_says_what_to_do(site_copy):
    packs, problems = write_packs(site_copy, LANGUAGES, budget=10_000)
    assert len(problems) == len(packs) == 4
    assert problems[2].startswith("site/ar/offline.json: the offline pack of 'ar' is ")
    assert "over the 10,000-byte budget" in problems[2] and "Shorten pages" in problems[2]


def test_a_service_worker_without_its_build_line_is_refused(site_copy):
    (site_copy / "sw.js").write_text('"use strict";\n', encoding="utf-8")
    with pytest.raises(PackError, match="has lost its line 'var BUILD = "):
        stamp_service_worker(site_copy, "abc", LANGUAGES)


def test_a_previews_pack_is_judged_at_the_published_quality(site_copy):
    """A preview has no .br files: its packs are weighed quickly (a little more than the
    published size). A budget between the two passes, and the pack says its published
    size."""
    quick = {
        pack.code: pack.bytes
        for pack in write_packs(site_copy, LANGUAGES, budget=10**9, preview=True)[0]
    }
    assert not list(site_copy.rglob("*.br"))  # a preview compresses nothing
    exact = compressed_pack_sizes(site_copy)
    assert exact["ar"] < quick["ar"]
    budget = (exact["ar"] + quick["ar"]) // 2
    packs, problems = write_packs(site_copy, LANGUAGES, budget=budget, preview=True)
    assert not [problem for problem in problems if "'ar'" in problem]
    assert next(pack.bytes for pack in packs if pack.code == "ar") == exact["ar"]


def compressed_pack_sizes(site: Path) -> dict[str, int]:
    """Each pack's size at the published quality, from the files its manifest lists."""
    from sitegen.compress import exact_size

    return {
        prefix.rstrip("/") or "nl": sum(
            exact_size(served(site, path)) for path in manifest(site, prefix)["files"]
        )
        for prefix in ("", "en/", "ar/", "ps/")
    }
