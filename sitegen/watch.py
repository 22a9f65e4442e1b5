"""`build.py serve --watch`: rebuild the site when a page, the theme or the configuration changes.

Each rebuild is built aside (in .<site>-next beside the served folder) and then
swapped in whole, so the server never shows a half-built site, and a failed
build leaves the last good one served. Only the languages an edit affects are
rendered again; the others are copied from the served build. The builds run in
one long-lived process that keeps mkdocs and the checks' dictionaries warm (a
preview writes no compressed files: the server compresses); a change to the theme,
the hooks or a .yml file starts a new one (they are read afresh) and rebuilds every
language.

The builds run with WEGWIJS_LIVE_RELOAD=1, so that hooks/live_reload.py gives the
pages of these builds, and only these, a small script that reloads the page when
the build id changes: it is written last, just before the swap.
"""

from __future__ import annotations

import ctypes
import gc
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from hooks.live_reload import BUILD_ID
from wegwijs_shared.languages import SOURCE_LANGUAGE

QUIET_SECONDS = 0.3  # editors save several files at once: wait until it is quiet
_IGNORED_PARTS = {"__pycache__", ".git"}
_IGNORED_SUFFIXES = (".swp", ".swx", "~", ".tmp", ".pyc")
DONE = "\x1ewegwijs-build-done"  # the builder's answer line: DONE <exit code>


def watched_paths(config_file: Path, docs_dir: Path) -> list[tuple[Path, bool]]:
    """(path, recursive): the content, theme and hooks, and the configuration's folder."""
    project = config_file.parent
    folders = [docs_dir, project / "theme", project / "hooks"]
    return [(folder, True) for folder in folders if folder.is_dir()] + [(project, False)]


def aside_dir(site_dir: Path) -> Path:
    """Where a rebuild is built before it is swapped in."""
    return site_dir.parent / f".{site_dir.name}-next"


def cache_dir(site_dir: Path) -> Path:
    """The build's cache (as `build.py build` uses it for site_dir)."""
    return site_dir.parent / f".{site_dir.name}-cache"


def _is_output(candidate: Path, site_dir: Path) -> bool:
    """The served site, the build aside, the caches and the work folders of either."""
    if candidate.is_relative_to(site_dir):
        return True
    top = (
        candidate.relative_to(site_dir.parent).parts[0]
        if candidate.is_relative_to(site_dir.parent)
        else ""
    )
    return top.startswith((f".{site_dir.name}-", f"..{site_dir.name}-"))


def _relevant(path: str, site_dir: Path, project: Path) -> bool:
    """A change that needs a rebuild: not the build's own output, not an editor's temp file."""
    candidate = Path(path)
    if _is_output(candidate, site_dir):
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
        self.lock = threading.Lock()
        self.paths: set[Path] = set()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write") or event.is_directory:
            return
        paths = [str(event.src_path), str(getattr(event, "dest_path", "") or "")]
        relevant = {Path(p) for p in paths if p and _relevant(p, self.site_dir, self.project)}
        if relevant:
            with self.lock:
                self.paths |= relevant
            self.last = time.monotonic()
            self.changed.set()

    def take(self) -> set[Path]:
        with self.lock:
            taken, self.paths = self.paths, set()
        return taken


