"""One stored feedback record, its fields described once, and its plain-dict form.

Every other form of a record is derived from RECORD_FIELDS (the SQLite columns and
migrations, DynamoDB items, the exports' columns) or checked against it by a test
(the Arrow schema, the OpenAPI document). How to add a field: docs/developers.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from wegwijs_shared.vocabulary import (
    BARRIERS,
    CHANNEL_SOURCES,
    RECORD_CHANNELS,
    SEGMENTS,
)

# Bump when a field is added, removed or changes meaning, with a migration for
# SQLite (store/migrations.py); records carry the version they were written with.
SCHEMA_VERSION = 2

Kind = Literal["text", "int", "bool", "time", "list"]


@dataclass(frozen=True)
class Field:
    """One field of a record: its kind, whether it may be empty, its vocabulary, its origin."""

    name: str
    kind: Kind
    doc: str
    required: bool = True  # False: None (or an empty list/text) is a valid value
    vocabulary: tuple[str, ...] | None = None
    since: int = 1  # the schema version that added it; older records read `default`
    default: Any = None
    bits: int = 32  # for "int": the width typed exports (Parquet) give it

    @property
    def nullable(self) -> bool:
        """Whether a record may hold None here (an optional field without a default)."""
        return not self.required and self.default is None


# The stable order of a record's fields: the SQLite columns and every export's
# columns. New fields are only ever added at the end, with a SCHEMA_VERSION bump.
RECORD_FIELDS: tuple[Field, ...] = (
    Field("id", "text", "submission id: the page script's UUID, or one the server derived"),
    Field("received_at", "time", "when the server received it (UTC, milliseconds)"),
    Field("page", "text", "the site path the answer is about, e.g. /ar/mo/"),
    Field("lang", "text", "the language of that page (BCP 47)"),
    Field("channel", "text", "how the reader got the information", vocabulary=RECORD_CHANNELS),
    Field("rating", "int", "how easy it was to understand, 1 (very hard) to 5 (very easy)", bits=8),
    Field("barriers", "list", "what made it hard", required=False, vocabulary=BARRIERS, default=()),
    Field("comment", "text", "free text, masked", required=False, default=""),
    Field("comment_masked", "bool", "whether masking changed the comment", default=False),
    Field("part", "text", "trajectory part", required=False, vocabulary=SEGMENTS["part"]),
    Field(
        "status", "text", "mandatory or voluntary", required=False, vocabulary=SEGMENTS["status"]
    ),
    Field("device", "text", "the reader's device", required=False, vocabulary=SEGMENTS["device"]),
    Field(
        "js", "bool", "sent by the page's script (true) or the plain form (false)", default=False
    ),
    Field("schema_version", "int", "the record schema the record was written with", bits=16),
    Field(
        "channel_source",
        "text",
        "how the channel was set: link (a channel link such as ?c=letter), reader (chosen "
        "by the reader), none (not known: channel is unknown); empty before schema 2",
        required=False,
        vocabulary=CHANNEL_SOURCES,
        since=2,
    ),
    Field(
        "folded",
        "int",
        "identical no-JavaScript posts from the same sender within the double-tap window "
        "that were counted into this record instead of stored apart (0: none)",
        since=2,
        default=0,
    ),
)
FIELDS: tuple[str, ...] = tuple(field.name for field in RECORD_FIELDS)
FIELDS_BY_NAME: dict[str, Field] = {field.name: field for field in RECORD_FIELDS}


@dataclass(frozen=True)
class FeedbackRecord:
    """A validated, masked submission as it is stored: no IP, no user agent, no cookie."""

    id: str
    received_at: datetime
    page: str
    lang: str
    channel: str
    rating: int
    barriers: tuple[str, ...] = ()
    comment: str = ""
    comment_masked: bool = False
    part: str | None = None
    status: str | None = None
    device: str | None = None
    js: bool = False
    schema_version: int = SCHEMA_VERSION
    channel_source: str | None = None
    folded: int = 0

    @property
    def day(self) -> str:
        """The UTC day bucket (YYYY-MM-DD) that the time index partitions on."""
        return self.received_at.strftime("%Y-%m-%d")

    def values(self) -> tuple[Any, ...]:
        """The field values in FIELDS order (for stores and exports)."""
        return tuple(getattr(self, name) for name in FIELDS)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FeedbackRecord:
        """From a JSON Lines export (or any plain dict); absent fields take their default."""
        values: dict[str, Any] = {}
        for field in RECORD_FIELDS:
            raw = data.get(field.name)
            values[field.name] = field.default if raw is None else _coerce(field, raw)
        if values["schema_version"] is None:
            values["schema_version"] = SCHEMA_VERSION
        return cls(**values)


def _coerce(field: Field, raw: Any) -> Any:
    if field.kind == "time":
        return raw if isinstance(raw, datetime) else parse_time(str(raw))
    if field.kind == "int":
        return int(raw)
    if field.kind == "bool":
        return raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true")
    if field.kind == "list":
        return tuple(raw)
    return str(raw)


def utc_now() -> datetime:
    """The current UTC time, cut to milliseconds: what the stores keep, so records round-trip."""
    moment = datetime.now(UTC)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def format_time(moment: datetime) -> str:
    """ISO 8601 in UTC with millisecond precision and a Z: sorts as text, as stores need."""
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)
