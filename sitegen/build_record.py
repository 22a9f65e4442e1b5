"""The record a build leaves in site/ once it finished: publish sends no other build.

A build that finds errors late (a broken link, a page over its budget, a resource on
another host) has by then written, compressed and weighed the whole site/; only its
exit status says that it failed, and a site/ looks the same either way. So a build
removes the record as it starts and writes it as its very last step: a site/ without
it stopped with errors or was interrupted, and build.py publish refuses it. The
record itself is never published (sitegen/publish_plan.py leaves it out).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

RECORD = ".wegwijs-build.json"


def forget(site_dir: Path) -> None:
    """As a build starts: whatever it leaves is unfinished until finished() says so."""
    (site_dir / RECORD).unlink(missing_ok=True)
    (site_dir / f"{RECORD}.part").unlink(missing_ok=True)  # from a build stopped at its end


def finished(site_dir: Path, preview: bool) -> None:
    """As a build ends without an error.

    A new file, never written through: serve --watch builds aside with links to the
    served build's files, and the served build's record must stay its own.
    """
    record = {"finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "preview": preview}
    written = site_dir / f"{RECORD}.part"
    written.write_text(json.dumps(record) + "\n", encoding="utf-8")
    written.replace(site_dir / RECORD)


def is_finished(site_dir: Path) -> bool:
    return (site_dir / RECORD).is_file()
