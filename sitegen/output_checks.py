"""Checks on the built site: the first-round-trip budget, no other hosts, no broken links.

Links written in content are checked in content/ (sitegen.checks.links), with
file and line; here only what the theme and the hooks add to the pages.

With a cache file (the build's cache, beside the site), a page is checked again only
when something its result depends on changed: its own bytes, its content links, the
budget, the site's set of files and its stylesheets and scripts, or a page whose ids
one of its links points into. A preview rebuild checks the pages an edit changed.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import re
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from sitegen.compress import compressed_size, exact_size, quick_size
from sitegen.html_scan import PageScan, scan_page
from sitegen.shared_files import content_key
from sitegen.urls import is_remote, is_site_file, join

_EXTERNAL_CSS = re.compile(r"(?:@import|url\()\s*['\"]?\s*(?:https?:)?//", re.IGNORECASE)


@dataclass
class Problem:
    path: str  # relative to site_dir
    line: int
    message: str

    def __str__(self) -> str:
        return f"site/{self.path}:{self.line}: {self.message}"


@dataclass
class PageWeight:
    path: str
    html: int
    css: int
    js: int

    @property
    def total(self) -> int:
        return self.html + self.css + self.js


def page_url(site_dir: Path, html_file: Path) -> str:
    """The URL path a file is served at: site/ar/mo/index.html -> /ar/mo/."""
    rel = html_file.relative_to(site_dir).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def resolve(site_dir: Path, base_url: str, url: str) -> tuple[Path, str] | None:
    """Map an internal URL on a page to (file in site_dir, fragment); None if not a site path."""
    parts = urlsplit(join(base_url, url))
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    target = site_dir / PurePosixPath(path.lstrip("/"))
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


# Scans taken as mkdocs wrote the pages, by the hash of their bytes (sitegen.page_facts):
# set by check_site before its processes fork, which inherit it.
_given: dict[str, PageScan] = {}


@cache
def _scan(html_file: Path) -> PageScan:
    """A built page, scanned once per process: as the page checked and as a link target."""
    data = html_file.read_bytes()
    given = _given.get(content_key(data)) if _given else None
    return given if given is not None else scan_page(data.decode("utf-8"))


@cache
def _locate(site_dir: Path, address: str) -> tuple[Path, str, bool] | None:
    """A site address's file, fragment and whether the file exists; None if not a file of
    the site. Once per process and address: every page links to the same few hundred."""
    if not is_site_file(address):
        return None
    resolved = resolve(site_dir, "/", address)
    if resolved is None:
        return None
    target, fragment = resolved
    return target, fragment, target.is_file()


def _weigh(
    site_dir: Path,
    rel: str,
    url: str,
    scan: PageScan,
    read: set[str] | None = None,
    size_of: Callable[[Path], int] = compressed_size,
) -> PageWeight:
    """The page's first-paint bytes; `read` collects the stylesheets and scripts weighed.

    size_of: the .br files' sizes (compressed_size); in a preview, which has none,
    quick_size, or exact_size (compressed at the published quality here).
    """
    read = set() if read is None else read
    weight = PageWeight(rel, size_of(site_dir / rel), 0, 0)
    for ref in scan.resources:
        if not ref.blocking or is_remote(ref.url):
            continue
        resolved = resolve(site_dir, url, ref.url)
        if resolved and resolved[0].is_file():
            read.add(resolved[0].relative_to(site_dir).as_posix())
            size = size_of(resolved[0])
            if ref.tag == "script":
                weight.js += size
            else:
                weight.css += size
    return weight


def _external_problems(rel: str, scan: PageScan) -> list[Problem]:
    problems = [
        Problem(
            rel,
            ref.line,
            f"<{ref.tag} {ref.attr}> loads {ref.url} from another host. Pages load nothing "
            "from other hosts (no web fonts, CDNs or analytics): remove it, or put the file "
            "in theme/assets/ and refer to it there.",
        )
        for ref in scan.resources
        if is_remote(ref.url)
    ]
    for css in scan.inline_css:
        if _EXTERNAL_CSS.search(css):
            problems.append(
                Problem(
                    rel,
                    1,
                    "an inline stylesheet imports or loads a file from another host "
                    "(@import or url()); use system fonts and files under theme/assets/.",
                )
            )
    return problems


def _link_problems(
    site_dir: Path,
    rel: str,
    url: str,
    scan: PageScan,
    from_content: frozenset[str],
    read: set[str] | None = None,
) -> list[Problem]:
    """Links to missing files; anchors that are missing (except on Dutch fallback pages,
    whose Dutch anchors cannot match the translated headings they link to).

    `read` collects the pages whose ids were looked up (what the result depends on)."""
    problems = []
    read = set() if read is None else read
    for ref in scan.references:
        if ref.url in from_content:
            continue
        located = _locate(site_dir, join(url, ref.url))
        if located is None:
            continue
        target, fragment, exists = located
        if not exists:
            problems.append(
                Problem(
                    rel,
                    ref.line,
                    f"link to {ref.url} leads nowhere: there is no "
                    f"{target.relative_to(site_dir)}. Fix the link in the Markdown page.",
                )
            )
        elif fragment and not scan.fallback and target.suffix == ".html":
            read.add(target.relative_to(site_dir).as_posix())
            if fragment in _scan(target).ids:
                continue
            problems.append(
                Problem(
                    rel,
                    ref.line,
                    f"link to {ref.url}: the page exists but has no "
                    f"heading or element with id '{fragment}'.",
                )
            )
    return problems


@dataclass
class PageCheck:
    """One page's result, and the files whose bytes it read besides its own: the
    stylesheets and scripts it weighed, the pages whose ids its links point into."""

    problems: list[Problem]
    weight: PageWeight
    read: list[str] = field(default_factory=list)


def _check_page(
    site_dir: Path,
    budget: int,
    rel: str,
    from_content: frozenset[str],
    reweigh_above: float | None = None,
) -> PageCheck:
    html_file = site_dir / rel
    url = page_url(site_dir, html_file)
    scan = _scan(html_file)
    read: set[str] = set()
    if reweigh_above is None:
        weight = _weigh(site_dir, rel, url, scan, read)
    else:
        weight = _weigh(site_dir, rel, url, scan, read, quick_size)
        if weight.total > reweigh_above * budget:
            weight = _weigh(site_dir, rel, url, scan, size_of=exact_size)
    problems = []
    if weight.total > budget:
        problems.append(
            Problem(
                rel,
                1,
                f"first paint needs {weight.total:,} bytes brotli-compressed (HTML "
                f"{weight.html:,}, CSS {weight.css:,}, scripts {weight.js:,}); the budget "
                f"is {budget:,} bytes, what arrives in the first round trip. Shorten the "
                "page or split it in two, or move weight out of the theme.",
            )
        )
    problems += _external_problems(rel, scan)
    problems += _link_problems(site_dir, rel, url, scan, from_content, read)
    return PageCheck(problems, weight, sorted(read))


def _check_pages(
    site_dir: Path,
    budget: int,
    pages: list[str],
    content_links: dict,
    reweigh_above: float | None = None,
) -> dict[str, PageCheck]:
    return {
        rel: _check_page(site_dir, budget, rel, content_links.get(rel, frozenset()), reweigh_above)
        for rel in pages
    }


# Pagefind's index: content-hashed names that no page links to (its script finds them).
_UNLINKED = re.compile(r"^pagefind/(index/|fragment/|pagefind\.[^/]*\.pf_meta$)")


def _site_signature(site_dir: Path, budget: int, reweigh_above: float | None) -> str:
    """What every page's result depends on: the budget, how .br sizes are read, the files."""
    digest = hashlib.sha256(f"{budget} {reweigh_above}".encode())
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if path.suffix in (".br", ".gz") or _UNLINKED.match(rel) or not path.is_file():
            continue
        digest.update(rel.encode() + b"\0")
    return digest.hexdigest()


