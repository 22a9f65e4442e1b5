"""AWS Lambda entry point: API Gateway events in, through serverless-wsgi, to the Flask app."""

from __future__ import annotations

from functools import cache
from typing import Any

import serverless_wsgi  # type: ignore[import-untyped]
from flask import Flask

from feedback_fn import create_app
from feedback_fn.stage_prefix import StripStagePrefix


@cache
def get_app() -> Flask:
    """One app per Lambda instance, built on the first event and reused while warm."""
    app = create_app()
    app.wsgi_app = StripStagePrefix(app.wsgi_app)  # type: ignore[method-assign]
    return app


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    # Never log `event`: it holds the submitter's address and the raw comment.
    response: dict[str, Any] = serverless_wsgi.handle_request(get_app(), event, context)
    return response
