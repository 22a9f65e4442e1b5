"""The DynamoDB table design, and records to and from DynamoDB items (no boto3 needed).

Table design:
- partition key `id` (S): the submission id; `PutItem` with
  `attribute_not_exists(id)` makes resends idempotent.
- global secondary index `by_day` on `day` (S, the UTC day `YYYY-MM-DD`) and
  `received_at` (S, ISO 8601 UTC with milliseconds): exports query it day by
  day, in time order, page by page. Feedback volume (a few thousand a day at
  most) is far below one partition's write limit, so a day bucket is not hot.
- one attribute per record field (record.RECORD_FIELDS), named as the field;
  items written before a field existed simply lack it and read its default.
- `expires_at` (N, epoch seconds) is the TTL attribute. It is set only on
  records that carry a free-text comment: free text is the one field that may
  still hold personal data after masking, so it is kept for a limited time.
- billing on demand; point-in-time recovery and encryption at rest on.
Every attribute name goes through expression attribute names, since several
(`comment`, `day`, `status`, ...) are DynamoDB reserved words.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from wegwijs_shared.record import RECORD_FIELDS, FeedbackRecord, format_time, parse_time

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


# Per field kind: the low-level client's typed value, and back.
_TO_ITEM: dict[str, Callable[[Any], dict[str, Any]]] = {
    "text": lambda value: {"S": value},
    "time": lambda value: {"S": format_time(value)},
    "int": lambda value: {"N": str(value)},
    "bool": lambda value: {"BOOL": value},
    "list": lambda value: {"L": [{"S": entry} for entry in value]},
}
_FROM_ITEM: dict[str, Callable[[dict[str, Any]], Any]] = {
    "text": lambda typed: typed["S"],
    "time": lambda typed: parse_time(typed["S"]),
    "int": lambda typed: int(typed["N"]),
    "bool": lambda typed: bool(typed["BOOL"]),
    "list": lambda typed: tuple(entry["S"] for entry in typed["L"]),
}


def to_item(record: FeedbackRecord, expires_at: int | None = None) -> dict[str, dict[str, Any]]:
    """A DynamoDB item in the low-level client's typed form, one attribute per record field.

    Empty optional values (None, '', no barriers) are left out: items stay small, and
    an absent attribute reads back as the field's default, which is also how items
    written before a field existed read (items are schemaless: no migration needed).
    """
    item: dict[str, dict[str, Any]] = {"day": {"S": record.day}}
    for field, value in zip(RECORD_FIELDS, record.values(), strict=True):
        if field.required or value:
            item[field.name] = _TO_ITEM[field.kind](value)
    if expires_at is not None:
        item[TTL_ATTRIBUTE] = {"N": str(expires_at)}
    return item


def from_item(item: dict[str, dict[str, Any]]) -> FeedbackRecord:
    """The record of an item of any schema version: absent attributes take their default."""
    values = [
        _FROM_ITEM[field.kind](item[field.name]) if field.name in item else field.default
        for field in RECORD_FIELDS
    ]
    return FeedbackRecord(*values)


def day_bounds(day: datetime, since: datetime | None, until: datetime | None) -> tuple[str, str]:
    """The received_at range to query inside one day bucket (both ends inclusive)."""
    start = day.replace(hour=0, minute=0, second=0, microsecond=0)
    end = start + timedelta(days=1) - timedelta(milliseconds=1)
    if since is not None and since > start:
        start = since
    if until is not None and until - timedelta(milliseconds=1) < end:
        end = until - timedelta(milliseconds=1)
    return format_time(start), format_time(end)
