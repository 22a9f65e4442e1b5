"""Checks on content/ before building; each concern is a module of sitegen.checks.

Every page is read and parsed once (sitegen.checks.source); each check reads that
model. Errors stop the build and fail CI; warnings and notices are shown (on the
pull request's lines in CI) but do not fail.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from sitegen.checks.anchors import load_slugify
from sitegen.checks.findings import Finding
from sitegen.checks.front_matter import check_front_matter
from sitegen.checks.images import check_images
from sitegen.checks.layout import check_layout
from sitegen.checks.links import check_links
from sitegen.checks.readability import check_readability
from sitegen.checks.safety import check_safety
from sitegen.checks.source import ContentSite, load_pages
from sitegen.checks.sources import check_sources
from sitegen.checks.title import check_title_heading
from sitegen.checks.translations import check_translation
from sitegen.review_terms import load_review_terms

# check(page, site) -> findings. The first run on every page; the others only on pages
# whose front matter could be read (otherwise they would only add noise).
ALWAYS = (check_front_matter, check_translation)
WHEN_READABLE = (
    check_title_heading,
    check_layout,
    check_safety,
    check_links,
    check_images,
    check_readability,
)


# The site being checked, for the processes check_content forks (they inherit it).
_site: ContentSite | None = None


def _check_pages(start: int, stop: int) -> list[Finding]:
    assert _site is not None
    findings: list[Finding] = []
    for page in _site.pages[start:stop]:
        readable = not page.front_matter[1]
        for check in ALWAYS + (WHEN_READABLE if readable else ()):
            findings += check(page, _site)
    return findings


def check_content(
    docs_dir: Path, languages, root: Path, config_file: Path | None = None, jobs: int = 1
) -> list[Finding]:
    """Every check on every page of every language, in file and line order.

    jobs: processes; each checks a run of the pages (a language's pages stay together,
    so that each process parses only the pages its own link into, and loads only its
    languages' dictionaries)."""
    global _site
    pages = load_pages(docs_dir, languages, root)
    slugify = load_slugify((config_file or root / "mkdocs.yml").resolve())
    _site = ContentSite(docs_dir, root, pages, slugify)
    findings: list[Finding] = []
    if jobs <= 1 or len(pages) < 100:
        findings += _check_pages(0, len(pages))
    else:
        bounds = [len(pages) * k // jobs for k in range(jobs + 1)]
        fork = multiprocessing.get_context("fork")  # the processes inherit _site
        with ProcessPoolExecutor(max_workers=jobs, mp_context=fork) as pool:
            for found in pool.map(_check_pages, bounds[:-1], bounds[1:]):
                findings += found
    _site = None
    findings += check_sources(pages, root)
    findings += load_review_terms(root, docs_dir, languages)[1]
    order = {page.display: number for number, page in enumerate(pages)}
    return sorted(findings, key=lambda f: (order.get(f.path, len(order)), f.line))
