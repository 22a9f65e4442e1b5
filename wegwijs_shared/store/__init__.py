"""Feedback stores, and the one place where a store URL becomes a store."""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from typing import Any
from urllib.parse import urlsplit

from wegwijs_shared.store.base import FeedbackStore, StoreUnavailable, StoreURLError

__all__ = ["DEFAULT_URL", "FeedbackStore", "StoreURLError", "StoreUnavailable", "open_store"]

# A laptop's store: one SQLite file under var/ (the feedback app's and the tools' default).
DEFAULT_URL = "sqlite:///var/feedback.sqlite3"

# URL scheme -> the module and class of its backend. Imported on use: the DynamoDB
# backend (and so boto3) only when a dynamodb:// URL is opened.
BACKENDS: dict[str, tuple[str, str]] = {
    "sqlite": ("wegwijs_shared.store.sqlite", "SqliteStore"),
    "dynamodb": ("wegwijs_shared.store.dynamo", "DynamoStore"),
}


def open_store(url: str, settings: Mapping[str, Any] | None = None) -> FeedbackStore:
    """The store a URL names: `sqlite:///relative/path`, `sqlite:////absolute/path` or
    `dynamodb://TABLE?region=eu-west-1[&endpoint=http://127.0.0.1:8000]`.

    `settings` (the app's configuration) reach the backend, which reads its own keys.
    """
    parts = urlsplit(url)
    if parts.scheme not in BACKENDS:
        schemes = " or ".join(f"{scheme}://" for scheme in BACKENDS)
        raise StoreURLError(f"{url!r}: the store URL must start with {schemes}")
    module, name = BACKENDS[parts.scheme]
    backend: type[FeedbackStore] = getattr(import_module(module), name)
    return backend.from_url(parts, settings or {})
