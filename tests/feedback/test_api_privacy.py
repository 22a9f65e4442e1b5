"""Headers, CORS and privacy: what every answer carries and what is never kept or logged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient

from feedback_fn import create_app
from wegwijs_shared.store.sqlite import SqliteStore

URL = "/api/feedback"


def test_security_headers_on_every_answer(client: FlaskClient, answer: dict[str, Any]) -> None:
    responses = [
        client.post(URL, json=answer),
        client.post(URL, json={}),
        client.get(URL),
        client.post("/api/nothing"),
        client.post(URL, data=b"x", content_type="text/plain"),
    ]
    for response in responses:
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert "default-src 'none'" in response.headers["Content-Security-Policy"]
        assert "Access-Control-Allow-Origin" not in response.headers
        assert "Set-Cookie" not in response.headers


def test_cors_only_for_configured_origins(db_path: Path, answer: dict[str, Any]) -> None:
    app = create_app(
        {"TESTING": True, "STORE": f"sqlite:///{db_path}", "CORS_ORIGINS": "https://a.example/"}
    )
    client = app.test_client()
    allowed = {"Origin": "https://a.example", "Access-Control-Request-Method": "POST"}
    preflight = client.options(URL, headers=allowed)
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://a.example"
    assert preflight.headers["Access-Control-Allow-Methods"] == "POST"
    posted = client.post(URL, json=answer, headers={"Origin": "https://a.example"})
    assert posted.headers["Access-Control-Allow-Origin"] == "https://a.example"
    assert "Origin" in posted.headers["Vary"]
    other = {"Origin": "https://b.example", "Access-Control-Request-Method": "POST"}
    assert client.options(URL, headers=other).status_code == 405
    assert "Access-Control-Allow-Origin" not in client.post(URL, json=answer, headers=other).headers


def test_without_cors_preflight_is_refused(client: FlaskClient) -> None:
    response = client.options(URL, headers={"Origin": "https://a.example"})
    assert response.status_code == 405


def test_nothing_about_the_sender_is_stored(
    client: FlaskClient, store: SqliteStore, db_path: Path, answer: dict[str, Any]
) -> None:
    client.post(
        URL,
        json=answer,
        headers={"User-Agent": "Nokia-Unique-Agent/1.0", "Cookie": "session=secret-cookie"},
        environ_base={"REMOTE_ADDR": "198.51.100.23"},
    )
    store.close()
    raw = b"".join(path.read_bytes() for path in db_path.parent.iterdir())
    for secret in (b"198.51.100.23", b"Nokia-Unique-Agent", b"secret-cookie"):
        assert secret not in raw


def test_raw_submission_is_never_logged(
    client: FlaskClient, answer: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    answer["comment"] = "geheim-0470123456"
    client.post(URL, json=answer)
    client.post(URL, json={**answer, "rating": 0})
    assert "geheim" not in caplog.text and "0470123456" not in caplog.text
    assert "feedback stored" in caplog.text
