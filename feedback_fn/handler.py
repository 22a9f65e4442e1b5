"""AWS Lambda entry point: API Gateway events in, through serverless-wsgi, to the Flask app."""

from __future__ import annotations

import os
import random
from functools import cache
from typing import Any

import serverless_wsgi  # type: ignore[import-untyped]
from flask import Flask

from feedback_fn import create_app
from feedback_fn.db import get_store
from feedback_fn.stage_prefix import StripStagePrefix

# Lambda runs these inits before any request arrives (and SnapStart keeps a
# snapshot of the result): there the app and the DynamoDB client are made
# during init, so the first request does not wait for them. An on-demand init
# is part of a request's wait, so it makes nothing before it is needed.
INIT_AHEAD_OF_TRAFFIC = frozenset({"provisioned-concurrency", "snap-start"})


@cache
def get_app() -> Flask:
    """One app per Lambda instance, built on the first event and reused while warm."""
    app = create_app()
    app.wsgi_app = StripStagePrefix(app.wsgi_app)  # type: ignore[method-assign]
    return app


def prepare() -> None:
    """Build the app and its store's client now (no request is sent)."""
    app = get_app()
    with app.app_context():
        get_store().prepare()


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    # Never log `event`: it holds the submitter's address and the raw comment.
    response: dict[str, Any] = serverless_wsgi.handle_request(get_app(), event, context)
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
    from snapshot_restore_py import register_after_restore  # type: ignore[import-untyped]

    register_after_restore(reseed_after_restore)
