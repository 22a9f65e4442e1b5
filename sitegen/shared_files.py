"""Built files shared by hard links: between a preview's build and the build it keeps
languages from (sitegen.mkdocs_run), and between a build and its cache (the search
index, the compressed variants).

Two rules keep that safe: a file is shared by linking it (a copy where links cannot
go, another file system), and a phase that writes a file writes a new one, never
through the one at its path, which may be a link into the served build or the cache.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path


def content_key(data: bytes) -> str:
    """The key by which the phases know a built file's bytes: the page facts a language's
    process hands over, the search texts, the quick weights and the output checks' cache
    all look a page up by it, so it must be one function."""
    return hashlib.sha256(data).hexdigest()


def link_or_copy(source: str | Path, target: str | Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def write_new_text(path: Path, text: str) -> None:
    path.unlink(missing_ok=True)
    path.write_text(text, encoding="utf-8")
