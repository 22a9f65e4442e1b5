"""The site's page list: written by the build, read by the feedback function.

One JSON list of site paths ("/", "/ar/mo/", ...), spelled as the pages' own
feedback forms send them, so that the function can refuse feedback on pages
that do not exist. The build writes it as site/pages.json; the Lambda bundle
ships a copy beside the function.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

PAGE_LIST_NAME = "pages.json"


class PageListError(ValueError):
    """The page list is not a JSON list of site paths; the message says what to do."""


def dump_page_list(paths: Iterable[str]) -> str:
    """The file's text: sorted, one path a line, so that a diff shows a new page."""
    return json.dumps(sorted(set(paths)), indent=0, ensure_ascii=False) + "\n"


def load_page_list(path: Path) -> frozenset[str]:
    try:
        paths = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise PageListError(f"{path}: {error}; rebuild the site (build.py build).") from error
    if not isinstance(paths, list) or not all(
        isinstance(item, str) and item.startswith("/") for item in paths
    ):
        raise PageListError(f'{path}: expected a JSON list of site paths such as "/ar/mo/".')
    return frozenset(paths)
