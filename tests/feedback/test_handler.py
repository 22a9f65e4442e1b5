"""The Lambda handler with real API Gateway v1 and v2 events, through serverless-wsgi."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from feedback_fn.handler import lambda_handler
from wegwijs_shared.store.sqlite import SqliteStore

EVENTS = Path(__file__).resolve().parents[1] / "events"
AR_COMMENT = "الدرس مفيد لكن الإنترنت ضعيف. اتصلوا بي على [phone]"


def load_event(name: str) -> dict[str, Any]:
    event: dict[str, Any] = json.loads((EVENTS / name).read_text(encoding="utf-8"))
    return event


@pytest.mark.parametrize("name", ["apigw_v2_form_base64_ar.json", "apigw_v1_form_base64_ar.json"])
def test_base64_arabic_form_is_stored_and_redirected(lambda_store: SqliteStore, name: str) -> None:
    response = lambda_handler(load_event(name), None)
    assert response["statusCode"] == 303
    headers = response.get("headers") or {
        key: values[0] for key, values in response["multiValueHeaders"].items()
    }
    assert headers["Location"] == "/ar/mo/#wg-sent"
    assert headers["Cache-Control"] == "no-store"
    [record] = lambda_store.iter_records()
    assert record.comment == AR_COMMENT and record.comment_masked is True
    assert (record.page, record.lang, record.channel, record.rating) == (
        "/ar/mo/",
        "ar",
        "course",
        4,
    )
    assert record.barriers == ("language", "internet")
    assert record.js is False


def test_v1_multi_value_headers_come_back_as_multi_value(lambda_store: SqliteStore) -> None:
    response = lambda_handler(load_event("apigw_v1_form_base64_ar.json"), None)
    assert response["multiValueHeaders"]["Location"] == ["/ar/mo/#wg-sent"]


def test_rest_api_stage_does_not_leak_into_the_redirect(lambda_store: SqliteStore) -> None:
    event = load_event("apigw_v1_form_nl.json")
    event.pop("multiValueHeaders")
    response = lambda_handler(event, None)
    assert response["statusCode"] == 303
    assert response["headers"]["Location"] == "/intake/#wg-sent"
    assert len(list(lambda_store.iter_records())) == 1


@pytest.mark.parametrize("strip", ["", "true"])
def test_http_api_named_stage_is_routed_and_redirects_to_the_site(
    lambda_store: SqliteStore, monkeypatch: pytest.MonkeyPatch, strip: str
) -> None:
    monkeypatch.setenv("STRIP_STAGE_PATH", strip)
    response = lambda_handler(load_event("apigw_v2_named_stage_form_nl.json"), None)
    assert response["statusCode"] == 303
    assert response["headers"]["Location"] == "/intake/#wg-sent"
    [record] = lambda_store.iter_records()
    assert record.comment == "De brief was moeilijk."


def test_json_event_gets_201_and_a_resend_200(lambda_store: SqliteStore) -> None:
    event = load_event("apigw_v2_json_en.json")
    first = lambda_handler(event, None)
    again = lambda_handler(event, None)
    assert first["statusCode"] == 201 and again["statusCode"] == 200
    assert json.loads(first["body"]) == {"id": "5d3c2b1a-0f9e-4d8c-b7a6-958473625140"}
    assert json.loads(again["body"])["duplicate"] is True
    assert first["isBase64Encoded"] is False
    assert "cookies" not in first
    assert len(list(lambda_store.iter_records())) == 1


def test_get_event_is_405(lambda_store: SqliteStore) -> None:
    response = lambda_handler(load_event("apigw_v2_get.json"), None)
    assert response["statusCode"] == 405
    assert response["headers"]["Allow"] == "POST"


def test_sender_details_from_the_event_are_not_stored(lambda_store: SqliteStore) -> None:
    lambda_handler(load_event("apigw_v2_form_base64_ar.json"), None)
    lambda_store.close()
    raw = b"".join(path.read_bytes() for path in lambda_store.path.parent.glob("lambda*"))
    for secret in (b"198.51.100.77", b"Android 10", b"wegwijs.example/ar/traject"):
        assert secret not in raw


def test_warmup_events_are_ignored(lambda_store: SqliteStore) -> None:
    assert lambda_handler({"source": "serverless-plugin-warmup"}, None) == {}
