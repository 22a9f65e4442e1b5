"""What a publish sends: every file of the built site with its headers, and in what order.

Plain functions over the site folder and a listing of the bucket (key -> ETag);
sitegen.publish talks to S3. Each text file goes up three times, as the build wrote
it: the file, its .br (brotli, sitegen.compress) and its .gz, each with the Content-Type
of the file and its own Content-Encoding; the site's CloudFront Function picks one
by the reader's Accept-Encoding, so readers get the build's bytes.
"""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from sitegen.build_record import RECORD
from sitegen.compress import TEXT_SUFFIXES
from sitegen.offline_packs import MANIFEST

VARIANTS = {".br": "br", ".gz": "gzip"}
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
    ".webmanifest": "application/manifest+json",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/vnd.microsoft.icon",
    ".pdf": "application/pdf",
    ".woff2": "font/woff2",
}
# Pages: browsers ask again every time (a cheap 304), CloudFront keeps them five
# minutes, and publish invalidates those it changed. Assets carry no hash in their
# names: a day in browsers, a year at the edge, invalidated when they change.
PAGE_CACHE = "public, max-age=0, s-maxage=300"
ASSET_CACHE = "public, max-age=86400, s-maxage=31536000"
# Not pages, but they must not outlive one: they name the pages or control caching.
# A language's offline manifest names the files a saved pack holds by their hashes, and
# Pagefind's entry names the index files of this build, which publish deletes from the
# bucket once a newer build no longer uses them: a day-old copy would point at nothing.
SHORT_LIVED = frozenset(
    {"sw.js", "sitemap.xml", "robots.txt", "pages.json", MANIFEST, "pagefind-entry.json"}
)
# Sent last: they list the pages, so they never name one that is not there yet.
INDEXES = frozenset({"sitemap.xml", "robots.txt", "pages.json"})
# Sent last too, wherever they are: they name other files of this build by name and
# hash. A new offline manifest or service worker that arrived before the pages it
# names would have readers' phones save a page's old bytes under its new hash, and
# Pagefind's entry would name index files not there yet.
NAMING = frozenset({"sw.js", MANIFEST, "pagefind-entry.json"})
# Kept in the bucket between runs, never a file of the site (sitegen/publish.py).
PENDING_KEY = "_publish/invalidations-pending.json"
ASSETS, PAGES, LISTS = 0, 1, 2
STAGE_NAMES = ("assets", "pages", "indexes and the files that name others")
# Object metadata the site's edge function turns into the answer's status.
STATUS_KEY = "status"
NOT_FOUND_PAGE = "404.html"
# Metadata key holding a fingerprint of these rules, to resend everything when they change.
RULES_KEY = "rules"


@dataclass(frozen=True)
class SiteFile:
    """One object to put: where it comes from and the headers it is stored with."""

    key: str
    path: Path
    md5: str
    content_type: str
    content_encoding: str | None
    cache_control: str
    metadata: dict[str, str] = field(hash=False)
    stage: int

    @property
    def base(self) -> str:
        """The file a variant belongs to: ar/mo/index.html for ar/mo/index.html.br."""
        return _variant(self.key)[0]


def rules_fingerprint() -> str:
    """Changes whenever a header rule does; stored on every object."""
    rules = repr(
        (
            sorted(CONTENT_TYPES.items()),
            PAGE_CACHE,
            ASSET_CACHE,
            sorted(SHORT_LIVED),
            NOT_FOUND_PAGE,
        )
    )
    return hashlib.sha256(rules.encode()).hexdigest()[:12]


def _variant(key: str) -> tuple[str, str | None]:
    """(the file a key belongs to, its Content-Encoding): a/index.html.br -> (a/index.html, br)."""
    path = PurePosixPath(key)
    if path.suffix in VARIANTS and PurePosixPath(path.stem).suffix in TEXT_SUFFIXES:
        return key[: -len(path.suffix)], VARIANTS[path.suffix]
    return key, None


def _guessed_type(name: str) -> str:
    """A type for a file outside our table; a compressed download is sent as what it is."""
    guessed, compressed = mimetypes.guess_type(name)
    if compressed:  # brochure.tar.gz: the bytes are gzip, and stay so for the reader
        return {"gzip": "application/gzip", "br": "application/x-brotli"}.get(
            compressed, "application/octet-stream"
        )
    return guessed or "application/octet-stream"


