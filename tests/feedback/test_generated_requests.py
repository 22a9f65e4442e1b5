"""Requests generated from openapi.yaml (schemathesis + hypothesis), a CI-sized run:
no 5xx, every answer as documented, every stored record valid when read back.
bench/fuzz_api.py runs the same at 10,000 requests and more."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings

from .generated_requests import Tally, cases, invalid_records, make_app, post_operation, send

OPERATION = post_operation()
QUICK = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,  # the same requests on every run: CI failures reproduce
    database=None,
    suppress_health_check=list(HealthCheck),
)


def test_generated_requests_get_documented_answers_and_store_valid_records(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    tally = Tally()

    @QUICK
    @given(case=cases(OPERATION))
    def run(case) -> None:  # type: ignore[no-untyped-def]
        send(case, app, tally)

    run()
    assert tally.server_errors == []
    assert tally.contract_breaks == []
    statuses = {status for _, status in tally.answers}
    assert {201, 303, 400, 422} <= statuses, tally.answers  # stored and refused, JSON and form
    assert invalid_records(tmp_path / "feedback.sqlite3") == []


def test_an_unavailable_store_answers_503_and_nothing_else_fails(tmp_path: Path) -> None:
    app = make_app(tmp_path, unavailable=True)
    tally = Tally()

    @settings(QUICK, max_examples=100)
    @given(case=cases(OPERATION))
    def run(case) -> None:  # type: ignore[no-untyped-def]
        send(case, app, tally, allow_503=True)

    run()
    assert tally.server_errors == [] and tally.contract_breaks == []
    assert 503 in {status for _, status in tally.answers}, tally.answers
