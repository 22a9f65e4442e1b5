"""Local server: the built site and the feedback function on one port, as in production.

Static files are sent precompressed (.br, then .gz) when the client accepts it;
every /api/ request goes unchanged to the feedback app (in production a CDN
routes /api/* to API Gateway). Nothing about the client is logged.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import unquote

from werkzeug.serving import WSGIRequestHandler, run_simple
from werkzeug.wrappers import Request, Response
from werkzeug.wsgi import wrap_file

WSGIApp = Callable[[dict, Callable], Iterable[bytes]]

# Inline <style> in every page; nothing is loaded from another origin.
HTML_CSP = (
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; object-src 'none'"
)
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def _locate(site_dir: Path, url_path: str) -> Path | None:
    """The file for a URL path, or None; never a path outside site_dir."""
    candidate = (site_dir / unquote(url_path).lstrip("/")).resolve()
    if not candidate.is_relative_to(site_dir):
        return None
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def _not_found_page(site_dir: Path, url_path: str) -> Path:
    """The 404 page of the language the path is in (/ar/... -> ar/404.html), else Dutch."""
    first = url_path.strip("/").split("/", 1)[0]
    localized = site_dir / first / "404.html"
    return localized if first and localized.is_file() else site_dir / "404.html"


def _file_response(request: Request, path: Path, status: int = 200) -> Response:
    mimetype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if mimetype.startswith("text/") or mimetype in ("application/javascript", "image/svg+xml"):
        mimetype += "; charset=utf-8"
    body_path, encoding = path, None
    for name, suffix in ENCODINGS:
        variant = path.with_name(path.name + suffix)
        if name in request.accept_encodings and variant.is_file():
            body_path, encoding = variant, name
            break
    handle = open(body_path, "rb")  # noqa: SIM115 - closed by wrap_file when sent
    response = Response(
        wrap_file(request.environ, handle),
        status=status,
        mimetype=None,
        content_type=mimetype,
        direct_passthrough=True,
    )
    response.content_length = body_path.stat().st_size
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
        response.set_etag(f"{int(body_path.stat().st_mtime_ns)}-{response.content_length}")
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
            return Response(status=301, headers={"Location": request.path + "/"})
        return _file_response(request, path)

    return static


def make_app(site_dir: Path, api: WSGIApp | None) -> WSGIApp:
    """One WSGI app: /api/... to the feedback function, everything else from site_dir."""
    static = make_static_app(site_dir)

    def dispatch(environ: dict, start_response: Callable) -> Iterable[bytes]:
        if api is not None and environ.get("PATH_INFO", "").startswith("/api/"):
            return api(environ, start_response)
        return static(environ, start_response)

    return dispatch


class _PrivateRequestHandler(WSGIRequestHandler):
    """Logs method, path and status: never the client's address, never a query string.

    The address still reaches the app as REMOTE_ADDR (the feedback function keys
    its rate limit and its fold window on a hash of it); only the log leaves it out.
    A query string can carry what a reader typed (an e-mail in ?q=), so it is cut.
    """

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        path = getattr(self, "path", "").split("?", 1)[0]
        line = f"{getattr(self, 'command', '-')} {path}".translate(self._control_char_table)
        self.log("info", '"%s" %s %s', line, code, size)

    def log(self, type: str, message: str, *args: object) -> None:
        print(f"[{self.log_date_time_string()}] {message % args}", flush=True)


def serve(site_dir: Path, host: str = "127.0.0.1", port: int = 8000, api: WSGIApp | None = None):
    """Serve site_dir, and `api` under /api/ (composed by build.py, which knows both wings)."""
    if not (site_dir / "index.html").is_file():
        raise SystemExit(f"{site_dir} has no index.html: run 'build.py build' first.")
    where = "with the feedback API at /api/feedback" if api else "without the feedback API"
    print(f"Serving {site_dir} on http://{host}:{port}/ {where} (Ctrl+C stops)", flush=True)
    run_simple(
        host, port, make_app(site_dir, api), threaded=True, request_handler=_PrivateRequestHandler
    )
