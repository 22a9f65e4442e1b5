"""A real headless Chromium (Debian's package, started in tests/conftest.py) against
the real site and feedback function, served together on 127.0.0.1 over HTTP."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from feedback_fn import create_app
from sitegen.serve import make_app
from wegwijs_shared.store.sqlite import SqliteStore

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "feedback.sqlite3"


class LocalServer:
    """The site and the feedback app on one port of 127.0.0.1, as `build.py serve`.

    It can be stopped and started again on the same port: the tests' way to make
    the network fail for every part of the browser, its service worker included
    (Playwright's offline switch does not reach a service worker's requests).
    """

    def __init__(self, site_dir: Path, db_path: Path) -> None:
        api = create_app({"STORE": f"sqlite:///{db_path}", "ID_SECRET": "browser-tests"})
        self.app = make_app(site_dir, api)
        self.port = 0
        self.start()
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.server = make_server("127.0.0.1", self.port, self.app, threaded=True)
        self.port = self.server.server_port
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def local_server(real_site, db_path) -> Iterator[LocalServer]:
    server = LocalServer(real_site, db_path)
    yield server
    server.stop()


@pytest.fixture
def site_url(local_server) -> str:
    return local_server.url


@pytest.fixture
def fixture_url(fixture_site, db_path) -> Iterator[str]:
    """The fixture site (tests/site/fixture) served like the real one: its Pashto and
    Arabic pages fall back to Dutch, which every language of the real site may outgrow."""
    server = LocalServer(fixture_site, db_path)
    yield server.url
    server.stop()


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


def choose_rating(page, value: int) -> None:
    page.locator(f'label:has(input[name="rating"][value="{value}"])').click()


def sent_answers(page) -> list[dict]:
    """The JSON bodies the page's script posts to the feedback function, as they leave."""
    sent: list[dict] = []

    def keep(request) -> None:
        if request.method == "POST" and request.url.endswith("/api/feedback"):
            sent.append(request.post_data_json)

    page.on("request", keep)
    return sent


def wait_for_status(page, text: str) -> None:
    """Wait until the form's status line says exactly `text` (thanks, queued...)."""
    expected = json.dumps(text)
    wait_in_page(page, f"document.querySelector('.wg-status').textContent === {expected}")


def ui_string(lang: str, key: str) -> str:
    """A UI string as the theme renders it (from theme/partials/wegwijs/strings/)."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "theme")))
    return env.get_template(f"partials/wegwijs/strings/{lang}.html").module.t(key)
