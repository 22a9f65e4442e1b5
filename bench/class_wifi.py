"""A class on one wifi, over real HTTP: how many answers are stored, folded and refused.

    .venv/bin/python bench/class_wifi.py [--students 40] [--seconds 120] [--runs 3]

Each student is a thread that answers the same page once, at a random moment of
the lesson; a fifth double-tap (a second post within 2 s), some resubmit after a
slow answer. All come from 127.0.0.1, as a class behind one address does. The
feedback app runs in a threaded WSGI server on a free port with a fresh SQLite
file, with its production defaults (rate limit, fold window). The lesson runs
with and without JavaScript, alternately, --runs times; each line prints what
the store holds afterwards. `--seconds` squeezes the lesson (120 is real time).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from werkzeug.serving import WSGIRequestHandler, make_server  # noqa: E402

from feedback_fn import create_app  # noqa: E402
from wegwijs_shared.store.sqlite import SqliteStore  # noqa: E402


class Quiet(WSGIRequestHandler):
    def log_request(self, *args: object) -> None:
        pass  # thousands of lines would hide the figures


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # the 303 itself is the answer we measure


OPENER = urllib.request.build_opener(NoRedirect)


def post(base: str, answer: dict[str, object], js: bool) -> tuple[int, float]:
    if js:
        body = json.dumps(answer).encode()
        kind = "application/json"
    else:
        form = {key: value for key, value in answer.items() if key != "id"}
        body = urllib.parse.urlencode(form).encode()
        kind = "application/x-www-form-urlencoded"
    request = urllib.request.Request(f"{base}/api/feedback", body, {"Content-Type": kind})
    started = time.perf_counter()
    try:
        with OPENER.open(request, timeout=30) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, time.perf_counter() - started


def lesson(students: int, seconds: float, js: bool, seed: int) -> dict[str, float]:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "class.sqlite3"
        app = create_app({"STORE": f"sqlite:///{path}"})
        server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=Quiet)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        results: list[tuple[int, float]] = []
        lock = threading.Lock()

        def student(number: int, delay: float, rating: int) -> None:
            time.sleep(delay)
            answer = {"page": "/ar/mo/", "lang": "ar", "channel": "course", "rating": rating,
                      "id": str(uuid.uuid4())}  # fmt: skip
            sends = [0.0]
            if number % 5 == 0:
                sends.append(rng.uniform(0.2, 2.0))  # double tap
            elif number % 9 == 1:
                sends.append(min(10.0, seconds / 10))  # resubmit after a slow answer
            for gap in sends:
                time.sleep(gap)
                outcome = post(base, answer, js)
                with lock:
                    results.append(outcome)

        threads = [
            threading.Thread(
                target=student,
                args=(n, rng.uniform(0, seconds * 0.9), rng.choice([3, 4, 5, 5])),
            )
            for n in range(students)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        server.shutdown()
        records = list(SqliteStore(path).iter_records())
    latencies = sorted(latency for _, latency in results)
    return {
        "posts": len(results),
        "refused": sum(1 for status, _ in results if status in (429, 503) or status >= 500),
        "stored": len(records),
        "folded": sum(record.folded for record in records),
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    print(f"{args.students} students on one address, lesson squeezed into {args.seconds:g} s")
    for run in range(args.runs):
        for js in (True, False) if run % 2 == 0 else (False, True):
            figures = lesson(args.students, args.seconds, js, seed=run)
            print(
                f"run {run + 1} {'JS   ' if js else 'no JS'}: posts {figures['posts']:.0f}, "
                f"refused {figures['refused']:.0f}, stored {figures['stored']:.0f}, "
                f"folded {figures['folded']:.0f} (stored + folded = "
                f"{figures['stored'] + figures['folded']:.0f}), "
                f"p50 {figures['p50_ms']:.1f} ms, p99 {figures['p99_ms']:.1f} ms"
            )


if __name__ == "__main__":
    main()
