"""Validate a submission (form or JSON, already parsed to plain values) field by field."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from feedback_fn.identity import normalize_client_id
from wegwijs_shared.vocabulary import (
    BARRIERS,
    CHANNELS,
    COMMENT_MAX_CHARS,
    PAGE_MAX_CHARS,
    RATING_MAX,
    RATING_MIN,
    SEGMENTS,
)

# The order in which fields are checked: the first problem found is the one reported.
FIELDS = (
    "page",
    "lang",
    "channel",
    "channel_source",
    "rating",
    "barriers",
    "comment",
    "part",
    "status",
    "device",
)

# What a page's script may say about the channel; "none" is the server's to conclude.
CLAIMED_SOURCES = ("link", "reader")
# A site path: no scheme, no host, no query, no way out of the site. The OpenAPI
# document states the same pattern (a test compares them).
PAGE_PATTERN = r"/[A-Za-z0-9._~%/-]*"
_PAGE = re.compile(PAGE_PATTERN)
# Control characters other than newline and tab never belong in a comment, nor do
# the bidi embeddings and overrides (U+202A-U+202E): nobody types them, and in an
# export or the report they can make a comment read differently from what was
# sent. Marks (U+200E, U+200F) and isolates (U+2066-U+2069), which right-to-left
# writers do use, stay.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\u202a-\u202e]")
# A lone UTF-16 surrogate (a JSON "\ud800" escape, or an emoji cut in half by a
# script) is no character at all: no store can keep it.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# The longest language tag a field may name (BCP 47's recommended minimum support).
LANG_MAX_CHARS = 35


class ValidationError(ValueError):
    """One problem with one field; `code` is a stable machine-readable word."""

    def __init__(self, code: str, field: str | None = None, **params: object) -> None:
        super().__init__(f"{field or 'body'}: {code}")
        self.code = code
        self.field = field
        self.params = params


@dataclass(frozen=True)
class Submission:
    """The validated content of one answer (before masking, id and time are added)."""

    page: str
    lang: str
    channel: str | None  # None: the reader chose none (the record says unknown or the link's)
    rating: int
    barriers: tuple[str, ...] = ()
    comment: str = ""
    part: str | None = None
    status: str | None = None
    device: str | None = None
    channel_source: str | None = None  # the page script's word: link or reader

    def content(self) -> dict[str, Any]:
        """The fields as a new dict; shallow on purpose, as every value is immutable
        (dataclasses.asdict deep-copies, at several times the cost)."""
        return dict(self.__dict__)


def _text(data: Mapping[str, object], field: str) -> str | None:
    """The field as stripped text; None when absent or empty (forms send '' for 'no choice')."""
    value = data.get(field)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError("invalid", field)
    value = value.strip()
    return value or None


def _required(data: Mapping[str, object], field: str) -> str:
    value = _text(data, field)
    if value is None:
        raise ValidationError("missing", field)
    return value


def _choice(value: str | None, allowed: Collection[str], field: str) -> str | None:
    if value is not None and value not in allowed:
        raise ValidationError("invalid", field)
    return value


def normalize_page(page: str) -> str:
    """The site's own spelling of a page path: /mo/index.html and /mo are /mo/."""
    if page.endswith("/index.html"):
        return page[: -len("index.html")]
    return page if page.endswith("/") else f"{page}/"


def check_page(data: Mapping[str, object], pages: Collection[str] | None = None) -> str:
    """A page of the site: one of `pages` (the build's list) once normalised.

    Without a list (a bare development run) only the form of a site path is checked.
    """
    page = _required(data, "page")
    if len(page) > PAGE_MAX_CHARS:
        raise ValidationError("too_long", "page", limit=PAGE_MAX_CHARS)
    if not _PAGE.fullmatch(page) or page.startswith("//") or "/../" in f"{page}/":
        raise ValidationError("invalid", "page")
    page = normalize_page(page)
    if pages is not None and page not in pages:
        raise ValidationError("invalid", "page")
    return page


def check_channel(data: Mapping[str, object]) -> str | None:
    """The chosen channel, as links and scripts may spell it (`LETTER`); None when none."""
    value = _text(data, "channel")
    if value is None:
        return None
    code = value.lower()
    if code not in CHANNELS:
        raise ValidationError("invalid", "channel")
    return code


