"""The content-hash cache of .br and .gz: unchanged files are not compressed again."""

from __future__ import annotations

import gzip

import brotli

from sitegen.compress import compress_file, compress_site_cached, compressed_size


def make_site(root):
    site = root / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("<p>" + "hallo wereld " * 200 + "</p>", encoding="utf-8")
    (site / "en" / "index.html").write_text("<p>" + "hello world " * 200 + "</p>", "utf-8")
    (site / "style.css").write_text("body{color:#222}" * 50, encoding="utf-8")
    (site / "logo.png").write_bytes(b"\x89PNG not text")
    return site


def test_only_new_content_is_compressed(tmp_path):
    site, cache = make_site(tmp_path), tmp_path / "cache"
    first = compress_site_cached(site, cache)
    assert (first.files, first.compressed) == (3, 3)
    page = site / "en" / "index.html"
    assert brotli.decompress((site / "en" / "index.html.br").read_bytes()) == page.read_bytes()
    assert gzip.decompress((site / "style.css.gz").read_bytes()) == b"body{color:#222}" * 50
    assert not (site / "logo.png.br").exists()

    again = compress_site_cached(site, cache)
    assert (again.files, again.compressed) == (3, 0)

    page.write_text("<p>" + "hello again " * 200 + "</p>", encoding="utf-8")
    changed = compress_site_cached(site, cache)
    assert (changed.files, changed.compressed) == (3, 1)
    assert brotli.decompress((site / "en" / "index.html.br").read_bytes()) == page.read_bytes()
    # The budget check reads the .br size instead of compressing again: it is up to date.
    assert compressed_size(page) == (site / "en" / "index.html.br").stat().st_size
    # The old page's entry is gone: the cache holds what the last build used.
    assert len(list(cache.iterdir())) == 3 * 2


def test_a_fresh_build_of_the_same_content_reuses_the_cache(tmp_path):
    cache = tmp_path / "cache"
    compress_site_cached(make_site(tmp_path / "one"), cache)
    site = make_site(tmp_path / "two")
    assert compress_site_cached(site, cache).compressed == 0
    assert brotli.decompress((site / "index.html.br").read_bytes()).startswith(b"<p>hallo")


def test_compressing_one_file_again_leaves_the_cache_alone(tmp_path):
    site, cache = make_site(tmp_path), tmp_path / "cache"
    compress_site_cached(site, cache)
    entries = {path: path.read_bytes() for path in cache.iterdir()}
    page = site / "index.html"
    page.write_text("<p>rewritten after the compress phase</p>", encoding="utf-8")
    compress_file(page)  # as a later phase does for a file it writes
    assert brotli.decompress((site / "index.html.br").read_bytes()) == page.read_bytes()
    assert {path: path.read_bytes() for path in cache.iterdir()} == entries


def test_a_preview_weighs_each_content_once_and_new_content_again(tmp_path, monkeypatch):
    """The offline and output phases ask for the same pages' quick sizes: compressed once,
    in the compress phase's processes; the next build (serve --watch's builder) weighs
    only what is new."""
    from sitegen import compress

    site = make_site(tmp_path)
    for number in range(210):  # enough new content for the processes to be used
        (site / f"page{number}.html").write_text(f"<p>{'woord ' * number}</p>", "utf-8")
    assert compress.weigh_quickly(site, jobs=2) == 213  # pages and the stylesheet, no PNG
    made = []
    real = compress.compress_quickly
    monkeypatch.setattr(
        compress,
        "compress_quickly",
        lambda data, encoding: made.append(data) or real(data, encoding),
    )
    page = site / "en" / "index.html"
    size = compress.quick_size(page)
    assert size == len(brotli.compress(page.read_bytes(), quality=compress.PREVIEW_QUALITY))
    assert made == []
    page.unlink()
    page.write_text("<p>" + "a new text " * 300 + "</p>", encoding="utf-8")
    assert compress.weigh_quickly(site, jobs=2) == 213
    assert made == [page.read_bytes()]  # only the new page
    assert compress.quick_size(page) != size and len(made) == 1
