"""The JSON contract of POST /api/feedback, checked against openapi.yaml and the database."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from feedback_fn.db import set_store
from wegwijs_shared.record import SCHEMA_VERSION
from wegwijs_shared.store import StoreUnavailable
from wegwijs_shared.store.sqlite import SqliteStore

Conforms = Callable[[str, TestResponse], TestResponse]
URL = "/api/feedback"


def test_stored_answer_is_201_with_its_id_and_lands_in_the_database(
    client: FlaskClient, store: SqliteStore, answer: dict[str, Any], conforms: Conforms
) -> None:
    response = conforms("post", client.post(URL, json=answer))
    assert response.status_code == 201
    assert response.json == {"id": answer["id"]}
    record = store.get(answer["id"])
    assert record is not None
    assert (record.page, record.lang, record.channel, record.rating) == (
        "/traject/inburgering/",
        "nl",
        "website",
        4,
    )
    assert record.barriers == ("difficult", "internet")
    assert (record.part, record.status, record.device) == ("intake", "mandatory", "phone")
    assert record.js is True
    assert record.schema_version == SCHEMA_VERSION
    assert (record.channel_source, record.folded) == ("reader", 0)


def test_resend_of_same_id_is_200_duplicate_and_one_record(
    client: FlaskClient, store: SqliteStore, answer: dict[str, Any], conforms: Conforms
) -> None:
    first = client.post(URL, json=answer)
    again = conforms("post", client.post(URL, json={**answer, "rating": 1}))
    assert first.status_code == 201
    assert again.status_code == 200
    assert again.json == {"id": answer["id"], "duplicate": True}
    records = list(store.iter_records())
    assert len(records) == 1 and records[0].rating == 4


def test_answer_without_id_gets_a_derived_one(
    client: FlaskClient,
    store: SqliteStore,
    answer: dict[str, Any],
    conforms: Conforms,
    clock: Any,
) -> None:
    del answer["id"]
    first = conforms("post", client.post(URL, json=answer))
    again = client.post(URL, json=answer)
    assert first.status_code == 201 and again.status_code == 200
    assert first.json["id"] == again.json["id"]
    assert [record.id for record in store.iter_records()] == [first.json["id"]]


def test_comment_is_masked_before_storage(
    client: FlaskClient, store: SqliteStore, answer: dict[str, Any]
) -> None:
    answer["comment"] = "Bel me: 0470 12 34 56 of mail naar an@example.be"
    client.post(URL, json=answer)
    record = store.get(answer["id"])
    assert record is not None
    assert record.comment == "Bel me: [phone] of mail naar [email]"
    assert record.comment_masked is True


@pytest.mark.parametrize(
    ("change", "field", "code", "lang", "message"),
    [
        ({"rating": 9}, "rating", "invalid", "nl", "Deze keuze is niet geldig: hoe makkelijk"),
        (
            {"channel": "tiktok"},
            "channel",
            "invalid",
            "en",
            "This choice is not valid: how you got",
        ),
        ({"channel_source": "qr"}, "channel_source", "invalid", "nl", "Deze keuze is niet geldig"),
        ({"comment": "x" * 1001}, "comment", "too_long", "ar", "التعليق: النص طويل جدًا"),
        ({"barriers": ["wifi"]}, "barriers", "invalid", "fr", "Ce choix n'est pas valable"),
        ({"id": "123"}, "id", "invalid", "ru", "Недопустимый выбор: номер ответа"),
        ({"page": "https://x.example/"}, "page", "invalid", "ps", "دا انتخاب سم نه دی: پاڼه"),
    ],
)
def test_invalid_field_is_422_in_the_submitters_language(
    client: FlaskClient,
    store: SqliteStore,
    answer: dict[str, Any],
    conforms: Conforms,
    change: dict[str, Any],
    field: str,
    code: str,
    lang: str,
    message: str,
) -> None:
    answer.update(change, lang=lang)
    answer = {key: value for key, value in answer.items() if value is not None}
    response = conforms("post", client.post(URL, json=answer))
    assert response.status_code == 422
    assert response.json["error"] == code and response.json["field"] == field
    assert response.json["message"].startswith(message)
    assert list(store.iter_records()) == []


def test_unknown_language_answers_in_the_browsers_language(
    client: FlaskClient, answer: dict[str, Any], conforms: Conforms
) -> None:
    answer["lang"] = "de"
    response = client.post(URL, json=answer, headers={"Accept-Language": "ar, en;q=0.5"})
    assert conforms("post", response).status_code == 422
    assert response.json["field"] == "lang"
    assert response.json["message"] == "هذا الاختيار غير صالح: اللغة."


@pytest.mark.parametrize("body", [b"{not json", b"[1, 2]", b'"text"', b"\xff\xfe"])
def test_unreadable_json_is_400(client: FlaskClient, conforms: Conforms, body: bytes) -> None:
    response = conforms("post", client.post(URL, data=body, content_type="application/json"))
    assert response.status_code == 400
    assert response.json["error"] == "malformed" and response.json["field"] is None


def test_body_above_the_limit_is_413(
    client: FlaskClient, store: SqliteStore, answer: dict[str, Any], conforms: Conforms
) -> None:
    answer["comment"] = "x" * 16_000
    response = conforms("post", client.post(URL, json=answer))
    assert response.status_code == 413
    assert response.json["error"] == "too_large"
    assert list(store.iter_records()) == []


@pytest.mark.parametrize("content_type", ["text/plain", "multipart/form-data; boundary=x", ""])
def test_other_content_types_are_415(
    client: FlaskClient, conforms: Conforms, content_type: str
) -> None:
    response = client.post(URL, data=b"rating=4", content_type=content_type)
    assert conforms("post", response).status_code == 415
    assert response.json["error"] == "unsupported_media_type"


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_other_methods_are_405_with_allow(
    client: FlaskClient, conforms: Conforms, method: str
) -> None:
    response = conforms(method, client.open(URL, method=method.upper()))
    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"
    assert response.json["error"] == "method_not_allowed"


def test_browser_visit_gets_a_small_html_page(client: FlaskClient, conforms: Conforms) -> None:
    response = client.get(URL, headers={"Accept": "text/html", "Accept-Language": "ar"})
    assert conforms("get", response).status_code == 405
    assert '<html lang="ar" dir="rtl">' in response.text
    assert "يرجى استخدام النموذج" in response.text


@pytest.mark.parametrize(
    ("accepted", "lang"), [("fa-AF", "prs"), ("fa-IR", "fa"), ("ku-IQ,en;q=0.5", "ckb")]
)
def test_a_browser_set_to_dari_or_sorani_gets_its_language(
    client: FlaskClient, accepted: str, lang: str
) -> None:
    """Browsers name Dari fa-AF and Sorani ku-IQ, never prs or ckb: fa-AF got Persian."""
    response = client.get(URL, headers={"Accept": "text/html", "Accept-Language": accepted})
    assert f'<html lang="{lang}" dir="rtl">' in response.text


def test_app_answers_nothing_outside_api(client: FlaskClient) -> None:
    for path in ("/", "/feedback", "/api/", "/api/other"):
        response = client.post(path, json={})
        assert response.status_code == 404
        assert response.json["error"] == "not_found"


def test_locked_database_is_503_with_retry_after_and_no_record(
    client: FlaskClient,
    store: SqliteStore,
    db_path: Path,
    answer: dict[str, Any],
    conforms: Conforms,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("wegwijs_shared.store.sqlite.BUSY_TIMEOUT_MS", 50)
    store.create_schema()
    store.close()  # reconnect with the short busy timeout
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        response = conforms("post", client.post(URL, json=answer))
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    assert response.json["error"] == "unavailable"
    assert list(store.iter_records()) == []
    # The client resends the same id later and it is stored once.
    assert client.post(URL, json=answer).status_code == 201


class BrokenStore(SqliteStore):
    def put(self, record: Any) -> bool:
        raise KeyError("a bug, not an outage")


def test_unexpected_error_never_shows_a_traceback(
    app: Flask, client: FlaskClient, tmp_path: Path, answer: dict[str, Any], conforms: Conforms
) -> None:
    set_store(app, BrokenStore(tmp_path / "broken.sqlite3"))
    response = conforms("post", client.post(URL, json=answer))
    assert response.status_code == 503
    assert "Traceback" not in response.text and "KeyError" not in response.text
    assert response.headers["Retry-After"] == "5"


class DownStore(SqliteStore):
    def put(self, record: Any) -> bool:
        raise StoreUnavailable("down")


def test_unavailable_store_is_503(
    app: Flask,
    client: FlaskClient,
    tmp_path: Path,
    answer: dict[str, Any],
    conforms: Conforms,
    caplog: pytest.LogCaptureFixture,
) -> None:
    set_store(app, DownStore(tmp_path / "down.sqlite3"))
    with caplog.at_level("INFO", logger="feedback_fn.metrics"):
        response = conforms("post", client.post(URL, json=answer))
    assert response.status_code == 503
    assert caplog.messages == ["feedback unavailable"]


def test_honeypot_answers_as_stored_and_stores_nothing(
    client: FlaskClient,
    store: SqliteStore,
    answer: dict[str, Any],
    conforms: Conforms,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level("INFO", logger="feedback_fn.metrics"):
        response = conforms("post", client.post(URL, json={**answer, "homepage": "http://spam"}))
    assert response.status_code == 201 and response.json == {"id": answer["id"]}
    assert list(store.iter_records()) == []
    assert caplog.messages == ["feedback honeypot"]


def test_json_body_keys_are_reported_as_documented(client: FlaskClient) -> None:
    response = client.post(URL, data=json.dumps({}), content_type="application/json")
    assert set(response.json) == {"error", "field", "message"}


def test_numeric_secret_from_the_environment_is_used_as_text(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from feedback_fn import create_app

    monkeypatch.setenv("FEEDBACK_ID_SECRET", "12345")
    monkeypatch.setenv("FEEDBACK_CORS_ORIGINS", "https://a.example, https://b.example/")
    app = create_app({"STORE": f"sqlite:///{db_path}"})
    assert app.config["ID_SECRET"] == b"12345"
    assert app.config["CORS_ORIGINS"] == ["https://a.example", "https://b.example"]
