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
            date = datetime.date.fromisoformat(str(date))
        except ValueError:
            return "the date is not a date (YYYY-MM-DD)"
    if in_future(date):
        return f"the date {date.isoformat()} is in the future"
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


# A review's date may be one day after this computer's today: where the reviewer is, in
# another time zone, it can already be the next day. The one rule for `build.py review
# --date` and for the 'reviewed' line that `build.py check` reads.
FUTURE_SLACK = datetime.timedelta(days=1)


def in_future(day: datetime.date, today: datetime.date | None = None) -> bool:
    """Later than tomorrow (the one day of slack for time zones)."""
    return day > (today or datetime.date.today()) + FUTURE_SLACK


class DateProblem(ValueError):
    """A `--date` that `build.py review` cannot write; the message says why."""


def review_day(date: str | None, today: datetime.date | None = None) -> datetime.date:
    """The day `build.py review --date` gives (today when left out); DateProblem if it
    cannot be used."""
    today = today or datetime.date.today()
    if date is None:
        return today
    try:
        day = datetime.date.fromisoformat(date)
    except ValueError:
        raise DateProblem(f"--date {date}: write the date as YYYY-MM-DD.") from None
    if in_future(day, today):
        raise DateProblem(
            f"--date {date} is in the future: give the day the translation was checked, or "
            "leave --date out for today."
        )
    return day


def date_problem(date: str | None, today: datetime.date | None = None) -> str | None:
    """Why `build.py review --date` cannot be used (None when it can, or when it is left out)."""
    try:
        review_day(date, today)
    except DateProblem as problem:
        return str(problem)
    return None


# A role says what the reviewer is ("native speaker (Arabic), translator", "tolk
# Arabisch"); a name is two or more words that each start with a capital letter
# ("Fatima El Amrani"), with the small words of names between them ("Jan de Vries").
# Roles can be written so too ("Sociaal Tolk"), so this only warns.
_PARTICLES = {
    "de",
    "van",
    "der",
    "den",
    "ter",
    "te",
    "el",
    "al",
    "ben",
    "bin",
    "von",
    "da",
    "di",
    "le",
    "la",
    "du",
}
_NAME_LIKE = re.compile(r"^(?:[^\W\d_][\w'’.-]*\s+)+[^\W\d_][\w'’.-]*$")


def role_notice(role: str) -> tuple[str, str]:
    """(level, message): what `build.py review` tells the reviewer about the role it publishes."""
    role = role.strip()
    words = role.split()
    published = (
        f"the role '{role}' is published: it is in the page's file, which anyone can read. "
        "Write a role (what the reviewer is), never a person's name."
    )
    capitals = [word for word in words if word[0].isupper()]
    if (
        _NAME_LIKE.match(role)
        and len(capitals) >= 2
        and all(word in _PARTICLES for word in words if not word[0].isupper())
    ):
        return (
            "warning",
            f"the role '{role}' looks like a person's name, and it is published: it is in the "
            "page's file, which anyone can read. If it is a name, run the command again with "
            'a role, such as --role "native speaker, social interpreter": the new line '
            "replaces this one.",
        )
    return "notice", published
