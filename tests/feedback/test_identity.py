"""Submission ids: the client's UUID, or one derived from content, sender key and window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from feedback_fn.identity import client_key, derive_id

CONTENT = {"page": "/mo/", "lang": "nl", "channel": "letter", "rating": 2}
MOMENT = datetime(2026, 3, 2, 10, 0, 5, tzinfo=UTC)


def test_same_content_in_same_window_gives_same_id() -> None:
    later = MOMENT + timedelta(seconds=20)
    assert derive_id(CONTENT, MOMENT, 30, "k") == derive_id(dict(CONTENT), later, 30, "k")


def test_next_window_gives_another_id() -> None:
    later = MOMENT + timedelta(seconds=60)
    assert derive_id(CONTENT, MOMENT, 30, "k") != derive_id(CONTENT, later, 30, "k")


def test_other_content_or_sender_gives_another_id() -> None:
    base = derive_id(CONTENT, MOMENT, 30, "k")
    assert derive_id({**CONTENT, "rating": 3}, MOMENT, 30, "k") != base
    assert derive_id(CONTENT, MOMENT, 30, "other sender") != base


def test_derived_id_is_a_uuid_string() -> None:
    derived = derive_id(CONTENT, MOMENT, 30)
    assert len(derived) == 36 and derived.count("-") == 4


def test_client_key_hides_the_address_and_depends_on_the_secret() -> None:
    key = client_key(b"secret", "203.0.113.7")
    assert "203.0.113.7" not in key
    assert key == client_key(b"secret", "203.0.113.7")
    assert key != client_key(b"rotated", "203.0.113.7")
