"""Native-speaker review: whether a person who reads the language checked a translation.

Most translations are made with machine help. A reviewer's sign-off is a line in the
translation's front matter, written by `build.py review`:

    reviewed: {role: "native speaker, interpreter", date: 2026-03-14, source_hash: "3f2a9c0b1d4e"}

`source_hash` is the Dutch text the translation was checked against: when the Dutch
page changes, the review no longer covers the page. A translation without the line
is not reviewed; that is where every translation starts.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass

REVIEWED = "reviewed"
NOT_REVIEWED = "not reviewed"
REVIEW_OUTDATED = "review outdated"  # reviewed against an earlier Dutch text
KEY = "reviewed"
_HASH = re.compile(r"^[0-9a-f]{12}$")


@dataclass(frozen=True)
class Review:
    role: str
    date: str  # YYYY-MM-DD
    source_hash: str


def review_problem(value: object) -> str | None:
    """What is wrong with a front matter 'reviewed' value (None when it is well formed)."""
    if not isinstance(value, dict):
        return "it must be the line that 'build.py review' writes"
    unknown = value.keys() - {"role", "date", "source_hash"}
    if unknown:
        return f"it has {', '.join(sorted(map(str, unknown)))}, which is not role, date or hash"
    role, date = value.get("role"), value.get("date")
    if not isinstance(role, str) or not role.strip():
        return "the reviewer's role is missing"
    if not isinstance(date, datetime.date) or isinstance(date, datetime.datetime):
        try:
            datetime.date.fromisoformat(str(date))
        except ValueError:
            return "the date is not a date (YYYY-MM-DD)"
    if not _HASH.match(str(value.get("source_hash", ""))):
        return "its source_hash is not one that 'build.py review' writes"
    return None


def read_review(meta: dict) -> Review | None:
    """The review recorded in a page's front matter; None when there is none (or it is bad)."""
    value = meta.get(KEY)
    if value is None or review_problem(value):
        return None
    return Review(value["role"].strip(), str(value["date"]), str(value["source_hash"]))


def review_state(meta: dict, current_hash: str) -> str:
    """REVIEWED, REVIEW_OUTDATED or NOT_REVIEWED against the current Dutch text."""
    review = read_review(meta)
    if review is None:
        return NOT_REVIEWED
    return REVIEWED if review.source_hash == current_hash else REVIEW_OUTDATED


def review_value(review: Review) -> str:
    """The front matter value, on one line (a YAML flow mapping)."""
    role = json.dumps(review.role, ensure_ascii=False)  # a JSON string is a YAML string
    return f'{{role: {role}, date: {review.date}, source_hash: "{review.source_hash}"}}'
