"""build.py's server against odd requests, over real HTTP on 127.0.0.1 (raw sockets where
http.client would tidy the request up): no 500, security headers on every answer, a 413
closes its connection, and nothing a reader typed reaches the log."""

from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from feedback_fn import create_app
from sitegen.serve import make_local_server
from wegwijs_shared.pages import PAGE_LIST_NAME

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def server(fixture_site: Path, tmp_path: Path) -> Iterator[int]:
    """The local server with the real feedback app, on a free port; yields the port."""
    api = create_app(
        {
            "STORE": f"sqlite:///{tmp_path}/feedback.sqlite3",
            "ID_SECRET": "test",
            "PAGES_FILE": str(fixture_site / PAGE_LIST_NAME),
        }
    )
    httpd = make_local_server(fixture_site, port=0, api=api)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_port
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def raw_request(port: int, request: bytes, timeout: float = 10) -> bytes:
    """Send bytes as they are; read the answer until the server closes the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(request)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def status_and_headers(answer: bytes) -> tuple[int, dict[str, str]]:
    head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in head[1:])
    return int(head[0].split()[1]), headers


def get(port: int, path: str, method: str = "GET", body: bytes | None = None, **headers: str):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response, data


@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("/%00", "nl"),
        ("/mo/%00/", "nl"),
        ("/ar/%00", "ar"),
        ("/" + "a" * 256 + "/", "nl"),
        ("/ar/" + "%D8%A8" * 128 + "/", "ar"),  # 128 Arabic letters: 256 bytes
        ("/" + "a" * 256, "nl"),
        ("/%ff%fe/", "nl"),
    ],
)
def test_paths_no_file_can_have_get_the_404_page_with_headers(
    server: int, path: str, language: str
) -> None:
    answer = raw_request(server, f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    status, headers = status_and_headers(answer)
    assert status == 404
    assert f'<html lang="{language}"'.encode() in answer
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/ar/mo/", 200),
        ("GET", "/en/mo", 301),
        ("GET", "/assets/feedback.js", 200),
        ("GET", "/bestaat-niet/", 404),
        ("POST", "/mo/", 405),
        ("DELETE", "/", 405),
    ],
)
def test_every_static_answer_sends_same_origin_referrers_only(
    server: int, method: str, path: str, status: int
) -> None:
    response, _ = get(server, path, method)
    assert response.status == status
    assert response.getheader("Referrer-Policy") == "same-origin"
    assert response.getheader("X-Content-Type-Options") == "nosniff"


def test_the_api_keeps_its_own_stricter_policy(server: int) -> None:
    response, _ = get(server, "/api/feedback")
    assert response.status == 405
    assert response.getheader("Referrer-Policy") == "no-referrer"


def test_a_413_closes_the_connection_though_the_client_stays(server: int) -> None:
    declared = 100_000  # far over the limit; only a fifth of it is ever sent
    head = (
        f"POST /api/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"Content-Length: {declared}\r\n\r\n"
    ).encode()
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", server), timeout=20) as sock:
        sock.sendall(head + b"x" * 20_000)
        answer = b""
        while chunk := sock.recv(65536):  # b"": the server closed; a timeout fails the test
            answer += chunk
    waited = time.monotonic() - started
    status, headers = status_and_headers(answer)
    assert status == 413 and headers["Connection"] == "close"
    assert b'"too_large"' in answer
    assert waited < 5, f"the server held the connection {waited:.1f} s after its 413"


def test_the_server_still_answers_after_413s(server: int) -> None:
    for _ in range(3):
        head = b"POST /api/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        answer = raw_request(server, head + b"Content-Length: 99999\r\n\r\n" + b"{" * 1000)
        assert status_and_headers(answer)[0] == 413
    response, body = get(server, "/ar/mo/")
    assert response.status == 200 and b'<html lang="ar" dir="rtl"' in body


@pytest.fixture
def served_process(fixture_site: Path, tmp_path: Path) -> Iterator[tuple[int, subprocess.Popen]]:
    """`build.py serve --no-build` as a user runs it; its output goes to a pipe."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [
        sys.executable, "build.py", "serve", "--no-build", "--site-dir", str(fixture_site),
        "--port", str(port), "--store", f"sqlite:///{tmp_path}/feedback.sqlite3",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    try:
        yield port, process
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_query_strings_and_addresses_never_reach_the_log(
    served_process: tuple[int, subprocess.Popen],
) -> None:
    port, process = served_process
    get(port, "/mo/?email=jan.peeters%40example.com&tel=0470123456")
    get(port, "/api/feedback?email=jan.peeters@example.com", "POST", b"{}",
        **{"Content-Type": "application/json"})  # fmt: skip
    get(port, "/ar/mo/?c=letter")
    process.terminate()
    log = process.communicate(timeout=10)[0]
    assert 'GET /mo/" 200' in log and 'POST /api/feedback" 422' in log
    assert 'GET /ar/mo/" 200' in log
    for secret in ("jan.peeters", "example.com", "0470123456", "email", "127.0.0.1 -", "c=letter"):
        assert secret not in log, secret
