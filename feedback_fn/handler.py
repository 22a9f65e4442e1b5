"""AWS Lambda entry point: API Gateway events in, through serverless-wsgi, to the Flask app."""

from __future__ import annotations

import binascii
import json
import logging
import os
import random
from functools import cache
from typing import Any

import serverless_wsgi
from flask import Flask
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

from feedback_fn import create_app
from feedback_fn.db import get_store
from feedback_fn.events import event_problem
from feedback_fn.masking import warm_up
from feedback_fn.messages import error_message
from feedback_fn.responses import JSON, JSON_HEADERS
from feedback_fn.site_languages import EXTENSION as LANGUAGES
from feedback_fn.stage_prefix import StripStagePrefix

logger = logging.getLogger(__name__)

# Lambda runs these inits before any request arrives (and SnapStart keeps a
# snapshot of the result): there the app and the DynamoDB client are made
# during init, so the first request does not wait for them. An on-demand init
# is part of a request's wait, so it makes nothing before it is needed.
INIT_AHEAD_OF_TRAFFIC = frozenset({"provisioned-concurrency", "snap-start"})


@cache
def get_app() -> Flask:
    """One app per Lambda instance, built on the first event and reused while warm."""
    app = create_app()
    # Flask's documented way to add WSGI middleware; mypy sees a method being replaced.
    app.wsgi_app = StripStagePrefix(app.wsgi_app)  # type: ignore[method-assign]
    return app


def prepare() -> None:
    """Build the app, its store's client and the comment masker now (no request is sent)."""
    app = get_app()
    with app.app_context():
        get_store().prepare()
    warm_up()  # libphonenumber's metadata, else the first comment with a number loads it


def malformed_event(event: Any) -> dict[str, Any]:
    """400 with the app's JSON error body, in the Accept-Language's language if it is one."""
    app = get_app()
    codes = list(app.extensions[LANGUAGES])
    headers = event.get("headers") if isinstance(event, dict) else None
    accept = ""
    if isinstance(headers, dict):
        named = {str(name).lower(): value for name, value in headers.items()}
        accept = str(named.get("accept-language") or "")
    lang = parse_accept_header(accept, LanguageAccept).best_match(codes) or codes[0]
    body = {"error": "malformed", "field": None, "message": error_message(lang, "malformed")}
    answer_headers = {"Content-Type": JSON, **dict(JSON_HEADERS)}
    response: dict[str, Any] = {"statusCode": 400, "body": json.dumps(body)}
    response["isBase64Encoded"] = False
    if isinstance(event, dict) and isinstance(event.get("multiValueHeaders"), dict):
        response["multiValueHeaders"] = {name: [value] for name, value in answer_headers.items()}
    else:
        response["headers"] = answer_headers
    return response


# What serverless-wsgi raises on an event our checks let through but it cannot read.
EVENT_ERRORS = (KeyError, TypeError, AttributeError, ValueError, binascii.Error)


def lambda_handler(event: Any, context: Any) -> dict[str, Any]:
    """Answer every event: an unreadable one gets 400, never an exception (Lambda's 502)."""
    # Never log `event`: it holds the submitter's address and the raw comment.
    problem = event_problem(event)
    if problem is not None:
        logger.warning("unreadable event (%s): answered 400", problem)
        return malformed_event(event)
    app = get_app()
    try:
        response: dict[str, Any] = serverless_wsgi.handle_request(app, event, context)
    except EVENT_ERRORS as error:
        # The app answers its own errors; what reaches here comes from reading the event.
        logger.warning("unreadable event (%s): answered 400", type(error).__name__)
        return malformed_event(event)
    return response


def reseed_after_restore() -> None:
    """Every environment restored from one SnapStart snapshot starts with the same
    `random` state; botocore draws its retry jitter from it, and identical jitter
    would send throttled retries from every instance at the same moments."""
    random.seed()  # from os.urandom, which stays unique across restores


_init_type = os.environ.get("AWS_LAMBDA_INITIALIZATION_TYPE")
if _init_type in INIT_AHEAD_OF_TRAFFIC:
    prepare()
if _init_type == "snap-start":
    # Part of Lambda's Python runtimes (snapshot-restore-py); not shipped in our package.
    from snapshot_restore_py import register_after_restore

    register_after_restore(reseed_after_restore)