class Watcher:
    """Calls `rebuild(changed paths)` once per burst of changes under the watched paths."""

    def __init__(
        self,
        config_file: Path,
        docs_dir: Path,
        site_dir: Path,
        rebuild: Callable[[set[Path]], object],
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
            changes = self.handler.take()
            if changes and not self.stopping.is_set():
                self.rebuild(changes)

    def start(self) -> Watcher:
        self.observer.start()
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.observer.stop()
        self.observer.join()
        self.thread.join()


_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*$", re.DOTALL | re.MULTILINE)


def content_state(docs_dir: Path) -> dict[str, str]:
    """Every page of content/ and its front matter: what other pages and languages read of it."""
    state = {}
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        found = _FRONT_MATTER.match(text)
        state[path.relative_to(docs_dir).as_posix()] = found.group(1) if found else ""
    return state


def affected_languages(
    changes: Iterable[Path], docs_dir: Path, codes: list[str], before: dict[str, str] | None
) -> set[str] | None:
    """The languages a set of changed files needs rendered again; None: everything, afresh.

    - a translated page whose front matter stayed the same: its own language only;
    - another file in a translation's folder (an image, or an editor's temporary file
      of a safe save): that language only, the only one whose pages use it;
    - a Dutch page or file: Dutch, and every other language, which either falls back to
      it or has a translation that tells readers how fresh it is against it;
    - a page added, removed or with new front matter (the language switcher, hreflang
      and the translation status read them): every language;
    - the theme, the hooks, the .yml files: None (a new builder reads them afresh).
    """
    if before is None:
        return None
    now = content_state(docs_dir)
    needed: set[str] = set()
    for path in changes:
        if not path.is_relative_to(docs_dir):
            return None
        rel = path.relative_to(docs_dir)
        code = rel.parts[0] if len(rel.parts) > 1 else ""
        if code not in codes:
            return None
        key = rel.as_posix()
        if code == SOURCE_LANGUAGE or (path.suffix == ".md" and now.get(key) != before.get(key)):
            return set(codes)
        needed.add(code)
    return needed


AT_FDCWD = -100
RENAME_EXCHANGE = 2  # linux/fs.h


def swap_in(new: Path, served: Path) -> None:
    """Make `new` the served folder in one step; the old build ends up at `new`.

    Linux exchanges the two names atomically (renameat2); elsewhere two renames leave
    the served name missing for an instant.
    """
    if not served.exists():
        new.rename(served)
        return
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is not None:
        flags = RENAME_EXCHANGE
        if renameat2(AT_FDCWD, bytes(new), AT_FDCWD, bytes(served), flags) == 0:
            return
    old = new.with_name(new.name + "-old")
    served.rename(old)
    new.rename(served)
    old.rename(new)


def what_changed(changes: set[Path]) -> str:
    """The files an editor changed, for the terminal: not the temporary file a safe save
    (sed -i, many editors) wrote and renamed, which has no suffix and is gone by now."""
    names = sorted({path.name for path in changes if path.suffix or path.exists()})
    if not names:
        return "a file changed"
    return f"{', '.join(names[:3])}{' ...' if len(names) > 3 else ''} changed"


def write_build_id(folder: Path) -> str:
    """A new build id, which the pages' reload script waits for (no stale .br/.gz of it)."""
    path = folder / BUILD_ID
    path.parent.mkdir(parents=True, exist_ok=True)
    build_id = str(time.time_ns())
    path.unlink(missing_ok=True)  # never through a link into another build
    path.write_text(build_id, encoding="utf-8")
    for suffix in (".br", ".gz"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return build_id


class Builder:
    """A long-lived `build.py` process that builds on request (see serve_requests)."""

    def __init__(self, build_script: Path, out=sys.stdout) -> None:
        self.build_script = build_script
        self.out = out
        self.process: subprocess.Popen | None = None

    def _start(self) -> subprocess.Popen:
        root = str(Path(__file__).resolve().parent.parent)
        environment = {**os.environ, "WEGWIJS_LIVE_RELOAD": "1", "PYTHONUNBUFFERED": "1"}
        environment["PYTHONPATH"] = os.pathsep.join(
            [root, *filter(None, [os.environ.get("PYTHONPATH")])]
        )
        return subprocess.Popen(
            [sys.executable, "-m", "sitegen.watch", str(self.build_script)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=environment,
        )

    def restart(self) -> None:
        self.stop()
        self.process = self._start()

    def build(self, request: dict) -> int:
        if self.process is None or self.process.poll() is not None:
            self.process = self._start()
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        for line in self.process.stdout:
            if line.startswith(DONE):
                return int(line.split()[-1])
            print(line, end="", file=self.out, flush=True)
        self.process = None
        return 1  # the builder died; the next build starts a new one

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None


class Preview:
    """Rebuilds aside and swaps the result in; knows what the served build was built from."""

    def __init__(
        self, argv: list[str], site_dir: Path, docs_dir: Path, codes: list[str], builder: Builder
    ) -> None:
        self.argv = argv  # build.py build ... without --site-dir
        self.site_dir = site_dir
        self.docs_dir = docs_dir
        self.codes = codes
        self.builder = builder
        self.out = builder.out
        self.built_from: dict[str, str] | None = None  # content_state of the served build
        self.passes: list[list[str]] = []  # the languages each successful build rendered
        self.pending: set[Path] = set()  # changes since the served build (a build failed)

    def rebuild(self, changes: set[Path]) -> bool:
        self.pending |= changes
        only = affected_languages(self.pending, self.docs_dir, self.codes, self.built_from)
        built = self.build(only, what_changed(changes))
        if built:
            self.pending = set()
        return built

    def build(self, only: set[str] | None, reason: str = "first build") -> bool:
        started = time.perf_counter()
        which = "every language" if only is None else ", ".join(sorted(only))
        print(f"watch: {reason}, building {which} ...", file=self.out, flush=True)
        if only is None:
            self.builder.restart()  # the theme, hooks or configuration are read afresh
        state = content_state(self.docs_dir)
        aside = aside_dir(self.site_dir)
        request = {
            "argv": [*self.argv, "--site-dir", str(aside)],
            "only": sorted(only) if only is not None else None,
            "previous": str(self.site_dir) if only is not None else None,
            "cache": str(cache_dir(self.site_dir)),
        }
        code = self.builder.build(request)
        if code != 0:
            shutil.rmtree(aside, ignore_errors=True)
            print(
                "watch: the build failed (messages above); the server still shows the last "
                "good build, unchanged. Fix the file and save it again.",
                file=self.out,
                flush=True,
            )
            return False
        self.built_from = state
        self.passes.append(sorted(only) if only is not None else list(self.codes))
        write_build_id(aside)
        swap_in(aside, self.site_dir)
        shutil.rmtree(aside, ignore_errors=True)  # the previous build
        seconds = time.perf_counter() - started
        print(f"watch: built in {seconds:.1f}s; open pages reload themselves.", file=self.out)
        self.out.flush()
        return True


def serve_requests(build_script: Path, requests=sys.stdin, out=sys.stdout) -> None:
    """The builder process: one JSON request a line, `build.py build` for each, then DONE."""
    spec = importlib.util.spec_from_file_location("wegwijs_build", build_script)
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    for line in requests:
        request = json.loads(line)
        args = build.parser().parse_args(request["argv"])
        args.only = set(request["only"]) if request["only"] is not None else None
        args.previous = Path(request["previous"]) if request["previous"] else None
        args.cache_dir = Path(request["cache"])
        try:
            code = build.run(args)
        except Exception as error:  # noqa: BLE001 - the builder stays up for the next save
            print(f"build.py build: {type(error).__name__}: {error}", file=sys.stderr)
            code = 1
        sys.stderr.flush()
        print(f"{DONE} {code}", file=out, flush=True)
        if code == 0 and args.only is None:
            _warm_up(args)
        # While the editor reads: a full collection now, not in the middle of the next build.
        gc.collect()


def _warm_up(args) -> None:
    """After a whole build, while the editor reads it: get this process ready to render
    the next one-language rebuild itself (sitegen.mkdocs_run.warm_up)."""
    from sitegen.mkdocs_run import warm_up
    from sitegen.settings import load_settings

    settings = load_settings(args.config, args.content, args.site_dir, args.languages, 1)
    warm_up(settings, args.cache_dir / "templates")


if __name__ == "__main__":
    serve_requests(Path(sys.argv[1]))
