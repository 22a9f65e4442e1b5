#!/usr/bin/env python3
"""Offline packs, the bytes of a first search, and requests per page view: ours vs before.

Builds the real content twice: from this checkout, and from a baseline git revision
(default: where this branch left main), each with its own build.py. Then, in headless
Chromium against the local server, for each build:
- the offline pack of every language (bytes brotli, from its manifest; ours only);
- a first search from each language's topic index: the bytes the server sent for it
  (what travels: the .br variants), index chunks included (ours only);
- requests per page view for a reader who opens /ar/mo/, then /ar/, then /ar/mo/
  again in a fresh profile: every request the server answers, and how many asked
  for the page itself.
Runs alternate between the two builds; figures are medians of --runs runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from werkzeug.serving import make_server  # noqa: E402

from sitegen.serve import make_app  # noqa: E402
from tests.browser.chromium import launch_chromium  # noqa: E402
from wegwijs_shared.languages import load_languages  # noqa: E402

VIEWS = ["/ar/mo/", "/ar/", "/ar/mo/"]
# A word every language keeps: the course's Dutch abbreviation.
QUERY = "MO"
# Chromium checks a service worker for updates a little after a navigation.
SETTLE_SECONDS = 3.0


class Recorder:
    """The site as `build.py serve` sends it, recording each answer's path and bytes."""

    def __init__(self, site_dir: Path) -> None:
        self.app = make_app(site_dir, None)
        self.log: list[tuple[str, int]] = []
        self.server = make_server("127.0.0.1", 0, self, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")

        def start(status, headers, exc_info=None):
            size = next((int(v) for k, v in headers if k.lower() == "content-length"), 0)
            self.log.append((path, size))
            return start_response(status, headers, exc_info)

        return self.app(environ, start)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def build(source: Path, site_dir: Path) -> None:
    command = [sys.executable, str(source / "build.py"), "build", "--site-dir", str(site_dir)]
    subprocess.run(command, cwd=source, check=True, capture_output=True)


def baseline_source(ref: str, target: Path) -> Path:
    """The project at a git revision, unpacked (its own build.py, hooks and theme)."""
    archive = subprocess.run(
        ["git", "archive", ref], cwd=ROOT, check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def page_views(browser, recorder: Recorder) -> list[tuple[int, int]]:
    """For each view: (requests the server answered, requests for the page itself)."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-BE")
    page = context.new_page()
    counts = []
    for path in VIEWS:
        before = len(recorder.log)
        page.goto(recorder.url + path)
        page.wait_for_load_state("networkidle")
        time.sleep(SETTLE_SECONDS)  # the service worker's work, and its update check
        answered = [logged for logged, _ in recorder.log[before:]]
        print(f"    {path}: {' '.join(answered)}", file=sys.stderr)
        counts.append((len(answered), answered.count(path)))
    context.close()
    return counts


def first_search(browser, recorder: Recorder, prefix: str) -> int:
    """Bytes the server sends for the index and code of a first search."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{recorder.url}/{prefix}a-z/")
    page.wait_for_load_state("networkidle")
    before = len(recorder.log)
    page.fill("#wg-q", QUERY)
    page.press("#wg-q", "Enter")
    page.locator(".wg-results li").first.wait_for(timeout=15000)
    page.wait_for_load_state("networkidle")
    sent = sum(size for path, size in recorder.log[before:] if path.startswith("/pagefind/"))
    context.close()
    return sent


def packs(site_dir: Path) -> dict[str, tuple[int, int]]:
    found = {}
    for language in load_languages():
        manifest = json.loads((site_dir / language.prefix / "offline.json").read_text("utf-8"))
        found[language.code] = (manifest["bytes"], manifest["count"])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="git revision (default: merge-base of HEAD and main)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ref = (
        args.baseline
        or subprocess.run(
            ["git", "merge-base", "HEAD", "main"],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        ours_dir, base_dir = work / "ours", work / "base"
        build(ROOT, ours_dir)
        build(baseline_source(ref, work / "baseline"), base_dir)
        servers = {"before": Recorder(base_dir), "ours": Recorder(ours_dir)}
        views: dict[str, list[list[tuple[int, int]]]] = {name: [] for name in servers}
        searches: dict[str, list[int]] = {}
        with launch_chromium() as browser:
            for _ in range(args.runs):
                for name, recorder in servers.items():  # alternating, run by run
                    views[name].append(page_views(browser, recorder))
                for language in load_languages():
                    sent = first_search(browser, servers["ours"], language.prefix)
                    searches.setdefault(language.code, []).append(sent)
        for recorder in servers.values():
            recorder.close()
        print(f"baseline: {ref[:12]}; medians of {args.runs} runs\n")
        print("Offline pack per language (brotli, the pages and their scripts; budget 150 KB)")
        for code, (size, count) in packs(ours_dir).items():
            print(f"  {code:<6} {size:>8,} B  {size / 1024:6.1f} KB  {count} pages")
        print("\nFirst search per language (bytes sent for /pagefind/, goal 100 KB)")
        for code, sizes in searches.items():
            size = statistics.median(sizes)
            print(f"  {code:<6} {size:>8,.0f} B  {size / 1024:6.1f} KB")
        print(f"\nRequests per page view, fresh profile: {' -> '.join(VIEWS)}")
        header = ("view", "before all", "before page", "ours all", "ours page")
        print("  {:<10} {:>10} {:>12} {:>9} {:>10}".format(*header))
        for index, path in enumerate(VIEWS):
            before = [run[index] for run in views["before"]]
            ours = [run[index] for run in views["ours"]]
            print(
                f"  {index + 1}. {path:<7} "
                f"{statistics.median(v[0] for v in before):>10.0f} "
                f"{statistics.median(v[1] for v in before):>12.0f} "
                f"{statistics.median(v[0] for v in ours):>9.0f} "
                f"{statistics.median(v[1] for v in ours):>10.0f}"
            )


if __name__ == "__main__":
    main()
