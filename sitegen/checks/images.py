"""Images: every image has alt text, exists, and is small enough for a slow phone."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sitegen.checks.findings import ERROR, Finding
from sitegen.checks.source import ContentSite, SourcePage
from sitegen.urls import is_remote

IMAGE_MAX_BYTES = 100 * 1024


def _finding(page: SourcePage, line: int, message: str) -> Finding:
    return Finding(page.display, line, message, ERROR, "images")


def _image_file(page: SourcePage, url: str, docs_dir: Path) -> Path | None:
    """The image in the page's language folder, else the Dutch one (as mkdocs-static-i18n)."""
    rel = posixpath.normpath(posixpath.join(str(page.rel.parent), unquote(urlsplit(url).path)))
    for code in (page.language.code, "nl"):
        candidate = docs_dir / code / rel
        if candidate.is_file():
            return candidate
    return None


def _where_to_put(page: SourcePage, docs_dir: Path) -> str:
    """Where an image of this page goes: its folder, or the Dutch one that every language uses."""
    parent = page.rel.parent.as_posix()
    folder = "" if parent == "." else f"{parent}/"
    here = f"{docs_dir.name}/{page.language.code}/{folder}"
    if page.language.is_source:
        return f"put the file next to the page, in {here},"
    return (
        f"put the file next to the page, in {here} (or in {docs_dir.name}/nl/{folder}, "
        "which every language can use),"
    )


def check_images(page: SourcePage, site: ContentSite) -> list[Finding]:
    docs_dir = site.docs_dir
    findings = []
    for ref in page.references:
        if ref.kind != "image":
            continue
        if not ref.has_alt:
            findings.append(
                _finding(
                    page,
                    ref.line,
                    f"the image {ref.url or '(no address)'} has no alt text: describe what it "
                    "shows in a few words, ![like this](image.png), for readers who cannot "
                    'see it. Only a purely decorative HTML image may have alt="".',
                )
            )
        if not ref.url or is_remote(ref.url) or urlsplit(ref.url).scheme == "data":
            continue  # remote images are a safety finding
        found = _image_file(page, ref.url, docs_dir)
        if found is None:
            findings.append(
                _finding(
                    page,
                    ref.line,
                    f"the image {ref.url} does not exist: {_where_to_put(page, docs_dir)} and "
                    "check the name.",
                )
            )
        elif found.stat().st_size > IMAGE_MAX_BYTES:
            findings.append(
                _finding(
                    page,
                    ref.line,
                    f"the image {ref.url} is {found.stat().st_size // 1024:,} KB; the limit is "
                    f"{IMAGE_MAX_BYTES // 1024} KB per image, for readers on slow connections. "
                    "Make it smaller (fewer pixels, WebP or JPEG, SVG for drawings).",
                )
            )
    return findings
