"""Build phase: one offline pack per language, and the service worker's build version.

A pack is every page a reader of that language navigates (its fallback pages
included, the feedback pages and the staff's and editors' tools not), with the
scripts the pages use. Its manifest, `<lang>/offline.json`, names each file with
a hash of its content, so that after a new build the service worker keeps what
did not change and fetches only what did; its `bytes` are what saving the pack
costs (brotli, as served), shown to the reader before they agree.

The service worker (theme/sw.js) is given the build's version, a hash of every
file it may serve from its cache: a new build with any change is a new cache.
Runs after the compress phase (it reads the .br sizes) and compresses what it writes.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sitegen.build_record import RECORD
from sitegen.compress import compress_file, compressed_size, exact_size, quick_size
from sitegen.shared_files import write_new_text
from wegwijs_shared.languages import Language

PACK_BUDGET_BYTES = 150 * 1024
MANIFEST = "offline.json"
OFFLINE_PAGE = "offline"  # each language's offline page: /ar/offline/ (hooks/offline_pack.py)
SERVICE_WORKER = "sw.js"
# The line of theme/sw.js that the build fills in (again, on a site already stamped).
BUILD_LINE = 'var BUILD = {"version": "dev", "languages": []};'
_BUILD_LINE = re.compile(r"^var BUILD = \{.*\};$", re.MULTILINE)
# Scripts and the icon every page of a pack may load.
PACK_ASSETS = ("assets/*.js", "assets/*.svg")
# Pages that are not for reading offline: the no-JavaScript answers of the feedback
# form (with JavaScript its outbox works offline), staff and editors' tools.
NOT_IN_PACK = ("feedback", "_staff", "_editors", "pagefind")


class PackError(ValueError):
    """A pack breaks its budget or the service worker cannot be stamped; says what to do."""


@dataclass(frozen=True)
class Pack:
    code: str
    pages: int
    bytes: int


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _is_served_file(path: Path) -> bool:
    # The build's record (sitegen/build_record.py) is written after the packs, and never
    # published: it is no file of the site.
    return path.is_file() and path.suffix not in (".br", ".gz") and path.name != RECORD


def build_version(site_dir: Path) -> str:
    """A hash of every file the site serves, the service worker and manifests aside."""
    digest = hashlib.sha256()
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if not _is_served_file(path) or rel == SERVICE_WORKER or path.name == MANIFEST:
            continue
        digest.update(f"{rel}\0{file_hash(path)}\n".encode())
    return digest.hexdigest()[:16]


def pack_pages(site_dir: Path, language: Language, others: Iterable[str]) -> list[str]:
    """The language's pages as site paths ('ar/mo/'); Dutch lives at the root."""
    folder = site_dir / language.prefix
    skip = set(NOT_IN_PACK) | set(others)
    paths = []
    for index in sorted(folder.rglob("index.html")):
        parts = index.parent.relative_to(folder).parts
        if parts and parts[0] in skip:
            continue
        paths.append(language.prefix + "".join(f"{part}/" for part in parts))
    return paths


def _page_file(site_dir: Path, path: str) -> Path:
    return site_dir / path / "index.html"


def write_manifest(
    site_dir: Path, language: Language, others: Iterable[str], preview_budget: int | None = None
) -> Pack:
    """preview_budget: a preview, which has no .br files (sitegen/compress.py): the pack
    is weighed quickly (an upper bound), and at the published quality when that is over
    this budget; its manifest is not compressed either."""
    pages = pack_pages(site_dir, language, others)
    files = {path: _page_file(site_dir, path) for path in pages}
    for pattern in PACK_ASSETS:
        for asset in sorted(site_dir.glob(pattern)):
            files[asset.relative_to(site_dir).as_posix()] = asset
    size_of = compressed_size if preview_budget is None else quick_size
    size = sum(size_of(path) for path in files.values())
    if preview_budget is not None and size > preview_budget:
        size = sum(exact_size(path) for path in files.values())
    manifest = {
        "lang": language.code,
        # What the reader is told: the pages they read, the offline page aside.
        "count": sum(not path.endswith(f"{OFFLINE_PAGE}/") for path in pages),
        "bytes": size,
        "files": {path: file_hash(file) for path, file in files.items()},
    }
    target = site_dir / language.prefix / MANIFEST
    text = json.dumps(manifest, ensure_ascii=False, separators=(",", ":"))
    write_new_text(target, text)
    if preview_budget is None:
        compress_file(target)
    return Pack(language.code, len(pages), size)


def stamp_service_worker(
    site_dir: Path, version: str, languages: Iterable[Language], compress: bool = True
) -> None:
    """Write the build's version and language folders into sw.js (and its .br and .gz)."""
    worker = site_dir / SERVICE_WORKER
    text = worker.read_text(encoding="utf-8")
    if not _BUILD_LINE.search(text):
        raise PackError(
            f"theme/{SERVICE_WORKER} has lost its line '{BUILD_LINE}', which the build fills "
            "in with the version and the languages: put it back at the top of the file."
        )
    build = {"version": version, "languages": [lang.code for lang in languages if lang.prefix]}
    stamped = _BUILD_LINE.sub(lambda _: f"var BUILD = {json.dumps(build)};", text, count=1)
    write_new_text(worker, stamped)
    if compress:
        compress_file(worker)


def write_packs(
    site_dir: Path,
    languages: tuple[Language, ...],
    budget: int = PACK_BUDGET_BYTES,
    preview: bool = False,
) -> tuple[list[Pack], list[str]]:
    """Write every language's manifest and stamp the service worker.

    Returns the packs and the problems (a pack over the budget), each a sentence
    that says what to do. preview: a build without .br files (sitegen/compress.py),
    whose packs are weighed quickly, and a pack over the budget at the published
    quality before it fails.
    """
    codes = [lang.code for lang in languages]
    preview_budget = budget if preview else None
    packs = [
        write_manifest(site_dir, lang, [c for c in codes if c != lang.code], preview_budget)
        for lang in languages
    ]
    stamp_service_worker(site_dir, build_version(site_dir), languages, compress=not preview)
    problems = [
        f"site/{pack.code}/{MANIFEST}: the offline pack of '{pack.code}' is {pack.bytes:,} bytes "
        f"brotli, over the {budget:,}-byte budget a reader saves on a phone. Shorten pages, "
        "or leave a page out of the navigation."
        for pack in packs
        if pack.bytes > budget
    ]
    return packs, problems
