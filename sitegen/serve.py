"""Local server: the built site and the feedback function on one port, as in production.

Static files are sent precompressed (.br, then .gz) when the client accepts it; a
preview has no compressed files (sitegen/compress.py), so its text files are
compressed as they are sent, quickly, and kept in memory while unchanged. Every
/api/ request goes unchanged to the feedback app (in production a CDN routes /api/*
to API Gateway). Nothing about the client is logged. Every
answer carries the security headers, errors included.
"""

from __future__ import annotations

import mimetypes
import sys
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response
from werkzeug.wsgi import wrap_file

from sitegen.compress import TEXT_SUFFIXES, compress_quickly

WSGIApp = Callable[[dict, Callable], Iterable[bytes]]

# Inline <style> in every page; nothing is loaded from another origin. Search runs
# Pagefind's WebAssembly, which needs 'wasm-unsafe-eval' (it allows no JavaScript eval).
HTML_CSP = (
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'self'; object-src 'none'"
)
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))
# On every answer, the feedback app's too (it sets its own, stricter Referrer-Policy).
# same-origin: other sites learn nothing of what a reader read; our own pages still
# see where a form was sent from (a ?c=letter link on a no-JS page).
SECURITY_HEADERS = (("Referrer-Policy", "same-origin"), ("X-Content-Type-Options", "nosniff"))
# The longest file name the file systems we run on accept (bytes of UTF-8).
NAME_MAX = 255


def _file_name_ok(url_path: str) -> bool:
    """Could this path name a file at all? No NUL, no segment longer than NAME_MAX."""
    return "\x00" not in url_path and all(
        len(part.encode("utf-8", "surrogateescape")) <= NAME_MAX for part in url_path.split("/")
    )


def _locate(site_dir: Path, url_path: str) -> Path | None:
    """The file for a URL path, or None; never a path outside site_dir."""
    url_path = unquote(url_path)
    if not _file_name_ok(url_path):
        return None
    try:
        candidate = (site_dir / url_path.lstrip("/")).resolve()
        if not candidate.is_relative_to(site_dir):
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None
    except (OSError, ValueError):  # a name the file system refuses names no page
        return None


def _not_found_page(site_dir: Path, url_path: str) -> Path:
    """The 404 page of the language the path is in (/ar/... -> ar/404.html), else Dutch."""
    first = url_path.strip("/").split("/", 1)[0]
    localized = site_dir / first / "404.html"
    if first and _file_name_ok(first) and localized.is_file():
        return localized
    return site_dir / "404.html"


@lru_cache(maxsize=512)
def _compressed_now(path: Path, encoding: str, mtime_ns: int, size: int) -> bytes:
    """A text file of a preview, compressed; keyed by its time and size, so a rebuilt
    file is compressed again."""
    return compress_quickly(path.read_bytes(), encoding)


def _body(request: Request, path: Path) -> tuple[Path | bytes, str | None]:
    """The file, its precompressed variant or (a preview's text file) its bytes
    compressed now; and the encoding sent."""
    for name, suffix in ENCODINGS:
        if name not in request.accept_encodings:
            continue
        variant = path.with_name(path.name + suffix)
        if variant.is_file():
            return variant, name
        if path.suffix in TEXT_SUFFIXES:
            stat = path.stat()
            return _compressed_now(path, name, stat.st_mtime_ns, stat.st_size), name
    return path, None


def _file_response(request: Request, path: Path, status: int = 200) -> Response:
    mimetype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if mimetype.startswith("text/") or mimetype in ("application/javascript", "image/svg+xml"):
        mimetype += "; charset=utf-8"
    body, encoding = _body(request, path)
    if isinstance(body, bytes):
        response = Response(body, status=status, mimetype=None, content_type=mimetype)
        version = f"{path.stat().st_mtime_ns}-{encoding}"
    else:
        handle = open(body, "rb")  # noqa: SIM115 - closed by wrap_file when sent
        response = Response(
            wrap_file(request.environ, handle),
            status=status,
            mimetype=None,
            content_type=mimetype,
            direct_passthrough=True,
        )
        response.content_length = body.stat().st_size
        version = str(int(body.stat().st_mtime_ns))
    response.headers["Vary"] = "Accept-Encoding"
    response.headers["X-Content-Type-Options"] = "nosniff"
    if encoding:
        response.headers["Content-Encoding"] = encoding
    if path.suffix == ".html":
        response.headers["Content-Security-Policy"] = HTML_CSP
        response.headers["Cache-Control"] = "no-cache"
    else:
        response.headers["Cache-Control"] = "public, max-age=3600"
    if status == 200:
        response.set_etag(f"{version}-{response.content_length}")
        response.make_conditional(request)
    return response


