"""A real headless Chromium (Debian's package) against the real site and feedback
function, served together on 127.0.0.1 over HTTP as `build.py serve` does."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from feedback_fn import create_app
from feedback_fn.store.sqlite import SqliteStore
from sitegen.serve import make_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
# As root, in a sandbox, on a machine without outside network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            "Debian's chromium is missing: run scripts/install-test-tools.sh (make test does)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "feedback.sqlite3"


@pytest.fixture
def site_url(real_site, db_path) -> Iterator[str]:
    """The built site and the feedback app on one free port; yields the base URL."""
    api = create_app({"STORE": f"sqlite:///{db_path}", "ID_SECRET": "browser-tests"})
    server = make_server("127.0.0.1", 0, make_app(real_site, api), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture
def records(db_path):
    """Reads what landed in the SQLite file, as the analysts' exports would."""

    def read() -> list:
        if not db_path.exists():
            return []
        store = SqliteStore(db_path)
        try:
            return list(store.iter_records())
        finally:
            store.close()

    return read


@pytest.fixture
def context(browser):
    """A fresh browser profile (its own storage and service workers) per test."""
    made = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-BE")
    yield made
    made.close()


@pytest.fixture
def nojs_context(browser):
    made = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    yield made
    made.close()


def wait_in_page(page, expression: str, seconds: float = 10.0) -> None:
    """Poll a JavaScript expression through page.evaluate until it is truthy.

    Playwright's wait_for_function compiles the expression inside the page,
    which the site's Content-Security-Policy (no 'unsafe-eval') may refuse.
    """
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"not true within {seconds} s: {expression}")
        time.sleep(0.05)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
