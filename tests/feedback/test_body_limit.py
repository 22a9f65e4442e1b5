"""The body limit fits the longest valid answer in any script, and nothing longer."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from flask import Flask
from flask.testing import FlaskClient

from feedback_fn.validation import longest_valid_body
from wegwijs_shared.store.sqlite import SqliteStore
from wegwijs_shared.vocabulary import BARRIERS, COMMENT_MAX_CHARS, PAGE_MAX_CHARS

URL = "/api/feedback"
FORM = "application/x-www-form-urlencoded"
EMOJI = "😀"  # 4 bytes of UTF-8: %F0%9F%98%80 in a form
LONGEST_PAGE = "/" + "a" * (PAGE_MAX_CHARS - 2) + "/"


def every_byte_escaped(text: str) -> str:
    """Percent-encode every byte, as a cautious client may (the worst case for size)."""
    return "".join(f"%{byte:02X}" for byte in text.encode("utf-8"))


def escaped_json(value: object) -> str:
    """JSON with every character of every string as a \\u escape (6 bytes; 12 per emoji)."""
    if isinstance(value, str):
        units = value.encode("utf-16-be")
        pairs = (units[i : i + 2].hex() for i in range(0, len(units), 2))
        return '"' + "".join(f"\\u{unit}" for unit in pairs) + '"'
    if isinstance(value, dict):
        return (
            "{" + ", ".join(f"{escaped_json(k)}: {escaped_json(v)}" for k, v in value.items()) + "}"
        )
    if isinstance(value, list):
        return "[" + ", ".join(escaped_json(item) for item in value) + "]"
    return json.dumps(value)


def longest_form(comment: str) -> bytes:
    fields = [
        ("id", "0b6f1f7e-8f5a-4b8e-9a51-4d1f0c1b2a3c"),
        ("page", LONGEST_PAGE),
        ("lang", "nl"),
        ("channel", "partner"),
        ("rating", "5"),
        *(("barriers", code) for code in BARRIERS),
        ("comment", comment),
        ("part", "participation"),
        ("status", "mandatory"),
        ("device", "computer"),
        ("homepage", ""),
    ]
    return "&".join(f"{name}={every_byte_escaped(value)}" for name, value in fields).encode()


def test_longest_valid_form_in_emoji_is_stored(
    app: Flask, client: FlaskClient, store: SqliteStore
) -> None:
    body = longest_form(EMOJI * COMMENT_MAX_CHARS)
    assert len(body) > 12_000  # the 8 KB limit of old refused it
    assert len(body) <= longest_valid_body() <= app.config["MAX_CONTENT_LENGTH"]
    response = client.post(URL, data=body, content_type=FORM)
    assert (response.status_code, response.headers["Location"]) == (303, f"{LONGEST_PAGE}#wg-sent")
    [record] = store.iter_records()
    assert record.comment == EMOJI * COMMENT_MAX_CHARS
    assert record.page == LONGEST_PAGE and record.barriers == BARRIERS


def test_longest_valid_json_with_every_character_escaped_is_stored(
    app: Flask, client: FlaskClient, store: SqliteStore
) -> None:
    answer = {
        "id": "0b6f1f7e-8f5a-4b8e-9a51-4d1f0c1b2a3c",
        "page": LONGEST_PAGE,
        "lang": "nl",
        "channel": "partner",
        "rating": 5,
        "barriers": list(BARRIERS),
        "comment": EMOJI * COMMENT_MAX_CHARS,
        "part": "participation",
        "status": "mandatory",
        "device": "computer",
    }
    body = escaped_json(answer)
    assert json.loads(body) == answer
    assert len(body) <= longest_valid_body()
    assert client.post(URL, data=body, content_type="application/json").status_code == 201
    assert [record.comment for record in store.iter_records()] == [EMOJI * COMMENT_MAX_CHARS]


@pytest.mark.parametrize(
    "letter",
    ["ሀ", "漢", "😀", "👍🏽"[0], "ب"],  # Ethiopic, CJK, emoji, a skin-tone emoji's base, Arabic
)
def test_a_full_comment_in_any_script_as_a_browser_sends_it(
    client: FlaskClient, store: SqliteStore, letter: str
) -> None:
    form = {"page": "/mo/", "lang": "nl", "channel": "website", "rating": "3"}
    body = urlencode({**form, "comment": letter * COMMENT_MAX_CHARS}, quote_via=quote)
    assert client.post(URL, data=body, content_type=FORM).status_code == 303
    assert [len(record.comment) for record in store.iter_records()] == [COMMENT_MAX_CHARS]


def test_one_byte_over_the_limit_is_413_and_stores_nothing(
    app: Flask, client: FlaskClient, store: SqliteStore, tmp_path: Path
) -> None:
    limit = app.config["MAX_CONTENT_LENGTH"]
    body = longest_form("x")
    body += b"&pad=" + b"x" * (limit + 1 - len(body) - 5)
    assert len(body) == limit + 1
    assert client.post(URL, data=body, content_type=FORM).status_code == 413
    assert client.post(URL, data=body[:-1], content_type=FORM).status_code == 303
    assert len(list(store.iter_records())) == 1