def make_static_app(site_dir: Path) -> WSGIApp:
    site_dir = site_dir.resolve()

    @Request.application
    def static(request: Request) -> Response:
        if request.method not in ("GET", "HEAD"):
            return Response("Method not allowed\n", 405, {"Allow": "GET, HEAD"})
        path = _locate(site_dir, request.path)
        if path is None:
            return _file_response(request, _not_found_page(site_dir, request.path), 404)
        if path.name == "index.html" and not request.path.endswith(("/", ".html")):
            # The query goes along: it carries the channel of a link (?c=letter).
            query = request.query_string.decode("latin-1")
            location = request.path + "/" + (f"?{query}" if query else "")
            return Response(status=301, headers={"Location": location})
        return _file_response(request, path)

    return static


def _with_security_headers(start_response: Callable) -> Callable:
    """start_response that adds the security headers the answer does not set itself."""

    def start(status: str, headers: list[tuple[str, str]], exc_info=None):
        present = {name.lower() for name, _ in headers}
        headers.extend(pair for pair in SECURITY_HEADERS if pair[0].lower() not in present)
        return start_response(status, headers, exc_info)

    return start


def _server_error(start_response: Callable) -> Iterable[bytes]:
    start_response(
        "500 Internal Server Error",
        [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store")],
    )
    return [b"Internal server error: see the server's output.\n"]


def make_app(site_dir: Path, api: WSGIApp | None) -> WSGIApp:
    """One WSGI app: /api/... to the feedback function, everything else from site_dir."""
    static = make_static_app(site_dir)

    def dispatch(environ: dict, start_response: Callable) -> Iterable[bytes]:
        start = _with_security_headers(start_response)
        if api is not None and environ.get("PATH_INFO", "").startswith("/api/"):
            return api(environ, start)
        try:
            return static(environ, start)
        except Exception as error:  # never werkzeug's bare 500 page without our headers
            print(f"error: {type(error).__name__} serving a static file", file=sys.stderr)
            return _server_error(start)

    return dispatch


class _PrivateRequestHandler(WSGIRequestHandler):
    """Logs method, path and status: never the client's address, never a query string.

    The address still reaches the app as REMOTE_ADDR (the feedback function keys
    its rate limit and its fold window on a hash of it); only the log leaves it out.
    A query string can carry what a reader typed (an e-mail in ?q=), so it is cut.

    Every answer closes its connection (werkzeug's server has no keep-alive), after
    reading what the client still sends. A client that goes quiet is let go after
    `timeout` seconds; after a 413 (the body was never read) after AFTER_413_SECONDS.
    """

    # socketserver applies it to every read of the connection.
    timeout = 10
    AFTER_413_SECONDS = 0.5

    def send_response(self, code: int, message: str | None = None) -> None:
        if code == 413:
            # werkzeug then drains the unread body with reads that block until the
            # client closes: a client that waits for us would hold the thread forever.
            self.connection.settimeout(self.AFTER_413_SECONDS)
        super().send_response(code, message)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        path = getattr(self, "path", "").split("?", 1)[0]
        line = f"{getattr(self, 'command', '-')} {path}".translate(self._control_char_table)
        self.log("info", '"%s" %s %s', line, code, size)

    def log(self, type: str, message: str, *args: object) -> None:
        print(f"[{self.log_date_time_string()}] {message % args}", flush=True)


def make_local_server(
    site_dir: Path, host: str = "127.0.0.1", port: int = 8000, api: WSGIApp | None = None
) -> BaseWSGIServer:
    """The threaded server `serve` runs (port 0: any free port; see server_port)."""
    return make_server(
        host, port, make_app(site_dir, api), threaded=True, request_handler=_PrivateRequestHandler
    )


def serve(site_dir: Path, host: str = "127.0.0.1", port: int = 8000, api: WSGIApp | None = None):
    """Serve site_dir, and `api` under /api/ (composed by build.py, which knows both wings)."""
    if not (site_dir / "index.html").is_file():
        raise SystemExit(f"{site_dir} has no index.html: run 'build.py build' first.")
    server = make_local_server(site_dir, host, port, api)
    where = "with the feedback API at /api/feedback" if api else "without the feedback API"
    print(f"Serving {site_dir} on http://{host}:{port}/ {where} (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
