"""Per-sender rate limiting: a keyed hash per minute, never the address; 429 + Retry-After."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from feedback_fn import create_app
from feedback_fn.rate_limit import RateLimiter

URL = "/api/feedback"


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_limit_per_sender_per_window() -> None:
    clock = Clock(6_000_000.0)  # the start of a minute
    limiter = RateLimiter(b"secret", limit=2, window_seconds=60, clock=clock)
    assert [limiter.check("192.0.2.1") for _ in range(2)] == [0, 0]
    clock.now += 15
    assert limiter.check("192.0.2.1") == 45  # seconds until the next minute
    assert limiter.check("198.51.100.7") == 0  # another sender has its own count
    clock.now += 45
    assert limiter.check("192.0.2.1") == 0  # a new minute, a new count


def test_senders_are_known_only_by_a_key_that_rotates() -> None:
    clock = Clock(6_000_000.0)
    limiter = RateLimiter(b"secret", limit=5, clock=clock)
    limiter.check("192.0.2.1")
    [first] = limiter._counts
    assert b"192.0.2.1" not in first and "192.0.2.1" not in first.hex()
    clock.now += 60
    limiter.check("192.0.2.1")
    [second] = limiter._counts  # the old minute's counters are gone
    assert second != first


def test_json_over_the_limit_gets_429_and_nothing_is_stored(
    db_path: Path, answer: dict[str, Any], conforms
) -> None:
    app = create_app({"TESTING": True, "STORE": f"sqlite:///{db_path}", "RATE_LIMIT_PER_MINUTE": 2})
    client = app.test_client()
    statuses = []
    for _ in range(3):
        response = conforms("post", client.post(URL, json={**answer, "id": str(uuid.uuid4())}))
        statuses.append(response.status_code)
    assert statuses == [201, 201, 429]
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert response.json == {
        "error": "rate_limited",
        "field": None,
        "message": "Je stuurde te veel antwoorden na elkaar. Wacht een minuut en probeer opnieuw.",
    }
    with app.app_context():
        from feedback_fn.db import get_store

        assert len(list(get_store().iter_records())) == 2


def test_form_over_the_limit_goes_to_the_error_page_in_its_language(
    db_path: Path, form_answer: dict[str, Any]
) -> None:
    app = create_app({"TESTING": True, "STORE": f"sqlite:///{db_path}", "RATE_LIMIT_PER_MINUTE": 1})
    client = app.test_client()
    assert client.post(URL, data=form_answer).headers["Location"].endswith("#wg-sent")
    response = client.post(URL, data={**form_answer, "rating": "2"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/ar/feedback/error/?reason=rate_limited"
    assert response.headers["Retry-After"].isdigit()


def test_zero_turns_the_limit_off(db_path: Path, answer: dict[str, Any]) -> None:
    app = create_app({"TESTING": True, "STORE": f"sqlite:///{db_path}", "RATE_LIMIT_PER_MINUTE": 0})
    client = app.test_client()
    codes = {
        client.post(URL, json={**answer, "id": str(uuid.uuid4())}).status_code for _ in range(30)
    }
    assert codes == {201}
