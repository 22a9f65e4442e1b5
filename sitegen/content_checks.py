"""Checks on content/ before building; each concern is a module of sitegen.checks.

Errors stop the build and fail CI; warnings and notices are shown (on the pull
request's lines in CI) but do not fail.
"""

from __future__ import annotations

from pathlib import Path

from sitegen.checks.anchors import load_slugify
from sitegen.checks.findings import Finding
from sitegen.checks.front_matter import check_front_matter
from sitegen.checks.images import check_images
from sitegen.checks.links import AnchorIndex, check_links
from sitegen.checks.readability import check_readability
from sitegen.checks.safety import check_safety
from sitegen.checks.source import load_pages
from sitegen.checks.sources import check_sources
from sitegen.checks.translations import check_translation


def check_content(
    docs_dir: Path, languages, root: Path, config_file: Path | None = None
) -> list[Finding]:
    """Every check on every page of every language, in file and line order."""
    pages = load_pages(docs_dir, languages, root)
    slugify = load_slugify((config_file or root / "mkdocs.yml").resolve())
    index = AnchorIndex(pages, slugify)
    findings: list[Finding] = []
    for page in pages:
        findings += check_front_matter(page)
        findings += check_translation(page, docs_dir)
        if page.front_matter[1]:
            continue  # unreadable front matter: the other checks would only add noise
        findings += check_safety(page)
        findings += check_links(page, docs_dir, index)
        findings += check_images(page, docs_dir)
        findings += check_readability(page)
    findings += check_sources(pages, root)
    order = {page.display: number for number, page in enumerate(pages)}
    return sorted(findings, key=lambda f: (order.get(f.path, len(order)), f.line))
