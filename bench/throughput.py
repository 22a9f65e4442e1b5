"""Form posts per second through the Lambda handler, in process, SQLite store, one core.

Every post is a new answer (its comment differs), so each one is validated,
masked, given a derived id and inserted; the events are real API Gateway v2
events with base64 form bodies and Arabic text, as HTTP API sends them. A
minimal Flask app (form in, INSERT, 303 out) through the same serverless-wsgi
runs beside it as the reference, and a Flask view that does nothing but answer
303 as the floor: what serverless-wsgi and Flask cost before any code of ours runs.

    python bench/throughput.py [--posts 5000]

Prints posts/s for both; no assertion.
"""

from __future__ import annotations

import argparse
import base64
import copy
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EVENT = ROOT / "tests" / "events" / "apigw_v2_form_base64_ar.json"

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


def make_events(count: int, first: int = 0) -> list[dict[str, Any]]:
    template = json.loads(EVENT.read_text(encoding="utf-8"))
    events = []
    for number in range(first, first + count):
        body = urlencode(
            [
                ("page", "/ar/traject/mo/"),
                ("lang", "ar"),
                ("channel", "course"),
                ("rating", str(1 + number % 5)),
                ("barriers", "language"),
                ("barriers", "internet"),
                ("comment", f"الدرس رقم {number} مفيد، اتصلوا بي على 0470 12 34 56"),
                ("homepage", ""),
            ]
        ).encode()
        event = copy.deepcopy(template)
        event["body"] = base64.b64encode(body).decode()
        event["headers"]["content-length"] = str(len(body))
        events.append(event)
    return events


def minimal_handler(db_path: Path) -> Handler:
    """The reference: the least a Flask form endpoint on SQLite can do."""
    import serverless_wsgi
    from flask import Flask, redirect, request

    connection = sqlite3.connect(db_path, isolation_level=None)
    # The same durability settings as SqliteStore, so the comparison is of the code.
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("CREATE TABLE feedback (page, lang, channel, rating, comment)")
    app = Flask("minimal")

    @app.post("/api/feedback")
    def feedback() -> Any:
        form = request.form
        connection.execute(
            "INSERT INTO feedback VALUES (?, ?, ?, ?, ?)",
            (form["page"], form["lang"], form["channel"], int(form["rating"]), form["comment"]),
        )
        return redirect(f"/{form['lang']}/feedback/thanks/", code=303)

    return lambda event, context: serverless_wsgi.handle_request(app, event, context)


def floor_handler() -> Handler:
    """The framework alone: event to WSGI, Flask's dispatch, a 303 back; the body unread."""
    import serverless_wsgi
    from flask import Flask, redirect

    app = Flask("floor")

    @app.post("/api/feedback")
    def feedback() -> Any:
        return redirect("/ar/feedback/thanks/", code=303)

    return lambda event, context: serverless_wsgi.handle_request(app, event, context)


def ours_handler(db_path: Path) -> Handler:
    os.environ["FEEDBACK_STORE"] = f"sqlite:///{db_path}"
    # Every event comes from the same address: without this, the per-sender limit
    # (20 a minute) would answer most posts with the error page instead of storing them.
    os.environ["FEEDBACK_RATE_LIMIT_PER_MINUTE"] = "0"
    os.environ["FEEDBACK_ID_SECRET"] = "bench"
    from feedback_fn.handler import lambda_handler

    return lambda_handler


def measure(handler: Handler, events: list[dict[str, Any]]) -> float:
    """Posts per CPU second of this process: what one core does, whatever else the
    machine is running (wall-clock figures on a shared machine swing by 2x)."""
    started = time.process_time()
    for event in events:
        response = handler(event, None)
        assert response["statusCode"] == 303, response
    return len(events) / (time.process_time() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=3000, help="posts per round")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as stated
    # Every post has its own comment, so ours never sees a duplicate id.
    rounds = [make_events(args.posts, first=1 + n * args.posts) for n in range(args.rounds)]
    with tempfile.TemporaryDirectory() as tmp:
        floor_app = floor_handler()
        reference_handler = minimal_handler(Path(tmp) / "minimal.sqlite3")
        handler = ours_handler(Path(tmp) / "ours.sqlite3")
        warm = make_events(1)[0]
        for each in (floor_app, reference_handler, handler):
            each(warm, None)  # first request of each: imports, schema, not throughput
        floor, reference, ours = [], [], []
        for events in rounds:  # interleaved, so background load hits all alike
            floor.append(measure(floor_app, events))
            reference.append(measure(reference_handler, events))
            ours.append(measure(handler, events))
        stored = sqlite3.connect(Path(tmp) / "ours.sqlite3").execute(
            "SELECT count(*), sum(comment_masked) FROM feedback"
        )
        count, masked = stored.fetchone()
    rates = {
        "floor": statistics.median(floor),
        "reference": statistics.median(reference),
        "ours": statistics.median(ours),
    }
    print(
        f"Form posts through the Lambda handler, in process, one core: "
        f"median of {args.rounds} rounds of {args.posts}"
    )
    labels = {
        "floor": "floor: serverless-wsgi + Flask, empty view",
        "reference": "minimal Flask + INSERT (reference)",
        "ours": "ours (validate, mask, id, SQLite)",
    }
    for name, label in labels.items():
        rate = rates[name]
        print(
            f"{label:44}{rate:8.0f} posts/s {1e6 / rate:6.0f} us/post "
            f"({rate / rates['reference']:.2f}x the reference)"
        )
    framework = 1e6 / rates["floor"]
    print(
        f"of the reference's {1e6 / rates['reference']:.0f} us a post, {framework:.0f} us "
        f"({framework * rates['reference'] / 1e6:.0%}) is the floor; ours spends "
        f"{1e6 / rates['ours'] - framework:.0f} us above it, the reference "
        f"{1e6 / rates['reference'] - framework:.0f} us"
    )
    print(f"records stored by ours: {count} (phone number masked in {masked})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
