"""build.py's server over real HTTP on 127.0.0.1: compression, 404s, and the /api/ mount."""

from __future__ import annotations

import gzip
import http.client
import threading

import brotli
import pytest
from werkzeug.serving import make_server

from sitegen.serve import make_app


def api_echo(environ, start_response):
    """Stands in for the feedback app: proves /api/ requests arrive with their full path."""
    body = f"{environ['REQUEST_METHOD']} {environ['PATH_INFO']}".encode()
    start_response("202 Accepted", [("Content-Type", "text/plain")])
    return [body]


@pytest.fixture
def server(fixture_site):
    httpd = make_server("127.0.0.1", 0, make_app(fixture_site, api_echo), threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_port
    httpd.shutdown()
    thread.join()


def get(port, path, method="GET", **headers):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request(method, path, headers=headers)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


def test_brotli_variant_when_accepted(server, fixture_site):
    response, body = get(server, "/ar/mo/", **{"Accept-Encoding": "gzip, br"})
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "br"
    assert response.getheader("Vary") == "Accept-Encoding"
    assert brotli.decompress(body) == (fixture_site / "ar/mo/index.html").read_bytes()
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert "frame-ancestors 'none'" in response.getheader("Content-Security-Policy")


def test_gzip_then_identity(server, fixture_site):
    response, body = get(server, "/mo/", **{"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(body) == (fixture_site / "mo/index.html").read_bytes()
    response, body = get(server, "/mo/")
    assert response.getheader("Content-Encoding") is None
    assert body == (fixture_site / "mo/index.html").read_bytes()


def test_not_found_in_the_readers_language(server):
    response, body = get(server, "/ar/bestaat-niet/")
    assert response.status == 404
    assert '<h1 id="wg-start">الصفحة غير موجودة</h1>' in body.decode()
    response, body = get(server, "/bestaat-niet/")
    assert response.status == 404 and '<h1 id="wg-start">Pagina niet gevonden</h1>' in body.decode()


def test_directory_without_slash_redirects(server):
    response, _ = get(server, "/en/mo")
    assert response.status == 301 and response.getheader("Location") == "/en/mo/"
    # The channel of a link (?c=letter on a letter, in a QR code) is kept on the way.
    response, _ = get(server, "/ar/mo?c=letter")
    assert response.status == 301 and response.getheader("Location") == "/ar/mo/?c=letter"


def test_no_path_escapes_the_site(server):
    response, body = get(server, "/%2e%2e/%2e%2e/etc/passwd")
    assert response.status == 404 and b"root:" not in body


def test_conditional_get_answers_not_modified(server):
    response, _ = get(server, "/en/")
    etag = response.getheader("ETag")
    response, body = get(server, "/en/", **{"If-None-Match": etag})
    assert response.status == 304 and body == b""


def test_api_requests_reach_the_feedback_app_unchanged(server):
    response, body = get(server, "/api/feedback", method="POST")
    assert response.status == 202 and body == b"POST /api/feedback"
    response, _ = get(server, "/index.html", method="POST")
    assert response.status == 405


def serve_in_thread(site):
    httpd = make_server("127.0.0.1", 0, make_app(site, api_echo), threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    return httpd, thread


def test_a_published_build_sends_its_own_compressed_files(public_fixture_site):
    httpd, thread = serve_in_thread(public_fixture_site)
    try:
        response, body = get(httpd.server_port, "/ar/mo/", **{"Accept-Encoding": "br"})
        assert response.getheader("Content-Encoding") == "br"
        assert body == (public_fixture_site / "ar/mo/index.html.br").read_bytes()
    finally:
        httpd.shutdown()
        thread.join()


def test_a_preview_page_is_compressed_as_sent_and_again_when_rebuilt(fixture_site, tmp_path):
    """A preview has no .br files: the server compresses, and a rebuilt page (new bytes
    at the same path) is never answered with the old page's compressed bytes."""
    import shutil

    site = shutil.copytree(fixture_site, tmp_path / "site")
    page = site / "en" / "index.html"
    httpd, thread = serve_in_thread(site)
    try:
        port = httpd.server_port
        response, body = get(port, "/en/", **{"Accept-Encoding": "br"})
        assert brotli.decompress(body) == page.read_bytes()
        etag = response.getheader("ETag")
        response, _ = get(port, "/en/", **{"Accept-Encoding": "br", "If-None-Match": etag})
        assert response.status == 304
        page.unlink()  # as a build does: a new file in its place
        page.write_text(page.parent.joinpath("mo", "index.html").read_text("utf-8") + " ")
        response, body = get(port, "/en/", **{"Accept-Encoding": "br", "If-None-Match": etag})
        assert response.status == 200 and brotli.decompress(body) == page.read_bytes()
    finally:
        httpd.shutdown()
        thread.join()
