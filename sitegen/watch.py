"""`build.py serve --watch`: rebuild site/ whenever a page, the theme or the configuration changes.

The server keeps serving site/ from disk. Each rebuild runs `build.py build`
in a new process (a changed hook or language list is read afresh; a failed
build leaves the server running) with WEGWIJS_LIVE_RELOAD=1, so that
hooks/live_reload.py gives the pages of these builds, and only these, a small
script that reloads the page after the next rebuild.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

QUIET_SECONDS = 0.3  # editors save several files at once: wait until it is quiet
_IGNORED_PARTS = {"__pycache__", ".git"}
_IGNORED_SUFFIXES = (".swp", ".swx", "~", ".tmp", ".pyc")


def watched_paths(config_file: Path, docs_dir: Path) -> list[tuple[Path, bool]]:
    """(path, recursive): the content, theme and hooks, and the configuration's folder."""
    project = config_file.parent
    folders = [docs_dir, project / "theme", project / "hooks"]
    return [(folder, True) for folder in folders if folder.is_dir()] + [(project, False)]


def _relevant(path: str, site_dir: Path, project: Path) -> bool:
    """A change that needs a rebuild: not the build's own output, not an editor's temp file."""
    candidate = Path(path)
    work_dir = site_dir.parent / f".{site_dir.name}-build"
    if candidate.is_relative_to(site_dir) or candidate.is_relative_to(work_dir):
        return False
    if _IGNORED_PARTS & set(candidate.parts) or candidate.name.endswith(_IGNORED_SUFFIXES):
        return False
    if candidate.name.startswith(".#"):
        return False
    if candidate.parent == project:  # mkdocs.yml, languages.yml; not the README
        return candidate.suffix in (".yml", ".yaml")
    return True


class _Changes(FileSystemEventHandler):
    def __init__(self, site_dir: Path, project: Path, changed: threading.Event) -> None:
        self.site_dir = site_dir
        self.project = project
        self.changed = changed
        self.last = 0.0

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write") or event.is_directory:
            return
        paths = [str(event.src_path), str(getattr(event, "dest_path", "") or "")]
        if any(path and _relevant(path, self.site_dir, self.project) for path in paths):
            self.last = time.monotonic()
            self.changed.set()


class Watcher:
    """Calls `rebuild` once per burst of changes under the watched paths, in a thread."""

    def __init__(
        self,
        config_file: Path,
        docs_dir: Path,
        site_dir: Path,
        rebuild: Callable[[], object],
        quiet: float = QUIET_SECONDS,
    ) -> None:
        self.changed = threading.Event()
        self.stopping = threading.Event()
        project = config_file.resolve().parent
        self.handler = _Changes(site_dir.resolve(), project, self.changed)
        self.observer = Observer()
        for path, recursive in watched_paths(config_file.resolve(), docs_dir.resolve()):
            self.observer.schedule(self.handler, str(path), recursive=recursive)
        self.rebuild = rebuild
        self.quiet = quiet
        self.thread = threading.Thread(target=self._loop, name="wegwijs-watch", daemon=True)

    def _loop(self) -> None:
        while not self.stopping.is_set():
            if not self.changed.wait(0.2):
                continue
            while time.monotonic() - self.handler.last < self.quiet:
                time.sleep(self.quiet / 3)
            self.changed.clear()
            if not self.stopping.is_set():
                self.rebuild()

    def start(self) -> Watcher:
        self.observer.start()
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.observer.stop()
        self.observer.join()
        self.thread.join()


def rebuild_in_process(argv: list[str], out=sys.stdout) -> Callable[[], bool]:
    """A rebuild: `build.py <argv>` in a new Python process; says how it went."""

    def rebuild(reason: str = "a file changed") -> bool:
        started = time.perf_counter()
        print(f"watch: {reason}, building ...", file=out, flush=True)
        environment = {**os.environ, "WEGWIJS_LIVE_RELOAD": "1"}
        done = subprocess.run([sys.executable, *argv], check=False, env=environment)
        seconds = time.perf_counter() - started
        if done.returncode == 0:
            print(f"watch: built in {seconds:.1f}s; open pages reload themselves.", file=out)
        else:
            print(
                "watch: the build failed (messages above); the server still shows the last "
                "build. Fix the file and save it again.",
                file=out,
            )
        out.flush()
        return done.returncode == 0

    return rebuild