def describe(site_dir: Path, path: Path) -> SiteFile:
    """One built file as an object: its key, bytes' MD5, headers, metadata and stage."""
    key = path.relative_to(site_dir).as_posix()
    name, encoding = _variant(path.name)  # the name of the file it is a variant of
    suffix = PurePosixPath(name).suffix
    content_type = CONTENT_TYPES.get(suffix) or _guessed_type(name)
    short = suffix == ".html" or name in SHORT_LIVED
    metadata = {RULES_KEY: rules_fingerprint()}
    if name == NOT_FOUND_PAGE:
        metadata[STATUS_KEY] = "404"
    at_root = "/" not in key
    last = (at_root and name in INDEXES) or name in NAMING
    stage = LISTS if last else PAGES if suffix == ".html" else ASSETS
    return SiteFile(
        key=key,
        path=path,
        md5=hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest(),
        content_type=content_type,
        content_encoding=encoding,
        cache_control=PAGE_CACHE if short else ASSET_CACHE,
        metadata=metadata,
        stage=stage,
    )


def site_files(site_dir: Path) -> list[SiteFile]:
    """Every file of the build but its record (sitegen/build_record.py)."""
    files = (p for p in sorted(site_dir.rglob("*")) if p.is_file() and p != site_dir / RECORD)
    return [describe(site_dir, p) for p in files]


@dataclass
class Plan:
    """New and changed files by stage, keys to delete afterwards, and what stays."""

    new: list[SiteFile]
    changed: list[SiteFile]
    deleted: list[str]
    unchanged: int
    rules_changed: bool = False

    def stages(self) -> list[list[SiteFile]]:
        """Uploads in order: assets, then the pages that use them, then the lists of pages."""
        sending = self.new + self.changed
        return [[f for f in sending if f.stage == stage] for stage in (ASSETS, PAGES, LISTS)]

    @property
    def sent(self) -> int:
        return len(self.new) + len(self.changed)


def make_plan(files: list[SiteFile], remote: dict[str, str], rules_current: bool) -> Plan:
    """Compare the build with the bucket's listing (key -> ETag, the MD5 of the bytes)."""
    new, changed, unchanged = [], [], 0
    for item in files:
        etag = remote.get(item.key)
        if etag is None:
            new.append(item)
        elif etag != item.md5 or not rules_current:
            changed.append(item)
        else:
            unchanged += 1
    keys = {item.key for item in files}
    deleted = sorted(key for key in remote if key not in keys and key != PENDING_KEY)
    return Plan(new, changed, deleted, unchanged, rules_changed=not rules_current)


def grouped(keys: list[str]) -> dict[str, list[str]]:
    """Keys by the file they belong to: {'mo/index.html': ['', '.br', '.gz']}."""
    groups: dict[str, list[str]] = {}
    for key in sorted(keys):
        base, encoding = _variant(key)
        groups.setdefault(base, []).append(key[len(base) :] if encoding else "")
    return groups


def report_lines(plan: Plan) -> list[str]:
    """One line per file and its variants: + new, ~ changed, - deleted."""
    lines = []
    for mark, keys in (
        ("+", [f.key for f in plan.new]),
        ("~", [f.key for f in plan.changed]),
        ("-", plan.deleted),
    ):
        for base, parts in grouped(keys).items():
            variants = " ".join(part for part in parts if part)
            lines.append(f"{mark} {base}" + (f" [{variants}]" if variants else ""))
    return lines


def summary(plan: Plan, done: bool = True) -> str:
    """What a plan sends and deletes; done=False words it as what a dry run would do."""

    def files(keys: list[str]) -> int:
        return len(grouped(keys))

    sent, deleted = ("sent", "deleted") if done else ("to send", "to delete")
    text = (
        f"{files([f.key for f in plan.new])} new, {files([f.key for f in plan.changed])} "
        f"changed, {files(plan.deleted)} deleted ({plan.sent} objects {sent}, "
        f"{len(plan.deleted)} {deleted}, {plan.unchanged} unchanged)"
    )
    every = "so every file was sent" if done else "so every file is to be sent"
    return text + (f" - the header rules changed, {every}" if plan.rules_changed else "")


# CloudFront bills invalidation paths beyond a monthly allowance; past this many, one
# wildcard for the whole site is cheaper and as good.
MAX_INVALIDATION_PATHS = 30


def invalidation_paths(plan: Plan) -> list[str]:
    """Paths whose cached copies are stale: each file sent or deleted, with its variants.

    The edge caches what the function asked S3 for (/ar/mo/index.html.br for /ar/mo/),
    so /ar/mo/index.html* covers the page in every encoding; new files are included,
    since a 404 may have been cached under their name before they existed.
    """
    stale = [f.key for f in plan.new + plan.changed] + plan.deleted
    paths = sorted(f"/{quote(base)}*" for base in grouped(stale))
    return ["/*"] if len(paths) > MAX_INVALIDATION_PATHS else paths


def merged_paths(*groups: list[str]) -> list[str]:
    """Invalidation paths of several publishes as one request (see invalidation_paths)."""
    paths = sorted({path for group in groups for path in group})
    return ["/*"] if "/*" in paths or len(paths) > MAX_INVALIDATION_PATHS else paths
