"""DynamoStore: records in one DynamoDB table (see dynamo_items for the table design).

boto3 is imported only when this store first talks to DynamoDB, so the SQLite
path and the Lambda cold start of the web app do not pay for it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import SplitResult, parse_qs

from wegwijs_shared.record import FeedbackRecord
from wegwijs_shared.store.base import FeedbackStore, StoreUnavailable, StoreURLError
from wegwijs_shared.store.dynamo_items import (
    TIME_INDEX,
    day_bounds,
    expiry_of,
    from_item,
    table_definition,
    to_item,
)

logger = logging.getLogger(__name__)

# The first day any record can have: exports without --since start here.
FIRST_DAY = date(2026, 1, 1)


class DynamoStore(FeedbackStore):
    """Records in a DynamoDB table; pass `client` to inject a configured or stubbed client.

    Without a client one is made on first use: `max_attempts` counts every try
    (the first included) and `timeout` bounds connecting and reading, so a
    throttled or unreachable table ends in StoreUnavailable well inside the
    Lambda timeout.
    """

    # The table's TTL attribute (expires_at) deletes records with a comment.
    EXPIRES_ITSELF = True

    def __init__(
        self,
        table: str,
        client: Any = None,
        *,
        region: str | None = None,
        endpoint: str | None = None,
        max_attempts: int = 3,
        timeout: float = 3.0,
        retention_days: int = 730,
        first_day: date = FIRST_DAY,
    ) -> None:
        self.table = table
        self._client = client
        self.region = region
        self.endpoint = endpoint
        self.max_attempts = max_attempts
        self.timeout = timeout
        self.retention_days = retention_days
        self.first_day = first_day

    @property
    def client(self) -> Any:
        if self._client is None:
            self._client = self._create_client()
        return self._client

    def _create_client(self) -> Any:
        # Lazy: only the DynamoDB path pays for importing boto3. A session of its
        # own, not boto3's module-level default, so that nothing is shared by accident.
        import boto3
        import botocore.session
        from botocore.config import Config

        from wegwijs_shared.store.dynamo_models import DynamoDBModels

        session = botocore.session.Session()
        session.register_component("data_loader", DynamoDBModels())
        config = Config(
            # Standard mode, set explicitly: exponential backoff with jitter and a
            # retry quota, the same on every SDK version the runtime ships.
            retries={"mode": "standard", "total_max_attempts": self.max_attempts},
            connect_timeout=self.timeout,
            read_timeout=self.timeout,
        )
        return boto3.session.Session(botocore_session=session).client(
            "dynamodb", region_name=self.region, endpoint_url=self.endpoint, config=config
        )

    def prepare(self) -> None:
        """Import boto3 and make the client (no request is sent)."""
        self.client  # noqa: B018 - the property makes and keeps the client

    @classmethod
    def from_url(cls, parts: SplitResult, settings: Mapping[str, Any]) -> DynamoStore:
        """`dynamodb://TABLE?region=REGION[&endpoint=URL]`; retries, timeout and retention
        come from the app's FEEDBACK_DYNAMODB_* and FEEDBACK_COMMENT_RETENTION_DAYS."""
        url = parts.geturl()
        if not parts.netloc:
            raise StoreURLError(f"{url!r}: write dynamodb://TABLE?region=REGION")
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        unknown = set(query) - {"region", "endpoint"}
        if unknown:
            raise StoreURLError(f"{url!r}: unknown parameter(s) {', '.join(sorted(unknown))}")
        return cls(
            parts.netloc,
            region=query.get("region"),
            endpoint=query.get("endpoint"),
            max_attempts=int(settings.get("DYNAMODB_MAX_ATTEMPTS", 3)),
            timeout=float(settings.get("DYNAMODB_TIMEOUT_SECONDS", 3.0)),
            retention_days=int(settings.get("COMMENT_RETENTION_DAYS", 730)),
        )

    @contextmanager
    def _answering(self, action: str, expected: str = "") -> Iterator[list[bool]]:
        """Turn botocore's errors into StoreUnavailable; `expected` is a code that is an answer.

        Yields a one-item list set to True when the expected code came back.
        """
        from botocore.exceptions import BotoCoreError, ClientError

        outcome = [False]
        try:
            yield outcome
        except ClientError as error:
            code = error.response.get("Error", {}).get("Code", "")
            if code and code == expected:
                outcome[0] = True
                return
            # Throttling after botocore's retries, or a service error: the client resends.
            logger.warning("DynamoDB %s failed: %s", action, code)
            raise StoreUnavailable(f"DynamoDB {action}: {code}") from error
        except BotoCoreError as error:
            logger.warning("DynamoDB unreachable: %s", type(error).__name__)
            raise StoreUnavailable(f"DynamoDB {action}: {type(error).__name__}") from error

    def put(self, record: FeedbackRecord) -> bool:
        with self._answering("PutItem", "ConditionalCheckFailedException") as existed:
            self.client.put_item(
                TableName=self.table,
                Item=to_item(record, expiry_of(record, self.retention_days)),
                ConditionExpression="attribute_not_exists(#id)",
                ExpressionAttributeNames={"#id": "id"},
            )
        return not existed[0]

    def add_folded(self, record_id: str, posts: int = 1) -> None:
        # ADD starts from 0 on items written before schema 2; the condition keeps a
        # record that has expired meanwhile from coming back as a bare counter.
        with self._answering("UpdateItem", "ConditionalCheckFailedException"):
            self.client.update_item(
                TableName=self.table,
                Key={"id": {"S": record_id}},
                UpdateExpression="ADD #folded :posts",
                ConditionExpression="attribute_exists(#id)",
                ExpressionAttributeNames={"#folded": "folded", "#id": "id"},
                ExpressionAttributeValues={":posts": {"N": str(posts)}},
            )

    def get(self, record_id: str) -> FeedbackRecord | None:
        with self._answering("GetItem"):
            answer = self.client.get_item(
                TableName=self.table, Key={"id": {"S": record_id}}, ConsistentRead=True
            )
        return from_item(answer["Item"]) if "Item" in answer else None

    def iter_records(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> Iterator[FeedbackRecord]:
        first = since.astimezone(UTC).date() if since else self.first_day
        last = (until or datetime.now(UTC)).astimezone(UTC).date()
        with self._answering("Query"):
            yield from self._query_days(first, last, since, until)

    def _query_days(
        self, first: date, last: date, since: datetime | None, until: datetime | None
    ) -> Iterator[FeedbackRecord]:
        paginator = self.client.get_paginator("query")
        day = first
        while day <= last:
            low, high = day_bounds(datetime(day.year, day.month, day.day, tzinfo=UTC), since, until)
            if low <= high:
                pages = paginator.paginate(
                    TableName=self.table,
                    IndexName=TIME_INDEX,
                    KeyConditionExpression="#day = :day AND #received_at BETWEEN :low AND :high",
                    ExpressionAttributeNames={"#day": "day", "#received_at": "received_at"},
                    ExpressionAttributeValues={
                        ":day": {"S": day.isoformat()},
                        ":low": {"S": low},
                        ":high": {"S": high},
                    },
                )
                for page in pages:
                    yield from (from_item(item) for item in page.get("Items", []))
            day += timedelta(days=1)

    def create_schema(self) -> None:
        """Create the table for local development and tests (production: serverless.yml)."""
        with self._answering("CreateTable", "ResourceInUseException"):
            self.client.create_table(**table_definition(self.table))
        with self._answering("DescribeTable"):
            self.client.get_waiter("table_exists").wait(
                TableName=self.table, WaiterConfig={"Delay": 0.2, "MaxAttempts": 50}
            )
