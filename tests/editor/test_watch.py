"""build.py serve --watch: a saved page is rebuilt and served; the build's own output is not."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from hooks.live_reload import BUILD_ID, SCRIPT, SCRIPT_FILE, SCRIPT_TAG
from sitegen.site_address import ENVIRONMENT
from sitegen.watch import Watcher
from tests.site.conftest import ROOT


def wait_for(condition, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_watcher_rebuilds_once_per_change_and_ignores_the_output(project, tmp_path):
    calls: list[float] = []
    done = threading.Event()

    def rebuild(changes):
        calls.append(changes)
        done.set()

    site_dir = project.root / "site"
    (site_dir / "mo").mkdir(parents=True)
    watcher = Watcher(project.config, project.content, site_dir, rebuild, quiet=0.2).start()
    try:
        time.sleep(0.3)
        (site_dir / "mo" / "index.html").write_text("built", encoding="utf-8")
        (project.root / "README.md").write_text("notes", encoding="utf-8")
        time.sleep(0.8)
        assert calls == []
        for text in ("Een.", "Twee."):  # two saves in a row: one rebuild
            project.write("nl/kosten.md", project.page("nl/kosten.md").read_text() + text)
        assert done.wait(10)
        time.sleep(0.6)
        assert calls == [{project.page("nl/kosten.md").resolve()}]
        done.clear()
        project.languages.write_text(project.languages.read_text() + "\n", encoding="utf-8")
        assert done.wait(10)
    finally:
        watcher.stop()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


@pytest.mark.browser
def test_serve_watch_rebuilds_and_the_open_page_reloads(project, tmp_path, browser):
    site_dir = tmp_path / "site"
    port = free_port()
    command = [sys.executable, str(ROOT / "build.py"), "serve", *project.options()]
    command += ["--site-dir", str(site_dir), "--watch", "--port", str(port)]
    environment = {name: value for name, value in os.environ.items() if name != ENVIRONMENT}
    server = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environment
    )
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(server.stdout), daemon=True).start()
    try:
        url, build_id = f"http://127.0.0.1:{port}/kosten/", f"http://127.0.0.1:{port}/{BUILD_ID}"
        assert wait_for(lambda: "alleen in het Nederlands" in fetch(url), 60)
        # Pages built by the watcher carry the reload script; it polls the build id.
        assert SCRIPT_TAG in fetch(url)
        assert fetch(f"http://127.0.0.1:{port}/{SCRIPT_FILE}") == SCRIPT
        # The preview's links lead to this server, not to the default port.
        assert f'<link rel="canonical" href="{url}">' in fetch(url)
        first = fetch(build_id)
        assert first
        with contextlib.closing(browser.new_page()) as page:
            page.goto(url)
            page.get_by_text("alleen in het Nederlands").wait_for()
            time.sleep(1.5)  # the script has read the first build id
            source = project.page("nl/kosten.md")
            source.write_text(source.read_text().replace("alleen in", "enkel in"), "utf-8")
            # Nobody touches the browser: the page reloads itself after the rebuild.
            page.get_by_text("enkel in het Nederlands").wait_for(timeout=60_000)
        assert fetch(build_id) not in ("", first)
        assert wait_for(lambda: any("open pages reload themselves" in x for x in lines), 30)
    finally:
        server.terminate()
        server.wait(timeout=10)
