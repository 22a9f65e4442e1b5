"""Is this Lambda event an API Gateway request we can read? (plain checks, no Flask)

serverless-wsgi trusts the event's shape: a missing key, a null where an object
belongs or a body that is not base64 raises out of the handler, and Lambda
answers 502 and logs a traceback. These checks find such events first, so the
handler can answer 400 instead. They follow the two payload formats of API
Gateway: 2.0 (HTTP API) and 1.0 (REST API).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Any

# Events that keep a function warm; serverless-wsgi answers them with {}.
WARMUP_SOURCES = frozenset({"aws.events", "serverless-plugin-warmup"})

Check = Callable[[Any], bool]


def _text(value: Any) -> bool:
    return isinstance(value, str)


def _path(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("/")


def _object(value: Any) -> bool:
    return isinstance(value, dict)


def _text_map(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(key, str) and isinstance(item, str) for key, item in value.items()
    )


def _lists_map(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(key, str) and isinstance(items, list) and all(map(_text, items))
        for key, items in value.items()
    )


def _text_list(value: Any) -> bool:
    return isinstance(value, list) and all(map(_text, value))


def _or_null(check: Check) -> Check:
    return lambda value: value is None or check(value)


# Per format: (key, required, check). A key that is present must pass its check.
V2_KEYS: tuple[tuple[str, bool, Check], ...] = (
    ("headers", True, _text_map),
    ("rawPath", True, _path),
    ("rawQueryString", False, _text),
    ("cookies", False, _text_list),
    ("requestContext", True, _object),
)
V1_KEYS: tuple[tuple[str, bool, Check], ...] = (
    ("httpMethod", True, _text),
    ("path", True, _path),
    ("headers", False, _or_null(_text_map)),
    ("multiValueHeaders", False, _or_null(_lists_map)),
    ("queryStringParameters", False, _or_null(_text_map)),
    ("multiValueQueryStringParameters", False, _or_null(_lists_map)),
    ("requestContext", False, _object),
)


def _keys_problem(event: dict[str, Any], keys: tuple[tuple[str, bool, Check], ...]) -> str | None:
    for key, required, check in keys:
        if key not in event:
            if required:
                return f"no {key}"
        elif not check(event[key]):
            return f"{key} has the wrong type"
    return None


# requestContext's parts, read by serverless-wsgi with .get() on the result.
V2_CONTEXT: tuple[tuple[str, bool, Check], ...] = (
    ("http", True, lambda http: _object(http) and _text(http.get("method"))),
    ("authorizer", False, _object),
)
V1_CONTEXT: tuple[tuple[str, bool, Check], ...] = (
    ("identity", False, _object),
    ("authorizer", False, _or_null(_object)),
)


def _body_problem(event: dict[str, Any]) -> str | None:
    body = event.get("body")
    if body is not None and not isinstance(body, str):
        return "body is not a string"
    encoded = event.get("isBase64Encoded", False)
    if not isinstance(encoded, bool):
        return "isBase64Encoded is not true or false"
    if encoded and body:
        try:
            base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError):
            return "body is not base64"
    return None


def event_problem(event: Any) -> str | None:
    """What makes this event unreadable, in a few words (never its content); None if readable."""
    if not isinstance(event, dict):
        return "the event is not an object"
    if event.get("source") in WARMUP_SOURCES:
        return None
    version = event.get("version")
    if version == "2.0":
        problem = _keys_problem(event, V2_KEYS)
        context_keys = V2_CONTEXT
    elif version in (None, "1.0"):
        problem = _keys_problem(event, V1_KEYS)
        if problem is None and "headers" not in event and not event.get("multiValueHeaders"):
            problem = "no headers"
        context_keys = V1_CONTEXT
    else:
        return "unknown payload version"
    if problem is None:
        problem = _keys_problem(event.get("requestContext", {}), context_keys)
        problem = problem and f"requestContext: {problem}"
    return problem or _body_problem(event)
