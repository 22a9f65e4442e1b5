"""Heading anchors as mkdocs makes them: the toc extension's slugify and unique, reused."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from markdown.extensions.toc import slugify as markdown_slugify
from markdown.extensions.toc import unique

from sitegen.checks.markdown_tree import Heading

Slugify = Callable[[str, str], str]


@cache
def load_slugify(config_file: Path) -> Slugify:
    """The toc extension's slugify from an mkdocs configuration (INHERIT followed)."""
    from sitegen.mkdocs_seams import read_config_file

    for entry in read_config_file(config_file).get("markdown_extensions") or []:
        if isinstance(entry, dict) and "toc" in entry:
            return (entry["toc"] or {}).get("slugify", markdown_slugify)
    return markdown_slugify


def anchors(headings: list[Heading], slugify: Slugify) -> list[tuple[Heading, str, bool]]:
    """(heading, its anchor, whether the anchor says something) in page order.

    As the toc extension: ids given with '{#id}' are taken first, the others get
    unique() suffixes (_1, _2) when they repeat one or are empty.
    """
    used = {heading.custom_id for heading in headings if heading.custom_id}
    result = []
    for heading in headings:
        if heading.custom_id:
            result.append((heading, heading.custom_id, True))
            continue
        slug = slugify(heading.text, "-")
        result.append((heading, unique(slug, used), bool(slug)))
    return result
