"""How the app answers: JSON or a small HTML page, security headers, CORS, error handlers.

No answer ever carries a traceback: every exception ends in a short JSON
body or HTML page in the submitter's language.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from typing import Any

from flask import Flask, Response, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from feedback_fn.messages import error_message, lookup, text_language
from feedback_fn.site_languages import site_languages, site_path, submitter_language

logger = logging.getLogger(__name__)

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"

SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
# The error page's only style: readable and tappable on a phone without the site's CSS.
ERROR_PAGE_CSS = (
    "body{font:1.125rem/1.5 system-ui,sans-serif;margin:0 auto;max-width:40rem;padding:1rem}"
    "a,button{display:inline-block;min-height:2.75rem;padding:.5rem 0;font:inherit}"
    "button{padding:.5rem 1.25rem;border:0;border-radius:.25rem;background:#0d47a1;color:#fff}"
)
_CSS_HASH = base64.b64encode(hashlib.sha256(ERROR_PAGE_CSS.encode()).digest()).decode()
# The error page has no script, image or frame, one style (by its hash), and one form,
# which sends a failed answer again to this function: allow nothing else.
HTML_CSP = (
    f"default-src 'none'; style-src 'sha256-{_CSS_HASH}'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
JSON_CSP = "default-src 'none'; frame-ancestors 'none'"
# Every answer's headers, by kind: HTML pages get HTML_CSP, everything else JSON_CSP.
HTML_HEADERS = [*SECURITY_HEADERS.items(), ("Content-Security-Policy", HTML_CSP)]
JSON_HEADERS = [*SECURITY_HEADERS.items(), ("Content-Security-Policy", JSON_CSP)]

# Werkzeug's status codes to our stable error words.
_ERROR_CODES = {
    400: "malformed",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    503: "unavailable",
}


def wants_html() -> bool:
    """A plain HTML form (or a browser visit) gets pages; everything else gets JSON."""
    if request.mimetype == FORM:
        return True
    if request.mimetype == JSON:
        return False
    return request.accept_mimetypes.best_match([JSON, "text/html"]) == "text/html"


def error_page(
    status: int,
    code: str,
    lang: str,
    field: str | None = None,
    back_url: str | None = None,
    resend: list[tuple[str, str]] | None = None,
    **params: object,
) -> Response:
    """The small HTML page that says what went wrong, in the submitter's language.

    resend: the answer's form fields, for a button that sends it again as it was.
    """
    text_lang = text_language(lang)
    language = site_languages().get(text_lang)
    html = render_template(
        "error.html",
        lang=text_lang,
        dir=language.dir if language else "ltr",
        title=lookup(text_lang, "page", "title"),
        message=error_message(text_lang, code, field, **params),
        back=lookup(text_lang, "page", "back"),
        home=lookup(text_lang, "page", "home"),
        back_url=back_url,
        resend=resend,
        css=ERROR_PAGE_CSS,
        resend_label=lookup(text_lang, "page", "resend") if resend else "",
        home_url=site_path(language, "/") if language else "/",
    )
    return Response(html, status=status, mimetype="text/html")


def error_json(
    status: int, code: str, lang: str, field: str | None = None, **params: object
) -> Response:
    response = jsonify(error=code, field=field, message=error_message(lang, code, field, **params))
    response.status_code = status
    return response


def error_response(status: int, code: str, lang: str | None = None, **extra: Any) -> Response:
    """JSON or HTML, whichever the request wants, for an error without a field."""
    lang = lang or submitter_language().code
    if wants_html():
        return error_page(status, code, lang, **extra)
    return error_json(status, code, lang, **extra)


def _handle_http_error(error: HTTPException) -> Response:
    status = error.code or 500
    response = error_response(status, _ERROR_CODES.get(status, "malformed"))
    if isinstance(error, MethodNotAllowed):
        response.headers["Allow"] = (
            "POST, OPTIONS" if current_app.config["CORS_ORIGINS"] else "POST"
        )
    return response


def _handle_unexpected(error: Exception) -> Response:
    # Log the type and where, never the request: the body may hold personal data.
    logger.error("unexpected %s", type(error).__name__, exc_info=error)
    response = error_response(503, "unavailable")
    response.headers["Retry-After"] = str(current_app.config["RETRY_AFTER_SECONDS"])
    return response


def _add_headers(response: Response) -> Response:
    # extend, not update: no view sets these, and update's search-and-replace of
    # every header cost more than the rest of this hook on each answer.
    is_html = (response.content_type or "").startswith("text/html")
    response.headers.extend(HTML_HEADERS if is_html else JSON_HEADERS)
    allowed = current_app.config["CORS_ORIGINS"]
    if allowed:
        origin = request.headers.get("Origin", "").rstrip("/")
        if origin and origin in allowed:
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers.add("Vary", "Origin")
    return response


def preflight() -> Response:
    """The answer to a CORS preflight from an allowed origin (204, cacheable for 10 minutes)."""
    response = Response(status=204)
    response.headers["Access-Control-Allow-Methods"] = "POST"
    response.headers["Access-Control-Allow-Headers"] = "Content-Type"
    response.headers["Access-Control-Max-Age"] = "600"
    return response


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, _handle_http_error)
    app.register_error_handler(Exception, _handle_unexpected)
    app.after_request(_add_headers)
