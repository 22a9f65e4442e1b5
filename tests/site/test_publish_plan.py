"""What publish sends, decided without a bucket: headers per file, the plan, what to invalidate."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import brotli
import pytest

from sitegen.publish_plan import (
    ASSET_CACHE,
    ASSETS,
    LISTS,
    MAX_INVALIDATION_PATHS,
    PAGE_CACHE,
    PAGES,
    describe,
    invalidation_paths,
    make_plan,
    report_lines,
    site_files,
    summary,
)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    files = {
        "index.html": b"<p>home</p>",
        "ar/mo/index.html": "<p>دورة</p>".encode(),
        "ar/404.html": b"<p>404</p>",
        "assets/feedback.js": b"var x;",
        "assets/photo.webp": b"RIFF",
        "downloads/brochure.tar.gz": b"\x1f\x8b",
        "sitemap.xml": b"<urlset/>",
        "robots.txt": b"User-agent: *",
        "ar/offline.json": b'{"lang":"ar"}',
        "pagefind/pagefind-entry.json": b'{"languages":{}}',
        "pagefind/index/ar_1a2b3c.pf_index": b"index",
    }
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        if path.suffix in (".html", ".js", ".xml", ".txt"):
            path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=11))
            path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, 9, mtime=0))
    return root


def test_each_file_gets_its_type_encoding_cache_and_stage(site: Path) -> None:
    files = {f.key: f for f in site_files(site)}
    page, page_br = files["ar/mo/index.html"], files["ar/mo/index.html.br"]
    assert (page.content_type, page.content_encoding) == ("text/html; charset=utf-8", None)
    assert (page_br.content_type, page_br.content_encoding) == ("text/html; charset=utf-8", "br")
    assert page.cache_control == page_br.cache_control == PAGE_CACHE
    assert page.stage == page_br.stage == PAGES
    assert page_br.base == "ar/mo/index.html"
    script = files["assets/feedback.js.gz"]
    assert (script.content_type, script.content_encoding) == (
        "text/javascript; charset=utf-8",
        "gzip",
    )
    assert (script.cache_control, script.stage) == (ASSET_CACHE, ASSETS)
    assert files["assets/photo.webp"].content_type == "image/webp"
    # A download that happens to end in .gz is a file of its own, not a variant.
    brochure = files["downloads/brochure.tar.gz"]
    assert brochure.content_encoding is None and brochure.content_type == "application/gzip"
    assert files["sitemap.xml.br"].stage == files["robots.txt"].stage == LISTS
    assert files["sitemap.xml"].cache_control == PAGE_CACHE
    # They name files of this build by hash: a stale copy would point at deleted files.
    assert files["ar/offline.json"].cache_control == PAGE_CACHE
    assert files["pagefind/pagefind-entry.json"].cache_control == PAGE_CACHE
    assert files["pagefind/index/ar_1a2b3c.pf_index"].cache_control == ASSET_CACHE
    assert files["ar/404.html.gz"].metadata["status"] == "404"
    assert "status" not in files["index.html"].metadata
    assert page.md5 == hashlib.md5(page.path.read_bytes()).hexdigest()


def test_the_plan_sends_new_and_changed_and_deletes_what_is_gone(site: Path) -> None:
    files = site_files(site)
    remote = {f.key: f.md5 for f in files}
    remote["ar/mo/index.html.br"] = "0" * 32  # changed
    del remote["robots.txt"]  # new
    remote["ar/kosten/index.html"] = "1" * 32  # gone
    plan = make_plan(files, remote, rules_current=True)
    assert [f.key for f in plan.changed] == ["ar/mo/index.html.br"]
    assert [f.key for f in plan.new] == ["robots.txt"]
    assert plan.deleted == ["ar/kosten/index.html"]
    assert plan.unchanged == len(files) - 2
    assert [[f.key for f in stage] for stage in plan.stages()] == [
        [],
        ["ar/mo/index.html.br"],
        ["robots.txt"],
    ]
    assert report_lines(plan) == [
        "+ robots.txt",
        "~ ar/mo/index.html [.br]",
        "- ar/kosten/index.html",
    ]
    assert summary(plan).startswith("1 new, 1 changed, 1 deleted (2 objects sent, 1 deleted, ")


def test_new_header_rules_send_everything_again(site: Path) -> None:
    files = site_files(site)
    plan = make_plan(files, {f.key: f.md5 for f in files}, rules_current=False)
    assert len(plan.changed) == len(files) and plan.unchanged == 0
    assert summary(plan).endswith("the header rules changed, so every file was sent")


def test_invalidation_names_each_file_with_its_variants(tmp_path: Path) -> None:
    names = ["ar/mo/index.html", "ar/mo/index.html.br", "ar/مو/index.html", "assets/feedback.js"]
    files = []
    for rel in names:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
        files.append(describe(tmp_path, path))
    plan = make_plan(files, {}, rules_current=True)
    plan.deleted = ["old/index.html.gz"]
    assert invalidation_paths(plan) == [
        "/ar/%D9%85%D9%88/index.html*",
        "/ar/mo/index.html*",
        "/assets/feedback.js*",
        "/old/index.html*",
    ]
    plan.deleted = [f"page-{n}/index.html" for n in range(MAX_INVALIDATION_PATHS)]
    assert invalidation_paths(plan) == ["/*"]  # one wildcard instead of dozens of paths
