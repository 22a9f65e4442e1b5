"""The DynamoDB table design, and records to and from DynamoDB items (no boto3 needed).

Table design:
- partition key `id` (S): the submission id; `PutItem` with
  `attribute_not_exists(id)` makes resends idempotent.
- global secondary index `by_day` on `day` (S, the UTC day `YYYY-MM-DD`) and
  `received_at` (S, ISO 8601 UTC with milliseconds): exports query it day by
  day, in time order, page by page. Feedback volume (a few thousand a day at
  most) is far below one partition's write limit, so a day bucket is not hot.
- `expires_at` (N, epoch seconds) is the TTL attribute. It is set only on
  records that carry a free-text comment: free text is the one field that may
  still hold personal data after masking, so it is kept for a limited time.
- billing on demand; point-in-time recovery and encryption at rest on.
Every attribute name goes through expression attribute names, since several
(`comment`, `day`, `status`, ...) are DynamoDB reserved words.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from wegwijs_shared.record import FeedbackRecord, format_time, parse_time

TIME_INDEX = "by_day"
TTL_ATTRIBUTE = "expires_at"


def table_definition(table: str) -> dict[str, Any]:
    """Arguments for CreateTable; serverless.yml declares the same keys (a test checks)."""
    return {
        "TableName": table,
        "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [
            {"AttributeName": "id", "AttributeType": "S"},
            {"AttributeName": "day", "AttributeType": "S"},
            {"AttributeName": "received_at", "AttributeType": "S"},
        ],
        "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
        "GlobalSecondaryIndexes": [
            {
                "IndexName": TIME_INDEX,
                "KeySchema": [
                    {"AttributeName": "day", "KeyType": "HASH"},
                    {"AttributeName": "received_at", "KeyType": "RANGE"},
                ],
                "Projection": {"ProjectionType": "ALL"},
            }
        ],
    }


def expiry_of(record: FeedbackRecord, retention_days: int) -> int | None:
    """Epoch seconds after which the record may be deleted; None keeps it."""
    if not record.comment or retention_days <= 0:
        return None
    return int((record.received_at + timedelta(days=retention_days)).timestamp())


def to_item(record: FeedbackRecord, expires_at: int | None = None) -> dict[str, dict[str, Any]]:
    """A DynamoDB item in the low-level client's typed form; absent values are left out."""
    item: dict[str, dict[str, Any]] = {
        "id": {"S": record.id},
        "received_at": {"S": format_time(record.received_at)},
        "day": {"S": record.day},
        "page": {"S": record.page},
        "lang": {"S": record.lang},
        "channel": {"S": record.channel},
        "rating": {"N": str(record.rating)},
        "barriers": {"L": [{"S": code} for code in record.barriers]},
        "comment_masked": {"BOOL": record.comment_masked},
        "js": {"BOOL": record.js},
        "schema_version": {"N": str(record.schema_version)},
    }
    # DynamoDB rejects empty strings in key attributes only, but leaving empty
    # optional values out keeps items small and exports unambiguous.
    optional = {
        "comment": record.comment,
        "part": record.part,
        "status": record.status,
        "device": record.device,
    }
    item.update({name: {"S": value} for name, value in optional.items() if value})
    if expires_at is not None:
        item[TTL_ATTRIBUTE] = {"N": str(expires_at)}
    return item


def from_item(item: dict[str, dict[str, Any]]) -> FeedbackRecord:
    def text(name: str) -> str | None:
        value = item.get(name)
        return value["S"] if value else None

    return FeedbackRecord(
        id=item["id"]["S"],
        received_at=parse_time(item["received_at"]["S"]),
        page=item["page"]["S"],
        lang=item["lang"]["S"],
        channel=item["channel"]["S"],
        rating=int(item["rating"]["N"]),
        barriers=tuple(entry["S"] for entry in item.get("barriers", {}).get("L", [])),
        comment=text("comment") or "",
        comment_masked=bool(item.get("comment_masked", {}).get("BOOL", False)),
        part=text("part"),
        status=text("status"),
        device=text("device"),
        js=bool(item.get("js", {}).get("BOOL", False)),
        schema_version=int(item["schema_version"]["N"]),
    )


def day_bounds(day: datetime, since: datetime | None, until: datetime | None) -> tuple[str, str]:
    """The received_at range to query inside one day bucket (both ends inclusive)."""
    start = day.replace(hour=0, minute=0, second=0, microsecond=0)
    end = start + timedelta(days=1) - timedelta(milliseconds=1)
    if since is not None and since > start:
        start = since
    if until is not None and until - timedelta(milliseconds=1) < end:
        end = until - timedelta(milliseconds=1)
    return format_time(start), format_time(end)
