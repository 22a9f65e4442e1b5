"""Heading anchors as mkdocs makes them, with the slugify function of mkdocs.yml."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from sitegen.checks.references import Heading

Slugify = Callable[[str, str], str]

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_EMPHASIS = re.compile(r"(\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|`+)")
_TOC_UNIQUE = re.compile(r"^(.*)_([0-9]+)$")


@cache
def load_slugify(config_file: Path) -> Slugify:
    """The toc extension's slugify from an mkdocs configuration (INHERIT followed)."""
    from markdown.extensions.toc import slugify as markdown_slugify
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, encoding="utf-8") as handle:
        config = yaml_load(handle)
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, dict) and "toc" in entry:
            return (entry["toc"] or {}).get("slugify", markdown_slugify)
    return markdown_slugify


def heading_text(markdown: str) -> str:
    """The text of a heading as the reader sees it: no link targets, markup or tags."""
    text = _LINK.sub(r"\1", markdown)
    text = _TAG.sub("", text)
    return html.unescape(_EMPHASIS.sub("", text)).strip()


def _unique(anchor: str, used: set[str]) -> str:
    """Python-Markdown's toc: an empty or repeated anchor gets _1, _2, ..."""
    while anchor in used or not anchor:
        m = _TOC_UNIQUE.match(anchor)
        anchor = f"{m.group(1)}_{int(m.group(2)) + 1}" if m else f"{anchor}_1"
    used.add(anchor)
    return anchor


def anchors(headings: list[Heading], slugify: Slugify) -> list[tuple[Heading, str, bool]]:
    """(heading, its anchor, whether the anchor says something) in page order."""
    used: set[str] = set()
    result = []
    for heading in headings:
        if heading.custom_id:
            used.add(heading.custom_id)
            result.append((heading, heading.custom_id, True))
            continue
        slug = slugify(heading_text(heading.text), "-")
        result.append((heading, _unique(slug, used), bool(slug)))
    return result
