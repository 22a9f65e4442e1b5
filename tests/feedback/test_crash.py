"""kill -9 of the local API during load loses no acknowledged answer.

`python -m feedback_fn run` (Flask's threaded server, the SQLite store in WAL mode)
runs as a subprocess; four threads post answers, JSON and forms, without pause. The
server is killed with SIGKILL twice while they post, and restarted on the same file.
Every answer that got its 201/200 (JSON) or its 303 to the thank-you page (form)
before a kill must be in the file afterwards.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import string
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

from wegwijs_shared.store.sqlite import SqliteStore

from .servers import ROOT, free_port, wait_for_port

POSTERS = 4


class Load:
    """Posting threads and what the server acknowledged to them."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.acked_ids: set[str] = set()
        self.acked_comments: set[str] = set()
        self.failed = 0  # refused or cut off: the server was down or died mid-answer
        self.lock = threading.Lock()
        self.stop = threading.Event()

    def post(self, body: bytes, content_type: str) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("POST", "/api/feedback", body, {"Content-Type": content_type})
            response = connection.getresponse()
            try:
                response.read()
            except http.client.HTTPException:
                pass  # cut off mid-body: the status line and headers arrived, and count
            return response.status, response.getheader("Location") or ""
        finally:
            connection.close()

    def poster(self, number: int) -> None:
        sent = 0
        while not self.stop.is_set():
            sent += 1
            # Letters only: a number in a comment would be masked.
            mark = "".join(string.ascii_lowercase[int(c)] for c in f"{number}{sent:06d}")
            answer = {"page": "/mo/", "lang": "nl", "channel": "course", "rating": 4}
            try:
                if sent % 3:
                    answer["id"] = str(uuid.uuid4())
                    status, _ = self.post(json.dumps(answer).encode(), "application/json")
                    if status in (200, 201):
                        with self.lock:
                            self.acked_ids.add(answer["id"])
                else:
                    body = urlencode({**answer, "comment": f"crash {mark}"}).encode()
                    status, where = self.post(body, "application/x-www-form-urlencoded")
                    if status == 303 and where.endswith("#wg-sent"):
                        with self.lock:
                            self.acked_comments.add(f"crash {mark}")
            except (OSError, http.client.HTTPException):
                with self.lock:
                    self.failed += 1
                time.sleep(0.02)

    def acknowledged(self) -> int:
        with self.lock:
            return len(self.acked_ids) + len(self.acked_comments)

    def wait_for(self, count: int, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while self.acknowledged() < count:
            assert time.monotonic() < deadline, f"only {self.acknowledged()} answers in {timeout} s"
            time.sleep(0.01)


def start_api(port: int, db: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "FEEDBACK_STORE": f"sqlite:///{db}",
        "FEEDBACK_ID_SECRET": "crash",
        "FEEDBACK_RATE_LIMIT_PER_MINUTE": "0",  # four posters on one address, flat out
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "feedback_fn", "run", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for_port(port, process)
    return process


def test_kill_9_during_load_loses_no_acknowledged_answer(tmp_path: Path) -> None:
    db = tmp_path / "feedback.sqlite3"
    port = free_port()
    load = Load(port)
    server = start_api(port, db)
    threads = [threading.Thread(target=load.poster, args=(n,)) for n in range(POSTERS)]
    for thread in threads:
        thread.start()
    try:
        for _ in range(2):
            load.wait_for(load.acknowledged() + 150)
            server.send_signal(signal.SIGKILL)  # mid-load: the posters do not pause
            server.wait(timeout=10)
            acked_before_restart = load.acknowledged()
            server = start_api(port, db)
        load.wait_for(acked_before_restart + 50)
    finally:
        load.stop.set()
        for thread in threads:
            thread.join(timeout=20)
        server.terminate()
        server.wait(timeout=10)

    records = list(SqliteStore(db).iter_records())
    stored_ids = {record.id for record in records if record.js}
    stored_comments = {record.comment for record in records if not record.js}
    assert load.acked_ids and load.acked_comments
    assert load.acked_ids - stored_ids == set(), "acknowledged JSON answers lost"
    assert load.acked_comments - stored_comments == set(), "acknowledged form answers lost"
    assert load.failed > 0, "the posters never met the server down: no load during the kills"
