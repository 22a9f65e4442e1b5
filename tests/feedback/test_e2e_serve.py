"""End to end over real HTTP: `build.py serve` with the real site and the feedback app."""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest

from wegwijs_shared.store.sqlite import SqliteStore

from .servers import ROOT, free_port, wait_for_port

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def served(real_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    """`build.py serve --no-build` on a free port; yields (port, SQLite file)."""
    db = tmp_path_factory.mktemp("e2e-db") / "feedback.sqlite3"
    port = free_port()
    command = [
        sys.executable, "build.py", "serve", "--no-build", "--site-dir", str(real_site),
        "--port", str(port), "--store", f"sqlite:///{db}",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for_port(port, process)
        yield port, db
    finally:
        process.terminate()
        process.wait(timeout=10)


def request(
    port: int, method: str, path: str, body: bytes = b"", **headers: str
) -> tuple[http.client.HTTPResponse, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(method, path, body=body or None, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response, data


def test_form_post_goes_back_to_the_arabic_page_which_says_thank_you_and_is_stored(
    served: tuple[int, Path],
) -> None:
    port, db = served
    form = urlencode(
        [
            ("page", "/ar/mo/"),
            ("lang", "ar"),
            ("channel", "website"),
            ("rating", "5"),
            ("barriers", "internet"),
            ("comment", "واضح جدا، شكرا. هاتفي 0470 12 34 56"),
            ("homepage", ""),
        ]
    ).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    response, _ = request(port, "POST", "/api/feedback", form, **headers)
    assert response.status == 303
    location = response.getheader("Location")
    assert location == "/ar/mo/#wg-sent"
    page, html = request(port, "GET", location.partition("#")[0])  # browsers keep the mark
    assert page.status == 200
    assert '<html lang="ar" dir="rtl"' in html.decode("utf-8")
    assert 'id="wg-sent"' in html.decode("utf-8")
    [record] = SqliteStore(db).iter_records()
    assert (record.page, record.lang, record.rating) == ("/ar/mo/", "ar", 5)
    assert record.comment == "واضح جدا، شكرا. هاتفي [phone]"


def test_dutch_form_goes_to_the_dutch_pages(served: tuple[int, Path]) -> None:
    port, _ = served
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    good = urlencode({"page": "/", "lang": "nl", "channel": "letter", "rating": "3"}).encode()
    response, _ = request(port, "POST", "/api/feedback", good, **headers)
    assert response.getheader("Location") == "/#wg-sent"
    thanks, body = request(port, "GET", "/feedback/thanks/")  # linked from the page
    assert thanks.status == 200 and ">Bedankt</h1>" in body.decode()
    bad = urlencode({"page": "/", "lang": "nl", "channel": "letter", "rating": "9"}).encode()
    response, _ = request(port, "POST", "/api/feedback", bad, **headers)
    assert response.getheader("Location") == "/feedback/error/?reason=invalid&field=rating"
    error, body = request(port, "GET", "/feedback/error/?reason=invalid&field=rating")
    assert error.status == 200 and ">Niet verstuurd</h1>" in body.decode()


def test_json_post_and_resend_over_http(served: tuple[int, Path]) -> None:
    port, _ = served
    body = json.dumps(
        {
            "id": "7a1c6f0e-3b2d-4c5e-8f9a-0b1c2d3e4f50",
            "page": "/en/",
            "lang": "en",
            "channel": "sms",
            "rating": 2,
        }
    ).encode()
    first, data = request(
        port, "POST", "/api/feedback", body, **{"Content-Type": "application/json"}
    )
    again, _ = request(port, "POST", "/api/feedback", body, **{"Content-Type": "application/json"})
    assert (first.status, again.status) == (201, 200)
    assert json.loads(data) == {"id": "7a1c6f0e-3b2d-4c5e-8f9a-0b1c2d3e4f50"}
    assert first.getheader("Cache-Control") == "no-store"


def test_other_api_paths_and_methods_are_answered_by_the_app(served: tuple[int, Path]) -> None:
    port, _ = served
    response, _ = request(port, "GET", "/api/feedback", **{"Accept": "application/json"})
    assert response.status == 405 and response.getheader("Allow") == "POST"
    response, data = request(
        port, "POST", "/api/unknown", b"{}", **{"Content-Type": "application/json"}
    )
    assert response.status == 404 and json.loads(data)["error"] == "not_found"
