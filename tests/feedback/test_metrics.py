"""What the endpoint counts, and the CloudWatch embedded-metric line it writes in Lambda."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from feedback_fn import create_app


def test_emf_line_per_event_without_submission_data(
    db_path: Path, answer: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    app = create_app({"STORE": f"sqlite:///{db_path}", "METRICS_FORMAT": "emf"})
    client = app.test_client()
    client.post("/api/feedback", json=answer)
    client.post("/api/feedback", json=answer)
    client.post("/api/feedback", json={**answer, "homepage": "spam"})
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["Event"] for line in lines] == ["stored", "duplicate", "honeypot"]
    metric = lines[0]["_aws"]["CloudWatchMetrics"][0]
    assert metric["Namespace"] == "Wegwijs/Feedback"
    assert metric["Metrics"] == [{"Name": "Submissions", "Unit": "Count"}]
    assert all(line["Submissions"] == 1 for line in lines)
    assert answer["comment"] not in json.dumps(lines) and answer["id"] not in json.dumps(lines)
    assert "feedback_counts" not in app.extensions  # nothing is kept in the process
