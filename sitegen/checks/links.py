"""Links: every internal link and #anchor resolves in the page's own language.

A link to a page that a language lacks is not an error: readers get the Dutch
page (fallback). It is reported as a notice, so translators see what is left.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sitegen.checks.anchors import Slugify, anchors
from sitegen.checks.findings import ERROR, NOTICE, WARNING, Finding
from sitegen.checks.references import page_refs
from sitegen.checks.source import SourcePage

_SKIP_SCHEMES = ("http", "https", "mailto", "tel", "data", "javascript")
_DYNAMIC = ("/api/",)  # served by the feedback function


class AnchorIndex:
    """Anchors of every page, per language, computed once."""

    def __init__(self, pages: list[SourcePage], slugify: Slugify) -> None:
        self.slugify = slugify
        self.by_page: dict[tuple[str, str], set[str]] = {}
        for page in pages:
            found = anchors(page_refs(page.prose).headings, slugify)
            self.by_page[(page.language.code, page.rel.as_posix())] = {a for _, a, _ in found}

    def get(self, code: str, rel: str) -> set[str] | None:
        return self.by_page.get((code, rel))


def _finding(page: SourcePage, line: int, message: str, level: str = ERROR) -> Finding:
    return Finding(page.display, line, message, level, "links")


def _target(page: SourcePage, path: str) -> str:
    """A link's path relative to the language folder: '../mo.md' from feedback/x.md -> mo.md."""
    return posixpath.normpath(posixpath.join(str(page.rel.parent), unquote(path)))


def _anchor_finding(page, line, url, fragment, have, where) -> Finding | None:
    if have is None or unquote(fragment) in have:
        return None
    return _finding(
        page,
        line,
        f"link to {url}: {where} has no heading with the anchor '#{fragment}'. "
        f"Anchors are made from the heading text; existing ones: "
        f"{', '.join('#' + a for a in sorted(have)) or 'none'}.",
    )


def _check_link(page: SourcePage, url: str, line: int, docs_dir: Path, index: AnchorIndex):
    parts = urlsplit(url)
    if parts.scheme in _SKIP_SCHEMES or parts.netloc or url.startswith(_DYNAMIC):
        return None
    code, source = page.language.code, "nl"
    if not parts.path:  # '#anchor' on the same page
        have = index.get(code, page.rel.as_posix())
        return _anchor_finding(page, line, url, parts.fragment, have, "this page")
    if parts.path.startswith("/"):
        return _finding(
            page,
            line,
            f"link to {url} starts with '/': link to the Markdown file relative to this page "
            "(for example 'mo.md'), so that it works in every language.",
            WARNING,
        )
    target = _target(page, parts.path)
    if (docs_dir / code / target).is_file():
        if target.endswith(".md") and parts.fragment:
            have = index.get(code, target)
            return _anchor_finding(page, line, url, parts.fragment, have, target)
        return None
    if (docs_dir / source / target).is_file():
        if code == source:
            return None
        if target.endswith(".md") and parts.fragment:
            # Readers get the Dutch page, so the anchor must be one of its headings.
            have = index.get(source, target)
            missing = _anchor_finding(page, line, url, parts.fragment, have, f"{source}/{target}")
            if missing:
                return missing
        return _finding(
            page,
            line,
            f"link to {url}: there is no {page.language.english} page {code}/{target} yet, "
            f"so readers get the Dutch page (fallback). Nothing to fix now; translate "
            f"{target} when you can.",
            NOTICE,
        )
    if not target.endswith(".md") and (docs_dir / code / target / "index.md").is_file():
        return _finding(
            page,
            line,
            f"link to {url}: link to the Markdown file ({target.rstrip('/')}/index.md), not "
            "to the web address, so that the build can check it.",
            WARNING,
        )
    if not target.endswith(".md") and (docs_dir / code / f"{target.rstrip('/')}.md").is_file():
        return _finding(
            page,
            line,
            f"link to {url}: link to the Markdown file ({target.rstrip('/')}.md), not to the "
            "web address, so that the build can check it.",
            WARNING,
        )
    return _finding(
        page,
        line,
        f"link to {url} leads nowhere: there is no {code}/{target} (and no Dutch "
        f"{source}/{target}). Check the file name; links point to the .md file, relative "
        "to this page.",
    )


def check_links(page: SourcePage, docs_dir: Path, index: AnchorIndex) -> list[Finding]:
    findings = []
    refs = page_refs(page.prose)
    for ref in refs.references:
        if ref.kind != "link" or not ref.url:
            continue
        found = _check_link(page, ref.url, ref.line, docs_dir, index)
        if found:
            findings.append(found)
    for heading, anchor, meaningful in anchors(refs.headings, index.slugify):
        if not meaningful:
            findings.append(
                _finding(
                    page,
                    heading.line,
                    f"the heading '{heading.text}' gets the anchor '#{anchor}', which says "
                    "nothing to readers who share a link: give it one with "
                    "'{#a-short-name}' at the end of the heading line.",
                    WARNING,
                )
            )
    return findings
