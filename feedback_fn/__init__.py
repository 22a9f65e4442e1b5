"""Wegwijs feedback function: a small Flask app that stores per-page, per-channel feedback."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask

from feedback_fn.validation import longest_valid_body
from wegwijs_shared.store import DEFAULT_URL

# Defaults for a laptop: the SQLite store under var/, no CORS (same origin).
# Every key can be set as FEEDBACK_<KEY> in the environment (JSON values are parsed).
DEFAULTS: dict[str, Any] = {
    "STORE": DEFAULT_URL,
    # Bodies above this get 413. The longest valid answer in any script (a
    # 1000-character comment in emoji, percent-encoded) fits, rounded up to a KiB.
    "MAX_CONTENT_LENGTH": -(-longest_valid_body() // 1024) * 1024,
    # Identical posts without JavaScript from one sender within this many seconds are
    # one record that counts the others (`folded`): a double tap, or classmates on
    # one wifi giving the same answer, which the server cannot tell apart. Seconds,
    # so that a class is not merged into a few records (DESIGN decision 9).
    "FOLD_WINDOW_SECONDS": 2,
    # Keys the client-address hash inside derived ids. Set it (the same on every
    # instance) in production and rotate it; empty means a random one per process.
    "ID_SECRET": "",
    "CORS_ORIGINS": [],
    "RETRY_AFTER_SECONDS": 5,
    # Prefix for redirects when the API is not served on the site's own origin.
    "SITE_URL": "",
    "COMMENT_RETENTION_DAYS": 730,
    "DYNAMODB_MAX_ATTEMPTS": 3,
    "DYNAMODB_TIMEOUT_SECONDS": 3.0,
    # "log" (a plain log line per event) or "emf" (CloudWatch embedded metric format).
    "METRICS_FORMAT": "log",
    "LANGUAGES_FILE": None,
    # The site's pages as the build lists them (site/pages.json); feedback on any
    # other page is refused. None: the list shipped in the Lambda package, if any.
    "PAGES_FILE": None,
    # Submissions per sender per minute (0: no limit). Senders are told apart by a
    # keyed hash of their address that rotates every minute; see rate_limit.py.
    # A school or an office shares one address: two classes of 40 answering in the
    # same minute, double taps included, stay below it; a flood does not.
    "RATE_LIMIT_PER_MINUTE": 180,
}


def _normalize(config: dict[str, Any]) -> None:
    """Accept the easy spellings of environment values (a comma list for origins)."""
    origins = config["CORS_ORIGINS"]
    if isinstance(origins, str):
        origins = [origin.strip() for origin in origins.split(",")]
    config["CORS_ORIGINS"] = [origin.rstrip("/") for origin in origins if origin]
    config["SITE_URL"] = str(config["SITE_URL"] or "").rstrip("/")
    secret = config["ID_SECRET"]
    # from_prefixed_env parses JSON, so FEEDBACK_ID_SECRET=12345 arrives as an int.
    config["ID_SECRET"] = secret if isinstance(secret, bytes) else str(secret or "").encode()
    if not config["ID_SECRET"]:
        config["ID_SECRET"] = os.urandom(32)


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: defaults, then FEEDBACK_* environment variables, then `config`."""
    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("FEEDBACK")
    if config is not None:
        app.config.from_mapping(config)
    _normalize(app.config)

    from feedback_fn import api, db, responses, site_languages, site_pages

    site_languages.init_app(app)
    site_pages.init_app(app)
    db.init_app(app)
    responses.init_app(app)
    app.register_blueprint(api.bp)
    limit = int(app.config["RATE_LIMIT_PER_MINUTE"])
    if limit > 0:
        from feedback_fn.rate_limit import RateLimiter

        app.extensions["rate_limiter"] = RateLimiter(app.config["ID_SECRET"], limit)
    return app
