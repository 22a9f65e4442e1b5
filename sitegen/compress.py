"""Precompressed .br and .gz files beside each text file, for servers that send them as-is.

Brotli's quality is chosen by what a file is (brotli_quality). Pages, and the many small
files that come with them (search index, QR codes), are compressed at quality 8; scripts
and stylesheets, a few files that every page shares, at 11. Quality 11 of every page cost
more than the rest of a build put together (30 ms a page, 20 to 35 CPU-seconds for the
862 pages of the 20-language bench) and made a page about 8% smaller: 6,966 B at quality
8 and 6,431 B at 11 for the real site's median page, both well inside the first round
trip (14 KB), about 11 ms apart on a 400 kbit/s line. Quality 9 costs ten times 8 and
gains nothing; 10 halves 11's time and still costs more than the rest of the build.

Most pages come out of a rebuild byte for byte as before: a cache keyed by the content's
hash (and the quality) keeps the compressed bytes, so only what changed is compressed
again.

A preview is never published (publish refuses it), so nobody downloads its bytes
over a slow line, and on a slow disk writing two more files for each text file cost
more than building its pages: a preview writes no compressed files. The local
server compresses what it sends (compress_quickly), and the weight checks weigh a
preview's pages quickly (quick_size: brotli at PREVIEW_QUALITY, a little larger than
the published quality, so an upper bound), and any page near a budget again at the
published quality (exact_size).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import brotli

from sitegen.shared_files import content_key, link_or_copy

TEXT_SUFFIXES = {".html", ".css", ".js", ".svg", ".xml", ".json", ".txt", ".webmanifest"}
# Pagefind's index, results and WebAssembly (sitegen/search_index.py stores them plain):
# brotli makes them smaller than Pagefind's own gzip, and Pagefind reads either.
TEXT_SUFFIXES |= {".pf_meta", ".pf_index", ".pf_fragment", ".pagefind"}
PAGE_QUALITY = 8  # pages and what comes with each page: see above
SHARED_QUALITY = 11  # slowest, smallest: for the few files every page loads
SHARED_SUFFIXES = (".js", ".css")
PREVIEW_QUALITY = 5  # the fastest quality that is still within about 2% of PAGE_QUALITY
VARIANTS = (".br", ".gz")


@dataclass
class Compressed:
    files: int  # text files in the site
    compressed: int  # of which compressed in this run (the others came from the cache)


def text_files(site_dir: Path) -> Iterator[Path]:
    for path in sorted(site_dir.rglob("*")):
        if path.is_file() and path.suffix in TEXT_SUFFIXES:
            yield path


def brotli_quality(path: Path) -> int:
    """The quality a built file is published at."""
    return SHARED_QUALITY if path.suffix in SHARED_SUFFIXES else PAGE_QUALITY


def exact_size(path: Path) -> int:
    """The size a reader downloads: brotli at the file's published quality."""
    return len(brotli.compress(path.read_bytes(), quality=brotli_quality(path)))


# quick_size by the hash of the content: the offline and output phases weigh the same
# pages and stylesheets (the output phase in processes forked after weigh_quickly), and
# serve --watch's builder keeps them from one build to the next (most pages unchanged).
_quick_sizes: dict[str, int] = {}


def quick_size(path: Path) -> int:
    """About the size a reader would download, a little more: for a preview's checks."""
    data = path.read_bytes()
    key = content_key(data)
    if key not in _quick_sizes:
        _quick_sizes[key] = _quick_length(data)
    return _quick_sizes[key]


WEIGHED = (".html", ".css", ".js")  # what pages and offline packs are weighed by


def weigh_quickly(site_dir: Path, jobs: int = 1) -> int:
    """quick_size of every page, stylesheet and script, kept for the phases after (new
    content in `jobs` processes); return how many. Forgets content no longer there."""
    files = [path for path in site_dir.rglob("*") if path.suffix in WEIGHED and path.is_file()]
    contents = {content_key(data): data for data in map(Path.read_bytes, files)}
    new = [key for key in contents if key not in _quick_sizes]
    for key in set(_quick_sizes) - set(contents):
        del _quick_sizes[key]
    if jobs > 1 and len(new) > 200:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            sizes = pool.map(_quick_length, [contents[key] for key in new], chunksize=32)
            _quick_sizes.update(zip(new, sizes, strict=True))
    else:
        _quick_sizes.update((key, _quick_length(contents[key])) for key in new)
    return len(files)


def _quick_length(data: bytes) -> int:
    return len(compress_quickly(data, "br"))


