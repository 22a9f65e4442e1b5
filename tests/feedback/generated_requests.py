"""Requests generated from openapi.yaml by schemathesis, sent to the real app in process.

Shared by tests/feedback/test_generated_requests.py (a few hundred requests) and
bench/fuzz_api.py (ten thousand and more). Every answer is checked against the
document (status, content type, headers, body schema); no answer may be a 5xx,
except 503 from a store made unavailable on purpose. Afterwards every stored
record must pass validation again, read back from the SQLite file.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import schemathesis
from flask import Flask
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.generation.case import Case

from feedback_fn import create_app
from feedback_fn.validation import CLAIMED_SOURCES, validate_submission
from wegwijs_shared.languages import language_codes
from wegwijs_shared.pages import PAGE_LIST_NAME, dump_page_list
from wegwijs_shared.record import FIELDS, SCHEMA_VERSION, FeedbackRecord
from wegwijs_shared.store import StoreUnavailable
from wegwijs_shared.store.sqlite import SqliteStore
from wegwijs_shared.vocabulary import CHANNEL_SOURCES, RECORD_CHANNELS, UNKNOWN_CHANNEL

ROOT = Path(__file__).resolve().parents[2]
OPENAPI_FILE = ROOT / "feedback_fn" / "openapi.yaml"
# The site's pages as the build lists them; half the generated answers name one, so
# that the stored path is exercised, not only the refusals.
PAGES = ("/", "/mo/", "/ar/mo/", "/fa/kosten/", "/ps/werk/", "/en/feedback/thanks/")
# What the document promises about every answer. Not schemathesis' "positive data is
# accepted": the document cannot list the site's pages, so a well-formed page may be 422.
CHECKS = [
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def post_operation() -> Any:
    schema = schemathesis.openapi.from_path(str(OPENAPI_FILE))
    return schema["/api/feedback"]["POST"]


def cases(operation: Any) -> st.SearchStrategy[Case]:
    """Valid and invalid requests by the document; valid ones often name a real page."""
    positive = operation.as_strategy(generation_mode=GenerationMode.POSITIVE)
    negative = operation.as_strategy(generation_mode=GenerationMode.NEGATIVE)

    @st.composite
    def with_real_page(draw: st.DrawFn) -> Case:
        case: Case = draw(positive)
        if isinstance(case.body, dict) and draw(st.booleans()):
            case.body["page"] = draw(st.sampled_from(PAGES))
            case.body.pop("homepage", None)  # a filled honeypot is a bot: nothing stored
        return case

    return st.one_of(with_real_page(), negative)


def make_app(folder: Path, unavailable: bool = False) -> Flask:
    """The app on a SQLite file in `folder`, with the site's page list; no rate limit
    (every generated request comes from one address). `unavailable`: a store that
    refuses every write, as a locked or unreachable one does."""
    pages = folder / PAGE_LIST_NAME
    pages.write_text(dump_page_list(PAGES), encoding="utf-8")
    app = create_app(
        {
            "STORE": f"sqlite:///{folder / 'feedback.sqlite3'}",
            "ID_SECRET": "generated",
            "PAGES_FILE": str(pages),
            "RATE_LIMIT_PER_MINUTE": 0,
        }
    )
    if unavailable:
        from feedback_fn.db import set_store

        set_store(app, UnavailableStore(folder / "feedback.sqlite3"))
    return app


class UnavailableStore(SqliteStore):
    def put(self, record: FeedbackRecord) -> bool:
        raise StoreUnavailable("deliberately unavailable")


@dataclass
class Tally:
    """What the run saw: answers by media type and status, and what went wrong."""

    answers: Counter[tuple[str, int]] = field(default_factory=Counter)
    # Form answers by where they were sent: "sent" (back to the page), "thanks" (a bot
    # naming no page), or the error page's reason.
    redirects: Counter[str] = field(default_factory=Counter)
    server_errors: list[str] = field(default_factory=list)
    contract_breaks: list[str] = field(default_factory=list)

    @property
    def requests(self) -> int:
        return sum(self.answers.values())


def send(case: Case, app: Flask, tally: Tally, allow_503: bool = False) -> None:
    """One request; every answer is held against the document, any 5xx is noted."""
    response = case.call(app=app)
    tally.answers[(str(case.media_type), response.status_code)] += 1
    if response.status_code == 303:
        location = next(v[0] for k, v in response.headers.items() if k.lower() == "location")
        where = location.partition("?")[2] or location.rstrip("/").rsplit("/")[-1]
        tally.redirects["sent" if location.endswith("#wg-sent") else where] += 1
    if response.status_code >= 500 and not (allow_503 and response.status_code == 503):
        tally.server_errors.append(f"{response.status_code}: {case.as_curl_command()[:500]}")
    try:
        case.validate_response(response, checks=CHECKS)
    except AssertionError as error:  # schemathesis' failures are AssertionErrors
        tally.contract_breaks.append(f"{error}"[:500])


def invalid_records(path: Path) -> list[str]:
    """Every record in the SQLite file, read back and validated again: the problems found.

    A stored record must pass the rules it was stored under and come out unchanged
    (page, language, vocabularies, the comment's length and characters). The channel
    is the server's conclusion (a link's, the reader's, or unknown), checked apart.
    """
    problems = []
    languages = language_codes()
    for record in SqliteStore(path).iter_records():
        data: dict[str, Any] = {name: getattr(record, name) for name in FIELDS}
        data.update(rating=str(record.rating), barriers=list(record.barriers))
        if record.channel == UNKNOWN_CHANNEL:
            data.pop("channel")
        if record.channel_source not in CLAIMED_SOURCES:
            data.pop("channel_source")
        try:
            again = validate_submission(data, languages, PAGES).content()
        except ValueError as error:
            problems.append(f"{record.id}: {error}")
            continue
        again.pop("channel"), again.pop("channel_source")
        changed = [name for name, value in again.items() if getattr(record, name) != value]
        if changed:
            problems.append(f"{record.id}: {', '.join(changed)} change when validated again")
        if record.channel not in RECORD_CHANNELS or record.channel_source not in CHANNEL_SOURCES:
            problems.append(f"{record.id}: channel {record.channel}/{record.channel_source}")
        elif (record.channel == UNKNOWN_CHANNEL) != (record.channel_source == "none"):
            problems.append(f"{record.id}: channel {record.channel} set by {record.channel_source}")
        if record.schema_version != SCHEMA_VERSION or str(uuid.UUID(record.id)) != record.id:
            problems.append(f"{record.id}: not a canonical id, or another schema version")
    return problems