class CheckCache:
    """Results of earlier builds by page, valid under the same site signature."""

    def __init__(self, path: Path | None, site_dir: Path, signature: str) -> None:
        self.path = path
        self.site_dir = site_dir
        self.signature = signature
        self.hashes: dict[str, str | None] = {}
        self.before: dict = {}
        if path is not None and path.is_file():
            try:
                saved = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                saved = {}  # a damaged cache is only slower
            if saved.get("signature") == signature:
                self.before = saved.get("pages", {})

    def hash(self, rel: str) -> str | None:
        if rel not in self.hashes:
            path = self.site_dir / rel
            self.hashes[rel] = content_key(path.read_bytes()) if path.is_file() else None
        return self.hashes[rel]

    def _key(self, rel: str, from_content: frozenset[str]) -> str:
        return content_key(f"{self.hash(rel)}\0{sorted(from_content)}".encode())

    def get(self, rel: str, from_content: frozenset[str]) -> PageCheck | None:
        entry = self.before.get(rel)
        if not entry or entry["key"] != self._key(rel, from_content):
            return None
        if any(self.hash(other) != known for other, known in entry["read"].items()):
            return None
        return PageCheck(
            [Problem(**problem) for problem in entry["problems"]],
            PageWeight(**entry["weight"]),
            list(entry["read"]),
        )

    def save(self, results: dict[str, PageCheck], content_links: dict) -> None:
        if self.path is None:
            return
        pages = {
            rel: {
                "key": self._key(rel, content_links.get(rel, frozenset())),
                # vars, not asdict: flat dataclasses, and asdict is slow (deep copies)
                "problems": [vars(problem) for problem in result.problems],
                "weight": vars(result.weight),
                "read": {other: self.hash(other) for other in result.read},
            }
            for rel, result in results.items()
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        document = {"signature": self.signature, "pages": pages}
        self.path.write_text(json.dumps(document), encoding="utf-8")


def check_site(
    site_dir: Path,
    budget: int,
    jobs: int = 1,
    content_links: dict | None = None,
    cache_file: Path | None = None,
    reweigh_above: float | None = None,
    given: dict[str, PageScan] | None = None,
) -> tuple[list[Problem], list[PageWeight]]:
    """Check every HTML page (in `jobs` processes); return the problems and every page's weight.

    content_links: per page (relative to site_dir), the links its Markdown made, which
    the content check has checked already (sitegen.mkdocs_run.LanguageBuild).
    cache_file: earlier results, reused for pages whose inputs are unchanged.
    reweigh_above: a preview, without .br files: pages are weighed quickly (an upper
    bound), and a page above this share of the budget again at the published quality.
    given: scans taken as mkdocs wrote the pages, by the hash of their bytes; a page whose
    bytes have changed since is scanned here.
    """
    global _given
    _given = given or {}
    _scan.cache_clear()  # a process that builds again (serve --watch) sees the new files
    _locate.cache_clear()
    content_links = content_links or {}
    pages = [path.relative_to(site_dir).as_posix() for path in sorted(site_dir.rglob("*.html"))]
    signature = _site_signature(site_dir, budget, reweigh_above) if cache_file else ""
    cache = CheckCache(cache_file, site_dir, signature)
    results: dict[str, PageCheck] = {}
    for rel in pages:
        known = cache.get(rel, content_links.get(rel, frozenset()))
        if known is not None:
            results[rel] = known
    todo = [rel for rel in pages if rel not in results]
    if jobs <= 1 or len(todo) < 100:
        results.update(_check_pages(site_dir, budget, todo, content_links, reweigh_above))
    else:
        # Runs of the sorted paths, not every other page: a language's pages then stay in
        # one process, and the pages their links point into (its topic index links to
        # every heading) are scanned there once, not in every process.
        chunks = [todo[len(todo) * k // jobs : len(todo) * (k + 1) // jobs] for k in range(jobs)]
        fork = multiprocessing.get_context("fork")  # the processes inherit _given
        with ProcessPoolExecutor(max_workers=jobs, mp_context=fork) as pool:
            for found in pool.map(
                _check_pages,
                [site_dir] * jobs,
                [budget] * jobs,
                chunks,
                [content_links] * jobs,
                [reweigh_above] * jobs,
            ):
                results.update(found)
    cache.save(results, content_links)
    problems = [problem for rel in pages for problem in results[rel].problems]
    problems.sort(key=lambda problem: (problem.path, problem.line))
    return problems, [results[rel].weight for rel in pages]


# A page above this share of the budget still passes, but its editor is told.
WARN_SHARE = 0.8


def budget_report(weights: list[PageWeight], budget: int) -> tuple[list[str], list[str]]:
    """Every page's figure (heaviest first), and warnings for pages close to the budget."""
    lines, warnings = [], []
    for weight in sorted(weights, key=lambda w: (-w.total, w.path)):
        share = weight.total / budget
        lines.append(
            f"site/{weight.path}: {weight.total:,} B brotli ({share:.0%} of {budget:,} B; "
            f"HTML {weight.html:,}, CSS {weight.css:,}, scripts {weight.js:,})"
        )
        if WARN_SHARE < share <= 1:
            warnings.append(
                f"site/{weight.path}: first paint needs {weight.total:,} bytes, {share:.0%} of "
                f"the {budget:,}-byte budget. It still fits; keep the page short, or split it "
                "before it grows."
            )
    return lines, warnings
