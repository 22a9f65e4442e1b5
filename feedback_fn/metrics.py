"""Counters of what the endpoint did (stored, duplicate, rejected, honeypot, unavailable).

Written as one log line per event (nothing is kept in the process); with
METRICS_FORMAT=emf the line is CloudWatch's embedded metric format, which
turns into a metric without any extra IAM permission or API call.
"""

from __future__ import annotations

import json
import logging
import sys
import time

from flask import current_app

logger = logging.getLogger(__name__)
NAMESPACE = "Wegwijs/Feedback"


def count(event: str) -> None:
    """Add one to `event`. Never logs anything about the submission itself."""
    if current_app.config["METRICS_FORMAT"] == "emf":
        sys.stdout.write(json.dumps(emf_line(event)) + "\n")
    else:
        logger.info("feedback %s", event)


def emf_line(event: str) -> dict[str, object]:
    return {
        "_aws": {
            "Timestamp": int(time.time() * 1000),
            "CloudWatchMetrics": [
                {
                    "Namespace": NAMESPACE,
                    "Dimensions": [["Event"]],
                    "Metrics": [{"Name": "Submissions", "Unit": "Count"}],
                }
            ],
        },
        "Event": event,
        "Submissions": 1,
    }
