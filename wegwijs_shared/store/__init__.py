"""Feedback stores, and the one place where a store URL becomes a store."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from wegwijs_shared.store.base import FeedbackStore, StoreUnavailable

__all__ = ["DEFAULT_URL", "FeedbackStore", "StoreUnavailable", "open_store"]

# A laptop's store: one SQLite file under var/ (the feedback app's and the tools' default).
DEFAULT_URL = "sqlite:///var/feedback.sqlite3"


class StoreURLError(ValueError):
    """FEEDBACK_STORE is not a store URL this code understands."""


def open_store(url: str, **options: Any) -> FeedbackStore:
    """`sqlite:///relative/path`, `sqlite:////absolute/path` or
    `dynamodb://table?region=eu-west-1&endpoint=http://127.0.0.1:8000`.

    Backends are imported here, on use: the DynamoDB one (and so boto3) only
    when a dynamodb:// URL is given. `options` go to the DynamoDB store; of them
    the SQLite store takes `retention_days`.
    """
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        if parts.netloc or not parts.path.startswith("/") or len(parts.path) < 2:
            raise StoreURLError(f"{url!r}: write sqlite:///relative/path or sqlite:////abs/path")
        from wegwijs_shared.store.sqlite import SqliteStore

        return SqliteStore(Path(parts.path[1:]), retention_days=options.get("retention_days"))
    if parts.scheme == "dynamodb":
        if not parts.netloc:
            raise StoreURLError(f"{url!r}: write dynamodb://TABLE?region=REGION")
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        unknown = set(query) - {"region", "endpoint"}
        if unknown:
            raise StoreURLError(f"{url!r}: unknown parameter(s) {', '.join(sorted(unknown))}")
        from wegwijs_shared.store.dynamo import DynamoStore

        return DynamoStore(
            parts.netloc, region=query.get("region"), endpoint=query.get("endpoint"), **options
        )
    raise StoreURLError(f"{url!r}: the store URL must start with sqlite:/// or dynamodb://")
