"""Checks on the built site: the first-round-trip budget, no other hosts, no broken links.

Links written in content are checked in content/ (sitegen.checks.links), with
file and line; here only what the theme and the hooks add to the pages.
"""

from __future__ import annotations

import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from sitegen.compress import compressed_size
from sitegen.html_scan import PageScan, scan_html
from sitegen.urls import is_remote, is_site_file

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
    parts = urlsplit(urljoin(base_url, url))
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    target = site_dir / PurePosixPath(path.lstrip("/"))
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


@cache
def _scan(html_file: Path) -> PageScan:
    """A built page, scanned once per process: as the page checked and as a link target."""
    return scan_html(html_file.read_text(encoding="utf-8"))


def _weigh(site_dir: Path, rel: str, url: str, scan: PageScan) -> PageWeight:
    weight = PageWeight(rel, compressed_size(site_dir / rel), 0, 0)
    for ref in scan.resources:
        if not ref.blocking or is_remote(ref.url):
            continue
        resolved = resolve(site_dir, url, ref.url)
        if resolved and resolved[0].is_file():
            size = compressed_size(resolved[0])
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
    site_dir: Path, rel: str, url: str, scan: PageScan, from_content: frozenset[str]
) -> list[Problem]:
    """Links to missing files; anchors that are missing (except on Dutch fallback pages,
    whose Dutch anchors cannot match the translated headings they link to)."""
    problems = []
    for ref in scan.references:
        if ref.url in from_content or not is_site_file(urljoin(url, ref.url)):
            continue
        resolved = resolve(site_dir, url, ref.url)
        if resolved is None:
            continue
        target, fragment = resolved
        if not target.is_file():
            problems.append(
                Problem(
                    rel,
                    ref.line,
                    f"link to {ref.url} leads nowhere: there is no "
                    f"{target.relative_to(site_dir)}. Fix the link in the Markdown page.",
                )
            )
        elif (
            fragment
            and not scan.fallback
            and target.suffix == ".html"
            and fragment not in _scan(target).ids
        ):
            problems.append(
                Problem(
                    rel,
                    ref.line,
                    f"link to {ref.url}: the page exists but has no "
                    f"heading or element with id '{fragment}'.",
                )
            )
    return problems


def _check_pages(site_dir: Path, budget: int, html_files: list[Path], content_links: dict):
    problems: list[Problem] = []
    weights: list[PageWeight] = []
    for html_file in html_files:
        rel = html_file.relative_to(site_dir).as_posix()
        url = page_url(site_dir, html_file)
        scan = _scan(html_file)
        weight = _weigh(site_dir, rel, url, scan)
        weights.append(weight)
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
        problems += _link_problems(site_dir, rel, url, scan, content_links.get(rel, frozenset()))
    return problems, weights


def check_site(
    site_dir: Path, budget: int, jobs: int = 1, content_links: dict | None = None
) -> tuple[list[Problem], list[PageWeight]]:
    """Check every HTML page (in `jobs` processes); return the problems and every page's weight.

    content_links: per page (relative to site_dir), the links its Markdown made, which
    the content check has checked already (sitegen.mkdocs_run.LanguageBuild).
    """
    _scan.cache_clear()
    content_links = content_links or {}
    html_files = sorted(site_dir.rglob("*.html"))
    if jobs <= 1 or len(html_files) < 100:
        return _check_pages(site_dir, budget, html_files, content_links)
    chunks = [html_files[start::jobs] for start in range(jobs)]
    problems: list[Problem] = []
    weights: list[PageWeight] = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for found, weighed in pool.map(
            _check_pages, [site_dir] * jobs, [budget] * jobs, chunks, [content_links] * jobs
        ):
            problems += found
            weights += weighed
    problems.sort(key=lambda problem: (problem.path, problem.line))
    weights.sort(key=lambda weight: weight.path)
    return problems, weights


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
