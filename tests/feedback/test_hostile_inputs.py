"""The hostile-input corpus (tests/data/hostile_inputs.jsonl), each entry with its outcome,
run against the real app (Flask's test client) and through the Lambda handler.

An entry is one request: `json` (an object, sent with \\u escapes), `text` (a body as
written), `base64` (raw bytes) or `form` (name/value pairs, percent-encoded unless
`raw_values`); `repeat` expands placeholders into long runs ("@E@": ["😀", 1000]).
`expect` gives the status, for refusals the error and field (JSON) or the redirect
(forms), whether a record was stored, and what the stored record holds.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from flask import Flask

from feedback_fn import create_app
from feedback_fn.handler import get_app, lambda_handler
from wegwijs_shared.pages import PAGE_LIST_NAME, dump_page_list
from wegwijs_shared.record import FeedbackRecord
from wegwijs_shared.store.sqlite import SqliteStore

CORPUS = Path(__file__).resolve().parents[1] / "data" / "hostile_inputs.jsonl"
ENTRIES = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
PAGES = ["/", "/mo/", "/ar/", "/ar/mo/", "/ar/feedback/thanks/", "/ar/feedback/error/"]
FORM = "application/x-www-form-urlencoded"


def expand(value: Any, repeat: dict[str, list[Any]]) -> Any:
    if isinstance(value, str):
        for marker, (unit, times) in repeat.items():
            value = value.replace(marker, unit * times)
        return value
    if isinstance(value, list):
        return [expand(item, repeat) for item in value]
    if isinstance(value, dict):
        return {key: expand(item, repeat) for key, item in value.items()}
    return value


def request_of(entry: dict[str, Any]) -> tuple[bytes, str]:
    """The body bytes and Content-Type of an entry."""
    repeat = entry.get("repeat", {})
    if "json" in entry:
        body = json.dumps(expand(entry["json"], repeat)).encode()
    elif "text" in entry:
        body = expand(entry["text"], repeat).encode("utf-8")
    elif "base64" in entry:
        body = base64.b64decode(entry["base64"])
    else:
        pairs = [tuple(pair) for pair in expand(entry["form"], repeat)]
        if entry.get("raw_values"):
            body = "&".join(f"{name}={value}" for name, value in pairs).encode("utf-8")
        else:
            body = urlencode(pairs).encode()
        return body, entry.get("content_type", FORM)
    return body, entry.get("content_type", "application/json")


def sender(entry: dict[str, Any]) -> str:
    """One address per entry: the corpus is not a flood from one sender."""
    return f"198.51.100.{ENTRIES.index(entry) + 1}"


def v2_event(body: bytes, content_type: str, address: str) -> dict[str, Any]:
    """An HTTP API (payload 2.0) event, shaped like tests/events/apigw_v2_*.json."""
    return {
        "version": "2.0",
        "routeKey": "ANY /api/feedback",
        "rawPath": "/api/feedback",
        "rawQueryString": "",
        "headers": {"content-type": content_type, "host": "wegwijs.example"},
        "requestContext": {
            "http": {"method": "POST", "path": "/api/feedback", "sourceIp": address},
            "stage": "$default",
        },
        "body": base64.b64encode(body).decode(),
        "isBase64Encoded": True,
    }


class Stored:
    """A store shared by the module's tests; `new()` gives the records added since last asked."""

    def __init__(self, path: Path) -> None:
        self.store = SqliteStore(path)
        self.seen: set[str] = set()

    def new(self) -> list[FeedbackRecord]:
        records = [r for r in self.store.iter_records() if r.id not in self.seen]
        self.seen.update(record.id for record in records)
        return records


