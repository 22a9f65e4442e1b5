"""Precompressed .br and .gz files beside each text file, for servers that send them as-is."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import brotli

TEXT_SUFFIXES = {".html", ".css", ".js", ".svg", ".xml", ".json", ".txt", ".webmanifest"}
# Pagefind's index, results and WebAssembly (sitegen/search_index.py stores them plain):
# brotli makes them smaller than Pagefind's own gzip, and Pagefind reads either.
TEXT_SUFFIXES |= {".pf_meta", ".pf_index", ".pf_fragment", ".pagefind"}
BROTLI_QUALITY = 11  # slowest, smallest: done once per build, read on every visit


def text_files(site_dir: Path) -> Iterator[Path]:
    for path in sorted(site_dir.rglob("*")):
        if path.is_file() and path.suffix in TEXT_SUFFIXES:
            yield path


def brotli_size(data: bytes) -> int:
    return len(brotli.compress(data, quality=BROTLI_QUALITY))


def compressed_size(path: Path) -> int:
    """Brotli size of a built file: from its .br sibling when that is up to date."""
    if _is_stale(path):
        return brotli_size(path.read_bytes())
    return path.with_name(path.name + ".br").stat().st_size


def compress_file(path: Path) -> None:
    data = path.read_bytes()
    path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=BROTLI_QUALITY))
    # mtime=0: identical input gives identical bytes, so deploys only upload real changes.
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, 9, mtime=0))


def _is_stale(path: Path) -> bool:
    variant = path.with_name(path.name + ".br")
    return not variant.is_file() or variant.stat().st_mtime_ns < path.stat().st_mtime_ns


def compress_site(site_dir: Path, jobs: int = 1) -> int:
    """Write <file>.br and <file>.gz for every text file, in `jobs` processes; return the count."""
    files = list(text_files(site_dir))
    if jobs > 1 and len(files) > 50:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(compress_file, files, chunksize=16))
    else:
        for path in files:
            compress_file(path)
    return len(files)
