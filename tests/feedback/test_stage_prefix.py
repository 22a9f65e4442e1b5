"""The HTTP API stage name is dropped from payload 2.0 paths, and only there."""

from __future__ import annotations

from typing import Any

import pytest

from feedback_fn.stage_prefix import StripStagePrefix


def path_seen(environ: dict[str, Any]) -> str:
    seen: list[str] = []

    def app(env: dict[str, Any], start_response: Any) -> list[bytes]:
        seen.append(env["PATH_INFO"])
        return []

    StripStagePrefix(app)(environ, None)
    return seen[0]


@pytest.mark.parametrize(
    ("version", "stage", "path", "expected"),
    [
        ("2.0", "prod", "/prod/api/feedback", "/api/feedback"),
        ("2.0", "api", "/api/api/feedback", "/api/feedback"),
        ("2.0", "$default", "/api/feedback", "/api/feedback"),
        ("2.0", "prod", "/api/feedback", "/api/feedback"),
        ("2.0", "prod", "/production/api/feedback", "/production/api/feedback"),
        # REST API (1.0) paths never carry the stage, even when they look like it.
        ("1.0", "api", "/api/feedback", "/api/feedback"),
        (None, "prod", "/prod/api/feedback", "/prod/api/feedback"),
    ],
)
def test_stage_prefix(version: str | None, stage: str, path: str, expected: str) -> None:
    event = {"version": version, "requestContext": {"stage": stage}}
    assert path_seen({"PATH_INFO": path, "serverless.event": event}) == expected


def test_requests_not_from_lambda_pass_unchanged() -> None:
    assert path_seen({"PATH_INFO": "/prod/api/feedback"}) == "/prod/api/feedback"
