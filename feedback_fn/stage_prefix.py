"""WSGI middleware: drop an HTTP API stage name from the path before routing.

An HTTP API with a named stage sends `rawPath=/prod/api/feedback`, and
serverless-wsgi passes it on unchanged (its STRIP_STAGE_PATH only changes
SCRIPT_NAME). Our route is `/api/feedback` on every stage, so the stage goes.
Redirects are unaffected either way: they point at the site's own pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

WSGIEnvironment = dict[str, Any]
WSGIApp = Callable[[WSGIEnvironment, Any], Iterable[bytes]]


class StripStagePrefix:
    def __init__(self, wsgi_app: WSGIApp) -> None:
        self.wsgi_app = wsgi_app

    def __call__(self, environ: WSGIEnvironment, start_response: Any) -> Iterable[bytes]:
        event = environ.get("serverless.event") or {}
        # Payload 1.0 (REST API) paths never carry the stage; only 2.0 rawPath does.
        if event.get("version") == "2.0":
            stage = (event.get("requestContext") or {}).get("stage") or "$default"
            path = environ.get("PATH_INFO", "")
            if stage != "$default" and path.startswith(f"/{stage}/"):
                environ["PATH_INFO"] = path[len(stage) + 1 :]
        result: Iterable[bytes] = self.wsgi_app(environ, start_response)
        return result
