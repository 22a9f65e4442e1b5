"""Malformed Lambda events: every one is answered 400 with a JSON body, none raises.

Each case is a real sample event from tests/events/ with one thing broken, as a
misconfigured integration, a test console or a hostile caller could send it.
"""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from feedback_fn.events import event_problem
from feedback_fn.handler import lambda_handler
from wegwijs_shared.store.sqlite import SqliteStore

EVENTS = Path(__file__).resolve().parents[1] / "events"
SAMPLES = sorted(path.name for path in EVENTS.glob("*.json"))


def sample(name: str) -> dict[str, Any]:
    event: dict[str, Any] = json.loads((EVENTS / name).read_text(encoding="utf-8"))
    return event


def broken(name: str, change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    event = copy.deepcopy(sample(name))
    change(event)
    return event


V2_FORM = "apigw_v2_form_base64_ar.json"
V2_JSON = "apigw_v2_json_en.json"
V1_FORM = "apigw_v1_form_nl.json"
V1_BASE64 = "apigw_v1_form_base64_ar.json"

MALFORMED: dict[str, Any] = {
    "invalid base64 with isBase64Encoded": broken(V2_FORM, lambda e: e.update(body="%%%not-b64")),
    "base64 with a bad length": broken(V1_BASE64, lambda e: e.update(body=e["body"][:-3])),
    "empty object": {},
    "null": None,
    "array": [],
    "string": "POST /api/feedback",
    "v2 without headers": broken(V2_JSON, lambda e: e.pop("headers")),
    "v2 with null headers": broken(V2_JSON, lambda e: e.update(headers=None)),
    "v2 with a number as header value": broken(
        V2_JSON, lambda e: e["headers"].update({"content-length": 186})
    ),
    "v2 without rawPath": broken(V2_JSON, lambda e: e.pop("rawPath")),
    "v2 with null requestContext": broken(V2_JSON, lambda e: e.update(requestContext=None)),
    "v2 without requestContext.http": broken(V2_FORM, lambda e: e["requestContext"].pop("http")),
    "v2 with cookies as a string": broken(V2_JSON, lambda e: e.update(cookies="a=b")),
    "v2 with body as an object": broken(V2_JSON, lambda e: e.update(body=json.loads(e["body"]))),
    "v1 without httpMethod": broken(V1_FORM, lambda e: e.pop("httpMethod")),
    "v1 without path": broken(V1_FORM, lambda e: e.pop("path")),
    "v1 with null requestContext": broken(V1_FORM, lambda e: e.update(requestContext=None)),
    "v1 with null requestContext.identity": broken(
        V1_FORM, lambda e: e["requestContext"].update(identity=None)
    ),
    "v1 without any headers": broken(
        V1_FORM, lambda e: (e.pop("headers"), e.pop("multiValueHeaders"))
    ),
    "v1 with a string in multiValueHeaders": broken(
        V1_FORM, lambda e: e["multiValueHeaders"].update({"Content-Type": "text/plain"})
    ),
    "v1 with body as a number": broken(V1_FORM, lambda e: e.update(body=12)),
    "isBase64Encoded not a boolean": broken(V2_FORM, lambda e: e.update(isBase64Encoded="yes")),
    "unknown payload version": broken(V2_JSON, lambda e: e.update(version="3.0")),
}


def answer_headers(response: dict[str, Any]) -> dict[str, str]:
    if "multiValueHeaders" in response:
        return {name: values[0] for name, values in response["multiValueHeaders"].items()}
    headers: dict[str, str] = response["headers"]
    return headers


@pytest.mark.parametrize("case", list(MALFORMED))
def test_malformed_event_is_answered_400_and_stores_nothing(
    lambda_store: SqliteStore, case: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        response = lambda_handler(copy.deepcopy(MALFORMED[case]), None)
    assert response["statusCode"] == 400
    assert response["isBase64Encoded"] is False
    body = json.loads(response["body"])
    assert body["error"] == "malformed" and body["field"] is None and body["message"]
    headers = answer_headers(response)
    assert headers["Content-Type"] == "application/json"
    assert headers["Cache-Control"] == "no-store"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert "unreadable event" in caplog.text and "Traceback" not in caplog.text
    assert list(lambda_store.iter_records()) == []


def test_the_message_is_in_the_language_the_browser_asks_for(lambda_store: SqliteStore) -> None:
    event = broken(V2_FORM, lambda e: e.update(body="%%%"))
    event["headers"]["accept-language"] = "ar,en;q=0.5"
    assert json.loads(lambda_handler(event, None)["body"])["message"].startswith("تعذّرت")
    event["headers"]["accept-language"] = "de"
    assert "niet lezen" in json.loads(lambda_handler(event, None)["body"])["message"]


def test_a_rest_api_event_gets_its_headers_back_in_its_own_shape(
    lambda_store: SqliteStore,
) -> None:
    response = lambda_handler(MALFORMED["v1 with body as a number"], None)
    assert response["multiValueHeaders"]["Content-Type"] == ["application/json"]


def test_what_the_checks_let_through_but_serverless_wsgi_cannot_read_is_400(
    lambda_store: SqliteStore,
) -> None:
    # A Lambda (non-proxy) integration event: shaped like none of ours; serverless-wsgi
    # takes it for its own integration format and fails on `path`.
    event = {"requestPath": "/api/feedback", "httpMethod": "POST", "path": "/api/feedback"}
    event["headers"] = {"Content-Type": "application/json"}  # type: ignore[assignment]
    assert event_problem(event) is None
    assert lambda_handler(event, None)["statusCode"] == 400


@pytest.mark.parametrize("name", SAMPLES)
def test_every_real_sample_event_is_readable(name: str) -> None:
    assert event_problem(sample(name)) is None


def test_warmup_events_still_pass(lambda_store: SqliteStore) -> None:
    assert event_problem({"source": "aws.events"}) is None
    assert lambda_handler({"source": "aws.events"}, None) == {}
