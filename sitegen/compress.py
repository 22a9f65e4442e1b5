"""Precompressed .br and .gz files beside each text file, for servers that send them as-is."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import brotli

TEXT_SUFFIXES = {".html", ".css", ".js", ".svg", ".xml", ".json", ".txt", ".webmanifest"}


def text_files(site_dir: Path) -> Iterator[Path]:
    for path in sorted(site_dir.rglob("*")):
        if path.is_file() and path.suffix in TEXT_SUFFIXES:
            yield path


def brotli_size(data: bytes) -> int:
    return len(brotli.compress(data, quality=11))


def compress_site(site_dir: Path) -> int:
    """Write <file>.br and <file>.gz for every text file; return how many files."""
    count = 0
    for path in text_files(site_dir):
        data = path.read_bytes()
        path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=11))
        # mtime=0: identical input gives identical bytes, so deploys only upload real changes.
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, 9, mtime=0))
        count += 1
    return count
