"""The page list for the feedback function: every page the build wrote, as site paths."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from sitegen.shared_files import write_new_text
from wegwijs_shared.pages import PAGE_LIST_NAME, dump_page_list


def site_pages(site_dir: Path) -> list[str]:
    """Every directory with an index.html, as the form's page field spells it ("/ar/mo/").

    Fallback pages, and the thank-you and error pages, are pages too; the staff's
    and editors' tools (/_staff/, /_editors/) are not pages readers comment on.
    """
    paths = []
    for index in site_dir.rglob("index.html"):
        parts = index.parent.relative_to(site_dir).parts
        if any(part.startswith("_") for part in parts):
            continue
        # Spelled as mkdocs writes page URLs: percent-encoded, a slash at the end.
        paths.append("/" + "".join(f"{quote(part)}/" for part in parts))
    return sorted(paths)


def write_page_list(site_dir: Path) -> int:
    """Write site/pages.json; returns how many pages it lists."""
    paths = site_pages(site_dir)
    write_new_text(site_dir / PAGE_LIST_NAME, dump_page_list(paths))
    return len(paths)
