"""One stored feedback record and its plain-dict form (shared by every store)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

# Bump when a field is added, removed or changes meaning; stores record it so
# that later migrations and exports can tell old records from new ones.
SCHEMA_VERSION = 1

# The stable order of a record's fields: the SQLite columns and every export's
# columns (documented in docs/analysts.md). New fields are only ever added at the
# end, with a SCHEMA_VERSION bump; a test keeps FeedbackRecord in this order.
FIELDS: tuple[str, ...] = (
    "id",
    "received_at",
    "page",
    "lang",
    "channel",
    "rating",
    "barriers",
    "comment",
    "comment_masked",
    "part",
    "status",
    "device",
    "js",
    "schema_version",
)


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

    @property
    def day(self) -> str:
        """The UTC day bucket (YYYY-MM-DD) that the time index partitions on."""
        return self.received_at.strftime("%Y-%m-%d")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: ISO 8601 UTC time, barriers as a list."""
        data = asdict(self)
        data["received_at"] = format_time(self.received_at)
        data["barriers"] = list(self.barriers)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FeedbackRecord:
        return cls(
            id=str(data["id"]),
            received_at=parse_time(str(data["received_at"])),
            page=str(data["page"]),
            lang=str(data["lang"]),
            channel=str(data["channel"]),
            rating=int(data["rating"]),
            barriers=tuple(data.get("barriers") or ()),
            comment=str(data.get("comment") or ""),
            comment_masked=bool(data.get("comment_masked", False)),
            part=data.get("part"),
            status=data.get("status"),
            device=data.get("device"),
            js=bool(data.get("js", False)),
            schema_version=int(data.get("schema_version", SCHEMA_VERSION)),
        )


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