@pytest.fixture(scope="module")
def pages_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("site") / PAGE_LIST_NAME
    path.write_text(dump_page_list(PAGES), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def app_and_store(
    tmp_path_factory: pytest.TempPathFactory, pages_file: Path
) -> tuple[Flask, Stored]:
    path = tmp_path_factory.mktemp("app") / "feedback.sqlite3"
    app = create_app(
        {"STORE": f"sqlite:///{path}", "ID_SECRET": "hostile", "PAGES_FILE": str(pages_file)}
    )
    return app, Stored(path)


@pytest.fixture(scope="module")
def lambda_store(tmp_path_factory: pytest.TempPathFactory, pages_file: Path) -> Iterator[Stored]:
    """The handler's app, configured the Lambda way (environment), on a store of its own."""
    path = tmp_path_factory.mktemp("lambda") / "feedback.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FEEDBACK_STORE", f"sqlite:///{path}")
        patch.setenv("FEEDBACK_ID_SECRET", "hostile")
        patch.setenv("FEEDBACK_PAGES_FILE", str(pages_file))
        get_app.cache_clear()
        get_app()
        yield Stored(path)
    get_app.cache_clear()


def outcome_of_app(entry: dict[str, Any], app: Flask) -> dict[str, Any]:
    body, content_type = request_of(entry)
    response = app.test_client().post(
        "/api/feedback",
        data=body,
        content_type=content_type,
        environ_base={"REMOTE_ADDR": sender(entry)},
    )
    headers = {name.lower(): value for name, value in response.headers.items()}
    return {"status": response.status_code, "headers": headers, "body": response.get_data()}


def outcome_of_lambda(entry: dict[str, Any]) -> dict[str, Any]:
    body, content_type = request_of(entry)
    response = lambda_handler(v2_event(body, content_type, sender(entry)), None)
    headers = {name.lower(): value for name, value in response.get("headers", {}).items()}
    data = response.get("body", "")
    raw = base64.b64decode(data) if response.get("isBase64Encoded") else data.encode()
    return {"status": response["statusCode"], "headers": headers, "body": raw}


def check(entry: dict[str, Any], outcome: dict[str, Any], records: list[FeedbackRecord]) -> None:
    expect = expand(entry["expect"], entry.get("repeat", {}))
    assert outcome["status"] == expect["status"], outcome["body"][:300]
    if "location" in expect:
        assert outcome["headers"]["location"] == expect["location"]
    if "error" in expect:
        answer = json.loads(outcome["body"])
        assert (answer["error"], answer["field"]) == (expect["error"], expect["field"])
        assert answer["message"]
    assert outcome["headers"]["cache-control"] == "no-store"
    assert len(records) == (1 if expect["stored"] else 0)
    for name, value in expect.get("fields", {}).items():
        stored = getattr(records[0], name)
        assert (list(stored) if name == "barriers" else stored) == value, name
    for text in entry.get("excludes", []):
        assert text not in json.dumps(dataclasses.asdict(records[0]), default=str)


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry["name"] for entry in ENTRIES])
def test_app(
    entry: dict[str, Any],
    app_and_store: tuple[Flask, Stored],
    caplog: pytest.LogCaptureFixture,
) -> None:
    app, stored = app_and_store
    outcome = outcome_of_app(entry, app)
    check(entry, outcome, stored.new())
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], "a traceback was logged"


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry["name"] for entry in ENTRIES])
def test_lambda_handler(
    entry: dict[str, Any], lambda_store: Stored, caplog: pytest.LogCaptureFixture
) -> None:
    outcome = outcome_of_lambda(entry)
    check(entry, outcome, lambda_store.new())
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], "a traceback was logged"


def test_the_corpus_covers_what_the_issue_names() -> None:
    names = " ".join(entry["name"] for entry in ENTRIES)
    for kind in (
        "surrogate", "3000-deep", "duplicate key", "control characters", "bidi override",
        "HTML", "CSV formula", "as array", "as number", "5000 digits", "traversal",
        "300 characters", "another site", "1000 emoji", "form:",
    ):  # fmt: skip
        assert kind in names, kind
    assert len(ENTRIES) >= 100
    assert all(set(entry["expect"]) >= {"status", "stored"} for entry in ENTRIES)
