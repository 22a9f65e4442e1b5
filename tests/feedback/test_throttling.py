"""Throttling injected at the client: botocore's real standard-mode retries run, then 503."""

from __future__ import annotations

import json
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from botocore.awsrequest import AWSResponse

from feedback_fn import create_app
from feedback_fn.db import set_store
from wegwijs_shared.store.dynamo import DynamoStore

from .servers import make_dynamo_client

THROTTLED_BODY = json.dumps(
    {
        "__type": "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
        "message": "The level of configured provisioned throughput for the table was exceeded.",
    }
).encode()


class RawBody:
    """What botocore reads an HTTP body from."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self.body


class Throttler:
    """Answers the first `times` PutItem attempts with a throttling error, before sending."""

    def __init__(self, times: int) -> None:
        self.times = times
        self.attempts = 0

    def __call__(self, request: Any, **_: Any) -> AWSResponse | None:
        self.attempts += 1
        if self.attempts > self.times:
            return None  # let the request go to the server
        headers = {"Content-Type": "application/x-amz-json-1.0"}
        return AWSResponse(request.url, 400, headers, RawBody(THROTTLED_BODY))


@pytest.fixture
def backoff_delays(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The delays botocore's backoff computes, recorded instead of slept."""
    delays: list[float] = []
    monkeypatch.setattr("botocore.endpoint.time", types.SimpleNamespace(sleep=delays.append))
    return delays


def throttled_store(dynamo_store: DynamoStore, endpoint: str, times: int) -> tuple[Any, Throttler]:
    client = make_dynamo_client(endpoint, max_attempts=3)
    throttler = Throttler(times)
    client.meta.events.register("before-send.dynamodb.PutItem", throttler)
    return DynamoStore(dynamo_store.table, client=client), throttler


def post(store: DynamoStore, tmp_path: Path, body: dict[str, Any]) -> Any:
    app = create_app({"TESTING": True, "STORE": f"sqlite:///{tmp_path}/unused.sqlite3"})
    set_store(app, store)
    return app.test_client().post("/api/feedback", json=body)


def test_throttled_on_every_attempt_ends_in_503_and_no_record(
    dynamo_store: DynamoStore,
    dynamo_endpoint: str,
    backoff_delays: list[float],
    tmp_path: Path,
    answer: dict[str, Any],
) -> None:
    store, throttler = throttled_store(dynamo_store, dynamo_endpoint, times=99)
    response = post(store, tmp_path, answer)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    assert response.json["error"] == "unavailable"
    assert throttler.attempts == 3  # standard mode: the first try and two retries
    assert len(backoff_delays) == 2 and all(delay >= 0 for delay in backoff_delays)
    assert dynamo_store.get(answer["id"]) is None


def test_throttled_twice_then_stored_once(
    dynamo_store: DynamoStore,
    dynamo_endpoint: str,
    backoff_delays: list[float],
    tmp_path: Path,
    answer: dict[str, Any],
) -> None:
    store, throttler = throttled_store(dynamo_store, dynamo_endpoint, times=2)
    response = post(store, tmp_path, answer)
    assert response.status_code == 201
    assert throttler.attempts == 3
    assert len(backoff_delays) == 2
    assert dynamo_store.get(answer["id"]) is not None
    assert (
        len(list(dynamo_store.iter_records(since=dynamo_store.get(answer["id"]).received_at))) == 1
    )


def test_client_resend_after_503_stores_exactly_one_record(
    dynamo_store: DynamoStore,
    dynamo_endpoint: str,
    backoff_delays: list[float],
    tmp_path: Path,
    answer: dict[str, Any],
) -> None:
    store, _ = throttled_store(dynamo_store, dynamo_endpoint, times=3)
    assert post(store, tmp_path, answer).status_code == 503
    assert post(store, tmp_path, answer).status_code == 201
    assert post(store, tmp_path, answer).status_code == 200
    record = dynamo_store.get(answer["id"])
    assert record is not None
    assert [r.id for r in dynamo_store.iter_records(since=record.received_at)] == [answer["id"]]
