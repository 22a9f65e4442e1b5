"""Writing a built file as a new file, never through the one at its path.

A preview's partial build hard-links the pages of the languages it keeps from the
served build (sitegen.mkdocs_run): writing through such a link would change the
served build too, before the new one is swapped in. Every phase that writes after
the languages phase writes this way.
"""

from __future__ import annotations

from pathlib import Path


def write_new_text(path: Path, text: str) -> None:
    path.unlink(missing_ok=True)
    path.write_text(text, encoding="utf-8")