def check_rating(data: Mapping[str, object]) -> int:
    value = data.get("rating")
    if value is None or value == "":
        raise ValidationError("missing", "rating")
    # bool is an int in Python; true is not a rating.
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValidationError("invalid", "rating")
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or not RATING_MIN <= int(text) <= RATING_MAX:
        raise ValidationError("invalid", "rating")
    return int(text)


def check_barriers(data: Mapping[str, object]) -> tuple[str, ...]:
    value = data.get("barriers")
    if value is None or value == "":
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError("invalid", "barriers")
    chosen = {item.strip() for item in value if item.strip()}
    if not chosen <= set(BARRIERS):
        raise ValidationError("invalid", "barriers")
    # Vocabulary order, each once: a resend with another order is the same answer.
    return tuple(code for code in BARRIERS if code in chosen)


def check_comment(data: Mapping[str, object]) -> str:
    value = data.get("comment")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError("invalid", "comment")
    if _SURROGATE.search(value):
        raise ValidationError("invalid_text", "comment")
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text).strip()
    if len(text) > COMMENT_MAX_CHARS:
        raise ValidationError("too_long", "comment", limit=COMMENT_MAX_CHARS)
    return text


def check_client_id(data: Mapping[str, object]) -> str | None:
    """The client's UUID if it sent one (the page's script does), else None."""
    value = _text(data, "id")
    if value is None:
        return None
    try:
        return normalize_client_id(value)
    except ValueError:
        raise ValidationError("invalid", "id") from None


def validate_submission(
    data: Mapping[str, object],
    languages: Collection[str],
    pages: Collection[str] | None = None,
) -> Submission:
    """Check every field in FIELDS order; raise ValidationError for the first problem.

    `pages` is the site's page list; None checks the form of `page` only.
    """
    page = check_page(data, pages)
    lang = _choice(_required(data, "lang"), languages, "lang")
    channel = check_channel(data)
    source = _choice(_text(data, "channel_source"), CLAIMED_SOURCES, "channel_source")
    rating = check_rating(data)
    barriers = check_barriers(data)
    comment = check_comment(data)
    segments = {name: _choice(_text(data, name), SEGMENTS[name], name) for name in SEGMENTS}
    return Submission(
        page=page,
        lang=str(lang),
        channel=channel,
        channel_source=source,
        rating=rating,
        barriers=barriers,
        comment=comment,
        **segments,
    )


def longest_valid_body() -> int:
    """Bytes of the longest answer that passes validation, as a form or as JSON.

    Every field at its longest. In a form every byte of a value may be
    percent-encoded (3 bytes), and a comment character can take 4 bytes of
    UTF-8: 12 bytes once encoded (an emoji, %F0%9F%98%80). In JSON any character
    may be written as a \\u escape (6 bytes; 12 for a surrogate pair). The body
    limit (MAX_CONTENT_LENGTH) must be at least this, or a long comment in
    Ethiopic, CJK or emoji would be refused as too large.
    """
    longest = {
        "id": 36,
        "page": PAGE_MAX_CHARS,
        "lang": LANG_MAX_CHARS,
        "channel": max(map(len, CHANNELS)),
        "rating": 1,
        **{name: max(map(len, values)) for name, values in SEGMENTS.items()},
    }
    form_pairs = [(name, 3 * chars) for name, chars in longest.items()]
    form_pairs += [("comment", 12 * COMMENT_MAX_CHARS)]
    form_pairs += [("barriers", len(code)) for code in BARRIERS]
    form = sum(len(name) + 1 + size for name, size in form_pairs) + len(form_pairs) - 1
    # {"name": "value", ...}: names escaped too; quotes, colon, space and comma per pair.
    json_pairs = [(name, 6 * chars) for name, chars in longest.items()]
    json_pairs += [("comment", 12 * COMMENT_MAX_CHARS), ("barriers", 2)]
    json_pairs += [("", 6 * len(code) + 4) for code in BARRIERS]  # "...", in the list
    as_json = sum(6 * len(name) + 6 + size for name, size in json_pairs) + 2
    return max(form, as_json)
