"""Concurrent clients with resends and double submits: is every accepted answer stored once?

Each client (a thread) gives `--answers` answers, about 60% the way the page's script
sends them (JSON with a UUID; a fifth double-submitted, a third resent once or twice
as the outbox does after a slow answer) and 40% as the plain form (a fifth
double-tapped, a tenth resubmitted after the answer came). A 503 is resent after a
pause, as the script does. Two targets, one after the other:

- serve: `build.py serve --no-build` as a subprocess on a free 127.0.0.1 port, on a
  built site (site/ if it is built, else one built into a temporary folder);
- handler: the Lambda handler in this process, with API Gateway v2 events.

Both store into a fresh SQLite file, with the page list of the site and the rate
limit off (every client here has the same address; the limit is tested in the suite).

    python bench/load.py [--clients 50] [--answers 10] [--deadline 120] [--target both]

Prints requests/s, p50/p99 latency, answers acknowledged and stored, lost (acknowledged
but not stored: must be 0) and JSON duplicates (must be 0); extra form records are
double taps the server could not tell from two people. Bounded by --answers and
--deadline; nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import base64
import http.client
import json
import os
import random
import signal
import socket
import statistics
import string
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wegwijs_shared.pages import PAGE_LIST_NAME, load_page_list  # noqa: E402
from wegwijs_shared.store.sqlite import SqliteStore  # noqa: E402

JSON_TYPE = "application/json"
FORM_TYPE = "application/x-www-form-urlencoded"
CHANNELS = ("website", "letter", "sms", "course", "counter")

# A request: (body, content type) -> (status, Location header).
Send = Callable[[bytes, str], tuple[int, str]]


@dataclass
class Results:
    """Shared by the client threads (list.append and Counter updates under a lock)."""

    latencies: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    acked_ids: set[str] = field(default_factory=set)
    acked_tokens: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def timed(self, send: Send, body: bytes, content_type: str) -> tuple[int, str]:
        started = time.perf_counter()
        try:
            status, location = send(body, content_type)
        except (OSError, http.client.HTTPException):
            status, location = 0, ""  # refused or reset: the client will resend
        with self.lock:
            self.latencies.append(time.perf_counter() - started)
            self.statuses[status] += 1
        return status, location


def token(rng: random.Random) -> str:
    """Letters only, so that no masking rule mistakes it for a number."""
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(14))


def json_answer(rng: random.Random, pages: list[str], send: Send, results: Results) -> None:
    answer = {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "page": rng.choice(pages),
        "lang": "nl",
        "channel": rng.choice(CHANNELS),
        "rating": rng.randint(1, 5),
        "comment": f"load {token(rng)}",
    }
    body = json.dumps(answer).encode()
    sends = 1 + (rng.random() < 0.33) * rng.randint(1, 2)
    double = rng.random() < 0.2
    acked = False
    for _ in range(sends):
        statuses = together(lambda: results.timed(send, body, JSON_TYPE)[0], 2 if double else 1)
        for attempt in range(5):  # the script's outbox: resend after a 503 or a lost answer
            if any(status in (200, 201) for status in statuses):
                acked = True
                break
            time.sleep(0.05 * (attempt + 1))
            statuses = [results.timed(send, body, JSON_TYPE)[0]]
        double = False
    if acked:
        with results.lock:
            results.acked_ids.add(answer["id"])


def form_answer(rng: random.Random, pages: list[str], send: Send, results: Results) -> None:
    mark = token(rng)
    page = rng.choice(pages)
    fields = [("page", page), ("lang", "nl"), ("channel", rng.choice(CHANNELS))]
    fields += [("rating", str(rng.randint(1, 5))), ("comment", f"load {mark}"), ("homepage", "")]
    body = urlencode(fields).encode()
    copies = 2 if rng.random() < 0.2 else 1
    answers = together(lambda: results.timed(send, body, FORM_TYPE), copies)
    if rng.random() < 0.1:
        answers.append(results.timed(send, body, FORM_TYPE))
    if any(status == 303 and "/thanks/" in location for status, location in answers):
        with results.lock:
            results.acked_tokens.add(mark)


def together(call: Callable[[], Any], copies: int) -> list[Any]:
    """`copies` calls at once (a double tap), their results in a list."""
    if copies == 1:
        return [call()]
    out: list[Any] = [None] * copies
    threads = [
        threading.Thread(target=lambda i=i: out.__setitem__(i, call())) for i in range(copies)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return out


def run_clients(
    send: Send, pages: list[str], clients: int, answers: int, deadline: float, seed: int
) -> tuple[Results, float]:
    results = Results()
    stop_at = time.monotonic() + deadline

    def client(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        for _ in range(answers):
            if time.monotonic() > stop_at:
                return
            flavour = json_answer if rng.random() < 0.6 else form_answer
            flavour(rng, pages, send, results)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - started


def http_sender(port: int) -> Send:
    def send(body: bytes, content_type: str) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request(
                "POST", "/api/feedback", body=body, headers={"Content-Type": content_type}
            )
            response = connection.getresponse()
            try:
                response.read()
            except http.client.HTTPException:
                pass  # cut off mid-body: the status line and headers arrived, and count
            return response.status, response.getheader("Location") or ""
        finally:
            connection.close()

    return send


def handler_sender() -> Send:
    from feedback_fn.handler import lambda_handler

    def send(body: bytes, content_type: str) -> tuple[int, str]:
        event = {
            "version": "2.0",
            "rawPath": "/api/feedback",
            "rawQueryString": "",
            "headers": {"content-type": content_type, "host": "wegwijs.example"},
            "requestContext": {
                "http": {"method": "POST", "path": "/api/feedback", "sourceIp": "198.51.100.9"},
                "stage": "$default",
            },
            "body": base64.b64encode(body).decode(),
            "isBase64Encoded": True,
        }
        response = lambda_handler(event, None)
        return response["statusCode"], response.get("headers", {}).get("Location", "")

    return send


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def built_site(tmp: Path) -> Path:
    site = ROOT / "site"
    if (site / "index.html").is_file() and (site / PAGE_LIST_NAME).is_file():
        return site
    site = tmp / "site"
    print(f"building the site into {site} ...", flush=True)
    subprocess.run(
        [sys.executable, "build.py", "build", "--preview", "--site-dir", str(site)],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return site


def count_stored(db: Path, results: Results) -> dict[str, int]:
    """Acknowledged answers against the records in the file."""
    ids: Counter[str] = Counter()
    tokens: Counter[str] = Counter()
    for record in SqliteStore(db).iter_records():
        if record.js:
            ids[record.id] += 1
        else:
            tokens[record.comment.removeprefix("load ")] += 1
    stored = len(set(ids) & results.acked_ids) + len(set(tokens) & results.acked_tokens)
    return {
        "acknowledged": len(results.acked_ids) + len(results.acked_tokens),
        "stored": stored,
        "lost": len(results.acked_ids - set(ids)) + len(results.acked_tokens - set(tokens)),
        "json duplicates": sum(n - 1 for n in ids.values()),
        "form double taps kept": sum(n - 1 for n in tokens.values()),
        "records": sum(ids.values()) + sum(tokens.values()),
    }


def report(target: str, results: Results, seconds: float, counts: dict[str, int]) -> bool:
    latencies = sorted(results.latencies)
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    print(
        f"{target:<8} {len(latencies):>6,} requests in {seconds:5.1f} s = "
        f"{len(latencies) / seconds:6.0f} requests/s; p50 {cuts[49] * 1000:6.1f} ms, "
        f"p99 {cuts[98] * 1000:6.1f} ms; statuses {dict(sorted(results.statuses.items()))}"
    )
    print("         " + "; ".join(f"{name} {value:,}" for name, value in counts.items()))
    ok = counts["lost"] == 0 and counts["json duplicates"] == 0
    ok = ok and counts["acknowledged"] == counts["stored"]
    print(f"         accepted == stored: {'yes' if ok else 'NO'}")
    return ok


def load_serve(args: argparse.Namespace, site: Path, tmp: Path) -> bool:
    db = tmp / "serve.sqlite3"
    port = free_port()
    env = {**os.environ, "FEEDBACK_RATE_LIMIT_PER_MINUTE": "0"}
    command = [sys.executable, "build.py", "serve", "--no-build", "--site-dir", str(site),
               "--port", str(port), "--store", f"sqlite:///{db}"]  # fmt: skip
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        pages = sorted(load_page_list(site / PAGE_LIST_NAME))
        results, seconds = run_clients(
            http_sender(port), pages, args.clients, args.answers, args.deadline, args.seed
        )
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    return report("serve", results, seconds, count_stored(db, results))


def load_handler(args: argparse.Namespace, site: Path, tmp: Path) -> bool:
    db = tmp / "handler.sqlite3"
    os.environ["FEEDBACK_STORE"] = f"sqlite:///{db}"
    os.environ["FEEDBACK_PAGES_FILE"] = str(site / PAGE_LIST_NAME)
    os.environ["FEEDBACK_RATE_LIMIT_PER_MINUTE"] = "0"
    os.environ.setdefault("FEEDBACK_ID_SECRET", "load")
    pages = sorted(load_page_list(site / PAGE_LIST_NAME))
    results, seconds = run_clients(
        handler_sender(), pages, args.clients, args.answers, args.deadline, args.seed
    )
    return report("handler", results, seconds, count_stored(db, results))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--answers", type=int, default=10, help="answers per client")
    parser.add_argument("--deadline", type=float, default=120, help="seconds per target")
    parser.add_argument("--target", choices=("serve", "handler", "both"), default="both")
    parser.add_argument("--site-dir", type=Path, help="a built site (default: site/, or a build)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        site = args.site_dir.resolve() if args.site_dir else built_site(tmp)
        print(f"{args.clients} clients x {args.answers} answers, site {site}", flush=True)
        ok = True
        if args.target in ("serve", "both"):
            ok = load_serve(args, site, tmp) and ok
        if args.target in ("handler", "both"):
            ok = load_handler(args, site, tmp) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
