#!/usr/bin/env python3
"""serve --watch: seconds from saving a one-line edit to the open page's reload signal.

"before" is what the watcher did until now for every save: `build.py build` of every
language in a new process, into the served folder, every file compressed at brotli
11 (no cache). "ours" is the preview as it runs now: a real server, the watcher, the
builder process; the clock runs from the save until the server answers a new build id
(pages ask for it four times a second, so a page reloads at most 0.25 s later). While
ours rebuilds, a poller asks for the edited page and counts every answer that is not 200.
Variants alternate run by run, each after the disk has settled (see settle).
Content: a copy of content/ (or synthetic, --languages).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from synthetic_site import PYTHON, ROOT, make_content, write_languages_file, write_our_config

from hooks.live_reload import BUILD_ID
from sitegen import serve
from sitegen.serve import make_local_server
from sitegen.settings import load_settings
from sitegen.watch import Builder, Preview, Watcher, cache_dir


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def settle() -> None:
    """Let the previous variant's writes reach the disk first: a build writes thousands of
    files, and their write-back would otherwise slow whichever variant runs next."""
    os.sync()
    time.sleep(1.0)


def one_line_edit(page: Path, number: int) -> None:
    text = page.read_text(encoding="utf-8")
    page.write_text(text + f"\nEen regel erbij, nummer {number}.\n", encoding="utf-8")


def before(options: list[str], site_dir: Path) -> float:
    """The old watcher's rebuild: everything, in a new process, no cache, every text file
    compressed (what a preview did then, at quality 11; a build to publish does it now, at
    quality 8 for pages: this baseline is now quicker than the old watcher was)."""
    shutil.rmtree(cache_dir(site_dir), ignore_errors=True)
    started = time.perf_counter()
    command = [PYTHON, str(ROOT / "build.py"), "build", *options]
    env = {**os.environ, "WEGWIJS_SITE_URL": "https://wegwijs.example.org/"}
    done = subprocess.run(
        [*command, "--site-dir", str(site_dir)], capture_output=True, text=True, env=env
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    return time.perf_counter() - started


class Ours:
    """build.py serve --watch's parts, in this process: server, watcher, preview."""

    def __init__(
        self, options: list[str], config: Path, content: Path, site_dir: Path, log=None
    ) -> None:
        settings = load_settings(config, content, site_dir, options[-1], None)
        codes = [language.code for language in settings.languages]
        argv = ["build", "--preview", *options]
        builder = Builder(ROOT / "build.py", out=log or open(os.devnull, "w"))  # noqa: SIM115
        self.preview = Preview(argv, site_dir, settings.docs_dir, codes, builder)
        started = time.perf_counter()
        assert self.preview.build(None), "the first build failed"
        self.first = time.perf_counter() - started
        serve._PrivateRequestHandler.log = lambda *args: None  # thousands of polls
        self.server = make_local_server(site_dir, port=0)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.watcher = Watcher(config, settings.docs_dir, site_dir, self.preview.rebuild).start()
        self.bad: list[int] = []

    def edit(self, page: Path, url_path: str, number: int) -> float:
        """Seconds from the save to a new build id being served."""
        first = fetch(self.url + "/" + BUILD_ID)[1]
        stop = threading.Event()

        def poll() -> None:
            # 20 requests a second: five times what an open page's reload script asks,
            # without taking the builder's processor as a loop without pause would.
            while not stop.wait(0.05):
                status = fetch(self.url + url_path)[0]
                if status != 200:
                    self.bad.append(status)

        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        time.sleep(0.3)
        started = time.perf_counter()
        one_line_edit(page, number)
        deadline = time.monotonic() + 300
        while fetch(self.url + "/" + BUILD_ID)[1] in ("", first):
            if time.monotonic() > deadline:
                raise SystemExit("no new build within 300 s: the preview's build failed")
            time.sleep(0.02)
        seconds = time.perf_counter() - started
        stop.set()
        poller.join()
        return seconds

    def close(self) -> None:
        self.watcher.stop()
        self.preview.builder.stop()
        self.server.shutdown()
        self.server.server_close()


def project(root: Path, languages: int | None, pages: int) -> tuple[Path, Path, Path]:
    """(config, content, languages file): a copy of the real content, or synthetic content."""
    if languages is None:
        shutil.copytree(ROOT / "content", root / "content")
        return ROOT / "mkdocs.yml", root / "content", ROOT / "languages.yml"
    content = make_content(root, languages, pages)
    return write_our_config(root, languages, pages), content, write_languages_file(root, languages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", type=int, help="synthetic content in N languages")
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--translated", default="en/kosten.md", help="the translated page edited")
    parser.add_argument("--dutch", default="nl/kosten.md", help="the Dutch page edited")
    parser.add_argument("--phases", action="store_true", help="print the builder's phase lines")
    args = parser.parse_args()
    if args.languages:
        args.translated, args.dutch = "en/page01.md", "nl/page01.md"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        config, content, languages = project(root, args.languages, args.pages)
        options = ["--config", str(config), "--content", str(content)]
        options += ["--languages", str(languages)]
        # "before" edits its own copy: the watcher of "ours" sees only its own edits.
        old_content = root / "old-content"
        shutil.copytree(content, old_content)
        old_options = ["--config", str(config), "--content", str(old_content)]
        old_options += ["--languages", str(languages)]
        ours = Ours(options, config, content, root / "site", sys.stderr if args.phases else None)
        print(f"content: {content.relative_to(root)} ({len(ours.preview.codes)} languages)")
        print(f"ours: first build {ours.first:.1f}s")
        rows: dict[str, dict[str, list[float]]] = {}
        try:
            for run in range(args.runs):
                for kind, rel in (("translated", args.translated), ("Dutch", args.dutch)):
                    url_path = "/" + rel[:-3].removeprefix("nl/").replace("index", "") + "/"
                    times = rows.setdefault(kind, {"before": [], "ours": []})
                    variants = ["before", "ours"] if run % 2 == 0 else ["ours", "before"]
                    for variant in variants:
                        settle()
                        if variant == "before":
                            one_line_edit(old_content / rel, run)
                            times["before"].append(before(old_options, root / "old-site"))
                        else:
                            times["ours"].append(ours.edit(content / rel, url_path, run))
                            print(f"  {kind}: ours rendered {', '.join(ours.preview.passes[-1])}")
        finally:
            ours.close()
        print(f"{'edit':>10} {'before s':>9} {'ours s':>7} {'ratio':>6} {'target':>7}")
        for kind, target in (("translated", 2.0), ("Dutch", 5.0)):
            old, new = min(rows[kind]["before"]), min(rows[kind]["ours"])
            verdict = "met" if max(rows[kind]["ours"]) <= target else "MISSED"
            print(
                f"{kind:>10} {old:>9.2f} {new:>7.2f} {old / new:>5.1f}x {target:>5.1f}s {verdict}"
                f"  (ours, every run: {' '.join(f'{s:.2f}' for s in rows[kind]['ours'])})"
            )
        print(f"answers other than 200 for the edited page during ours' rebuilds: {len(ours.bad)}")


if __name__ == "__main__":
    main()