def compress_quickly(data: bytes, encoding: str) -> bytes:
    """What a preview's server sends: brotli or gzip at a quick setting."""
    if encoding == "br":
        return brotli.compress(data, quality=PREVIEW_QUALITY)
    return gzip.compress(data, 6, mtime=0)


def compressed_size(path: Path) -> int:
    """Brotli size of a built file: from its .br sibling when that is up to date."""
    if _is_stale(path):
        return exact_size(path)
    return path.with_name(path.name + ".br").stat().st_size


def _encode(path: Path) -> tuple[bytes, bytes]:
    data = path.read_bytes()
    # mtime=0: identical input gives identical bytes, so deploys only upload real changes.
    return brotli.compress(data, quality=brotli_quality(path)), gzip.compress(data, 9, mtime=0)


def compress_file(path: Path) -> list[Path]:
    """Write the file's variants beside it; return them, in the order of VARIANTS."""
    variants = []
    for suffix, encoded in zip(VARIANTS, _encode(path), strict=True):
        variant = path.with_name(path.name + suffix)
        # A new file, never written through: the old one may be a link into the cache.
        variant.unlink(missing_ok=True)
        variant.write_bytes(encoded)
        variants.append(variant)
    return variants


def _is_stale(path: Path) -> bool:
    variant = path.with_name(path.name + ".br")
    return not variant.is_file() or variant.stat().st_mtime_ns < path.stat().st_mtime_ns


def _cache_key(path: Path) -> str:
    return f"{hashlib.sha256(path.read_bytes()).hexdigest()}-q{brotli_quality(path)}"


def _place_variant(cached: Path, target: Path) -> None:
    """The cached bytes beside the file: a hard link where possible (no copy), else a copy.

    The target is removed first: it may be a link to another cache entry (a copied build).
    """
    target.unlink(missing_ok=True)
    link_or_copy(cached, target)
    # Newer than the file it compresses, so compressed_size takes it as up to date.
    os.utime(target)


def _compress_into_site(item: tuple[Path, Path]) -> None:
    """The variants of a file whose content is new, written beside it; then linked into
    the cache (a link appears whole or not at all, so a build that stops half-way
    leaves no broken entry; a copy, where links cannot go, is written aside first)."""
    path, entry = item
    for suffix, variant in zip(VARIANTS, compress_file(path), strict=True):
        cached = entry.with_name(entry.name + suffix)
        try:
            os.link(variant, cached)
        except FileExistsError:
            pass  # another build made the same entry
        except OSError:
            part = cached.with_name(f"{cached.name}.{os.getpid()}.part")
            shutil.copyfile(variant, part)
            part.replace(cached)


def compress_site_cached(site_dir: Path, cache_dir: Path, jobs: int = 1) -> Compressed:
    """.br and .gz beside every text file; only files whose content is new are compressed.

    Entries no file of this build used are removed, so the cache stays the size of a
    site. Creating files is what costs most on a slow disk after compression itself:
    each variant is written once, and shared between the site and the cache by a link.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    files = list(text_files(site_dir))
    entries = {path: cache_dir / _cache_key(path) for path in files}
    missing: dict[Path, Path] = {}  # entry -> the one file compressed for it
    for path, entry in entries.items():
        if entry not in missing and not all(
            entry.with_name(entry.name + suffix).is_file() for suffix in VARIANTS
        ):
            missing[entry] = path
    todo = [(path, entry) for entry, path in missing.items()]
    if jobs > 1 and len(todo) > 50:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(_compress_into_site, todo, chunksize=8))
    else:
        for item in todo:
            _compress_into_site(item)
    written = set(missing.values())
    for path, entry in entries.items():
        if path in written:
            continue
        for suffix in VARIANTS:
            _place_variant(entry.with_name(entry.name + suffix), path.with_name(path.name + suffix))
    used = {entry.name + suffix for entry in entries.values() for suffix in VARIANTS}
    for cached in cache_dir.iterdir():
        if cached.name not in used:
            cached.unlink()
    return Compressed(len(files), len(todo))


def compress_site(site_dir: Path, jobs: int = 1, cache_dir: Path | None = None) -> int:
    """Write <file>.br and <file>.gz for every text file, in `jobs` processes; return the count.

    With a cache_dir, files whose content was compressed before are not compressed again.
    """
    if cache_dir is not None:
        return compress_site_cached(site_dir, cache_dir, jobs).files
    files = list(text_files(site_dir))
    if jobs > 1 and len(files) > 50:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(compress_file, files, chunksize=16))
    else:
        for path in files:
            compress_file(path)
    return len(files)
