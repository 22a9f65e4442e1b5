"""Fixtures for the feedback function: a real app on a temporary SQLite file, and the
DynamoDB-compatible servers (moto's and dynalite) started on free 127.0.0.1 ports."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse
from werkzeug.test import TestResponse

from feedback_fn import create_app
from feedback_fn.bundle import stage
from feedback_fn.db import get_store
from wegwijs_shared.languages import load_languages
from wegwijs_shared.pages import PAGE_LIST_NAME, dump_page_list
from wegwijs_shared.store.sqlite import SqliteStore

from .samples import Clock
from .servers import (
    DUMMY_CREDENTIALS,
    ROOT,
    make_dynamo_client,
    node_tool,
)

OPENAPI_FILE = ROOT / "feedback_fn" / "openapi.yaml"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "var" / "feedback.sqlite3"


@pytest.fixture
def app(db_path: Path) -> Flask:
    return create_app({"TESTING": True, "STORE": f"sqlite:///{db_path}", "ID_SECRET": "test"})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def store(app: Flask) -> SqliteStore:
    """The app's own store (the same SQLite file the requests write to)."""
    with app.app_context():
        sqlite_store = get_store()
    assert isinstance(sqlite_store, SqliteStore)
    return sqlite_store


@pytest.fixture
def answer() -> dict[str, Any]:
    """A complete, valid JSON submission."""
    return {
        "id": "0b6f1f7e-8f5a-4b8e-9a51-4d1f0c1b2a3c",
        "page": "/traject/inburgering/",
        "lang": "nl",
        "channel": "website",
        "rating": 4,
        "barriers": ["internet", "difficult"],
        "comment": "Duidelijk, maar lang.",
        "part": "intake",
        "status": "mandatory",
        "device": "phone",
    }


@pytest.fixture
def form_answer() -> dict[str, Any]:
    """The same answer as the plain HTML form sends it (no id, strings, repeated barriers)."""
    return {
        "page": "/ar/traject/inburgering/",
        "lang": "ar",
        "channel": "counter",
        "rating": "5",
        "barriers": ["language", "alone"],
        "comment": "شكرا جزيلا، المعلومات واضحة",
        "part": "mo",
        "status": "",
        "device": "phone",
        "homepage": "",
    }


@pytest.fixture(scope="session")
def openapi() -> OpenAPI:
    return OpenAPI.from_file_path(str(OPENAPI_FILE))


@pytest.fixture
def conforms(openapi: OpenAPI) -> Callable[[str, TestResponse], TestResponse]:
    """Check a response against openapi.yaml (status, headers, body schema); returns it."""

    def check(method: str, response: TestResponse) -> TestResponse:
        request = MockRequest("http://localhost", method.lower(), "/api/feedback")
        openapi.validate_response(
            request,
            MockResponse(
                response.get_data(),
                status_code=response.status_code,
                headers=dict(response.headers),
                content_type=response.mimetype or "application/json",
            ),
        )
        return response

    return check


@pytest.fixture
def dynamo_client(dynamo_endpoint: str) -> Any:
    return make_dynamo_client(dynamo_endpoint)


@pytest.fixture
def dynamo_store(dynamo_client: Any) -> Any:
    """A DynamoStore on a fresh table of its own (the servers live for the whole session)."""
    import uuid

    from wegwijs_shared.store.dynamo import DynamoStore

    store = DynamoStore(f"feedback-{uuid.uuid4().hex[:12]}", client=dynamo_client)
    store.create_schema()
    return store


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fixed = Clock()
    monkeypatch.setattr("feedback_fn.api.utc_now", fixed)
    return fixed


# Every language has every page (missing translations fall back to Dutch): home and MO.
PACKAGED_PAGES = ("", "mo/")


@pytest.fixture(scope="session")
def packaged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The staged stack after `osls package` (no AWS call; dummy credentials).

    .serverless/ holds the CloudFormation template and the Lambda zip; shared by the
    function's packaging tests and the site's stack tests, so it is made once.
    """
    osls = node_tool("osls")
    if not (ROOT / "node_modules" / "serverless-wsgi" / "index.js").exists():
        pytest.fail("the serverless-wsgi plugin is not installed: run `make install-test`")
    # The page list a build writes (site/pages.json), with the page of the sample event.
    pages = tmp_path_factory.mktemp("site") / PAGE_LIST_NAME
    paths = [f"/{lang.prefix}{page}" for lang in load_languages() for page in PACKAGED_PAGES]
    pages.write_text(dump_page_list(paths), encoding="utf-8")
    out = stage(tmp_path_factory.mktemp("lambda") / "stage", pages)
    assert (out / "node_modules").resolve() == (ROOT / "node_modules").resolve()
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(out),
        "SLS_TELEMETRY_DISABLED": "1",
        "SLS_NOTIFICATIONS_MODE": "off",
        "FEEDBACK_ID_SECRET": "packaging-test",
        **DUMMY_CREDENTIALS,
    }
    result = subprocess.run(
        [str(osls), "package", "--stage", "test", "--region", "eu-west-1"],
        cwd=out,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def template(packaged: Path) -> dict[str, Any]:
    path = packaged / ".serverless" / "cloudformation-template-update-stack.json"
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="session")
def resources(template: dict[str, Any]) -> dict[str, Any]:
    loaded: dict[str, Any] = template["Resources"]
    return loaded


@pytest.fixture
def lambda_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SqliteStore]:
    """The store the handler's app writes to: configured the Lambda way, by environment."""
    from feedback_fn.handler import get_app

    path = tmp_path / "lambda.sqlite3"
    monkeypatch.setenv("FEEDBACK_STORE", f"sqlite:///{path}")
    monkeypatch.setenv("FEEDBACK_ID_SECRET", "lambda-test")
    get_app.cache_clear()
    yield SqliteStore(path)
    get_app.cache_clear()
