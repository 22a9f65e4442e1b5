"""Submission ids: the client's UUID, or one derived from the content and a short window."""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from collections.abc import Mapping
from datetime import datetime

# Fixed namespace so that the same content in the same window gives the same id
# on every Lambda instance (a double click can reach two instances at once).
_DERIVED_NAMESPACE = uuid.UUID("6f0b8a8e-5d0e-4c39-9d3e-2f6b1f1c9a41")
# Made once: json.dumps with any option builds a new encoder per call, which
# costs as much as the encoding itself on the path of every no-JS answer.
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def normalize_client_id(value: str) -> str:
    """Canonical lower-case form of a client UUID; ValueError if it is not one."""
    text = value.strip()
    if len(text) != 36:
        raise ValueError("not a canonical UUID")
    return str(uuid.UUID(text))


def client_key(secret: bytes, address: str) -> str:
    """A keyed hash of the client's address: tells two senders apart, never stored raw.

    Only used inside the derived id; with the secret rotated, old ids cannot be
    linked to an address even by someone who can read the table.
    """
    return hmac.new(secret, address.encode("utf-8"), hashlib.sha256).hexdigest()


def derive_id(
    content: Mapping[str, object], received_at: datetime, window_seconds: int, key: str = ""
) -> str:
    """Same content, same sender key and same time window give the same id.

    The API folds a post whose id already exists (or existed one window
    earlier, within the window: api.store_record) into that record's `folded`
    count, so a no-JavaScript double tap stores one record and loses nothing.
    """
    window = int(received_at.timestamp()) // max(window_seconds, 1)
    canonical = _CANONICAL.encode({"content": content, "window": window, "key": key})
    return str(uuid.uuid5(_DERIVED_NAMESPACE, canonical))
