"""The site's pages for the app: the build's page list, re-read when the file changes."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from flask import Flask, current_app

from wegwijs_shared.pages import PAGE_LIST_NAME, PageListError, load_page_list

logger = logging.getLogger(__name__)

EXTENSION = "feedback_pages"
# Where the Lambda bundle puts the list (feedback_fn/bundle.py).
PACKAGED = Path(__file__).resolve().parent / PAGE_LIST_NAME


class _PageList:
    """The list in one file; `build.py serve --watch` rewrites it on every rebuild."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stamp: int | None = None
        self.pages: frozenset[str] | None = None

    def current(self) -> frozenset[str] | None:
        try:
            stamp = os.stat(self.path).st_mtime_ns
        except OSError:
            return self.pages  # removed while running: keep what was read
        if stamp != self.stamp:
            self.pages, self.stamp = load_page_list(self.path), stamp
        return self.pages


def init_app(app: Flask) -> None:
    configured = app.config["PAGES_FILE"]
    path = Path(configured) if configured else PACKAGED
    if not path.is_file():
        if configured:
            raise PageListError(f"PAGES_FILE {configured}: no such file; run build.py build.")
        logger.warning(
            "no page list (%s): any well-formed page path is accepted; set "
            "FEEDBACK_PAGES_FILE to the build's site/%s to refuse unknown pages",
            path,
            PAGE_LIST_NAME,
        )
        app.extensions[EXTENSION] = None
        return
    pages = _PageList(path)
    pages.current()  # a broken list stops the start, not the first answer
    app.extensions[EXTENSION] = pages


def site_pages() -> frozenset[str] | None:
    """The pages feedback may be about; None when no list is known (syntax check only)."""
    pages: _PageList | None = current_app.extensions[EXTENSION]
    return pages.current() if pages is not None else None
