"""DynamoStore against moto's server and dynalite, both started by the tests on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from botocore.exceptions import ClientError

from feedback_fn import create_app
from wegwijs_shared.store import open_store
from wegwijs_shared.store.dynamo import DynamoStore
from wegwijs_shared.store.dynamo_items import TTL_ATTRIBUTE, table_definition

from .samples import START, make_record
from .servers import DUMMY_CREDENTIALS, free_port, make_dynamo_client

ROOT = Path(__file__).resolve().parents[2]


def test_put_is_conditional_and_round_trips_reserved_words(dynamo_store: DynamoStore) -> None:
    # comment, status and day are DynamoDB reserved words: all must round-trip.
    record = make_record(1, comment="تعليق", status="mandatory")
    assert dynamo_store.put(record) is True
    assert dynamo_store.put(make_record(1, rating=5)) is False
    assert dynamo_store.get(record.id) == record


def test_optional_values_are_left_out_of_the_item(
    dynamo_store: DynamoStore, dynamo_client: Any
) -> None:
    record = make_record(2, comment="", part=None, status=None, device=None, barriers=())
    dynamo_store.put(record)
    item = dynamo_client.get_item(TableName=dynamo_store.table, Key={"id": {"S": record.id}})
    assert set(item["Item"]) == {
        "id",
        "received_at",
        "day",
        "page",
        "lang",
        "channel",
        "rating",
        "comment_masked",
        "js",
        "schema_version",
        "folded",
    }  # fmt: skip  (no barriers, comment, segments or channel_source: they are empty)
    assert dynamo_store.get(record.id) == record


def test_only_records_with_free_text_expire(dynamo_store: DynamoStore, dynamo_client: Any) -> None:
    with_text, without = make_record(3), make_record(4, comment="")
    dynamo_store.put(with_text)
    dynamo_store.put(without)

    def item(record_id: str) -> dict[str, Any]:
        key = {"id": {"S": record_id}}
        return dict(dynamo_client.get_item(TableName=dynamo_store.table, Key=key)["Item"])

    expected = int((START + timedelta(days=730)).timestamp())
    assert item(with_text.id)[TTL_ATTRIBUTE] == {"N": str(expected)}
    assert TTL_ATTRIBUTE not in item(without.id)


def test_iter_records_by_day_in_time_order(dynamo_store: DynamoStore) -> None:
    # START is one second before midnight: the records span three day buckets.
    moments = [START + timedelta(seconds=offset) for offset in (86400, -3600, 0, 1, 3600)]
    for number, moment in enumerate(moments):
        dynamo_store.put(make_record(number, moment))
    everything = list(
        dynamo_store.iter_records(since=START - timedelta(days=2), until=START + timedelta(days=2))
    )
    assert [r.received_at for r in everything] == sorted(moments)
    window = dynamo_store.iter_records(since=START, until=START + timedelta(seconds=3600))
    assert [r.received_at for r in window] == [START, START + timedelta(seconds=1)]


def test_iter_records_pages_through_large_days(dynamo_store: DynamoStore) -> None:
    # ~30 KB items: 40 of them exceed one 1 MB query page, so pagination must run.
    big = "ب" * 400
    for number in range(40):
        record = make_record(number, START - timedelta(minutes=number), comment=big * 36)
        dynamo_store.put(record)
    records = list(
        dynamo_store.iter_records(
            since=START - timedelta(days=1), until=START + timedelta(seconds=1)
        )
    )
    assert len(records) == 40
    assert records == sorted(records, key=lambda record: record.received_at)


def test_iter_records_without_since_starts_at_the_first_day(dynamo_store: DynamoStore) -> None:
    dynamo_store.put(make_record(1, datetime(2026, 1, 1, 0, 0, tzinfo=UTC)))
    assert len(list(dynamo_store.iter_records(until=datetime(2026, 1, 3, tzinfo=UTC)))) == 1


def test_create_schema_is_idempotent(dynamo_store: DynamoStore, dynamo_client: Any) -> None:
    dynamo_store.create_schema()
    table = dynamo_client.describe_table(TableName=dynamo_store.table)["Table"]
    assert table["KeySchema"] == table_definition("x")["KeySchema"]
    assert table["GlobalSecondaryIndexes"][0]["IndexName"] == "by_day"


def test_dynalite_is_strict_about_reserved_words(
    dynalite_endpoint: str, aws_credentials: dict[str, str]
) -> None:
    # Proof that the test server would catch an unescaped reserved word, as AWS does.

    client = make_dynamo_client(dynalite_endpoint)
    store = DynamoStore(f"strict-{uuid.uuid4().hex[:8]}", client=client)
    store.create_schema()
    with pytest.raises(ClientError, match="reserved keyword"):
        client.query(
            TableName=store.table,
            IndexName="by_day",
            KeyConditionExpression="day = :day",
            ExpressionAttributeValues={":day": {"S": "2026-03-01"}},
        )


def test_app_stores_into_dynamodb_from_the_store_url(
    dynamo_endpoint: str, aws_credentials: dict[str, str], answer: dict[str, Any]
) -> None:
    table = f"app-{uuid.uuid4().hex[:8]}"
    url = f"dynamodb://{table}?region=eu-west-1&endpoint={dynamo_endpoint}"
    open_store(url).create_schema()
    app = create_app({"TESTING": True, "STORE": url})
    client = app.test_client()
    assert client.post("/api/feedback", json=answer).status_code == 201
    assert client.post("/api/feedback", json=answer).status_code == 200
    store = open_store(url)
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    assert [record.id for record in store.iter_records(since=today)] == [answer["id"]]


def test_unreachable_dynamodb_is_503(
    aws_credentials: dict[str, str], answer: dict[str, Any]
) -> None:

    url = f"dynamodb://t?region=eu-west-1&endpoint=http://127.0.0.1:{free_port()}"
    app = create_app(
        {"TESTING": True, "STORE": url, "DYNAMODB_MAX_ATTEMPTS": 1, "DYNAMODB_TIMEOUT_SECONDS": 0.5}
    )
    response = app.test_client().post("/api/feedback", json=answer)
    assert response.status_code == 503 and response.headers["Retry-After"] == "5"


def fresh_interpreter(script: str, *args: str, **env: str) -> str:
    """Run `script` in a new Python, as a new Lambda instance starts; its output.

    Only PATH and `env` are set, so nothing leaks in from the test process."""
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


# A Lambda instance: import the handler (the init), then one form post; prints
# how many boto modules the init loaded and how many the post added.
INIT_THEN_POST = """
import json, sys
def boto(): return {m for m in sys.modules if m.split(".")[0] in ("boto3", "botocore")}
from feedback_fn.handler import lambda_handler
after_init = boto()
event = json.load(open("tests/events/apigw_v2_form_base64_ar.json", encoding="utf-8"))
status = lambda_handler(event, None)["statusCode"]
print(json.dumps({"init": len(after_init), "post": len(boto() - after_init), "status": status}))
"""


def test_sqlite_path_never_imports_boto(tmp_path: Path) -> None:
    output = fresh_interpreter(INIT_THEN_POST, FEEDBACK_STORE=f"sqlite:///{tmp_path}/f.sqlite3")
    assert json.loads(output) == {"init": 0, "post": 0, "status": 303}


def test_store_makes_its_own_boto3_client_in_standard_retry_mode() -> None:
    # boto3 arrives with the DynamoDB store's first use, not before.
    script = """
import sys
from wegwijs_shared.store import open_store
store = open_store("dynamodb://feedback?region=eu-west-1&endpoint=http://127.0.0.1:9")
assert "boto3" not in sys.modules
client = store.client
assert "boto3" in sys.modules
config = client.meta.config
print(client.meta.service_model.service_name, config.retries["mode"], config.connect_timeout)
"""
    output = fresh_interpreter(script, **DUMMY_CREDENTIALS)
    assert output.split() == ["dynamodb", "standard", "3.0"]


def test_client_is_made_without_walking_every_service_directory() -> None:
    # botocore's stock loader lists ~400 service folders (one listdir each) before
    # loading DynamoDB's model; the store's loader skips that on every cold start.
    script = """
import os, sys
from wegwijs_shared.store import open_store
store = open_store("dynamodb://feedback?region=eu-west-1&endpoint=http://127.0.0.1:9")
import boto3, botocore.session
real, calls = os.listdir, []
os.listdir = lambda path=".": calls.append(path) or real(path)
if sys.argv[1] == "stock":
    boto3.session.Session().client("dynamodb", region_name="eu-west-1")
else:
    store.client
print(len(calls))
"""
    stock = int(fresh_interpreter(script, "stock", **DUMMY_CREDENTIALS))
    ours = int(fresh_interpreter(script, "ours", **DUMMY_CREDENTIALS))
    assert stock > 300  # the walk this avoids is still what botocore does
    assert ours < 10


@pytest.mark.parametrize(
    ("init_type", "made_during_init"),
    [("on-demand", False), ("provisioned-concurrency", True), ("snap-start", True)],
)
def test_client_is_made_during_init_only_when_init_is_ahead_of_traffic(
    dynalite_endpoint: str,
    aws_credentials: dict[str, str],
    init_type: str,
    made_during_init: bool,
) -> None:
    table = f"init-{uuid.uuid4().hex[:8]}"
    url = f"dynamodb://{table}?region=eu-west-1&endpoint={dynalite_endpoint}"
    open_store(url).create_schema()
    output = fresh_interpreter(
        INIT_THEN_POST,
        **aws_credentials,
        FEEDBACK_STORE=url,
        FEEDBACK_ID_SECRET="test",
        AWS_LAMBDA_INITIALIZATION_TYPE=init_type,
    )
    loaded = json.loads(output)
    assert loaded["status"] == 303
    if made_during_init:
        assert loaded["init"] > 0 and loaded["post"] == 0  # the post found it all ready
    else:
        assert loaded["init"] == 0 and loaded["post"] > 0  # on demand: only when needed
    [record] = open_store(url).iter_records(since=datetime.now(UTC) - timedelta(days=1))
    assert record.lang == "ar"


def test_snapstart_restore_reseeds_random_for_retry_jitter(tmp_path: Path) -> None:
    # The registered hooks are run the way Lambda's runtime runs them on a restore.
    script = """
import random
from snapshot_restore_py import get_after_restore
from feedback_fn.handler import reseed_after_restore
hooks = [func for func, args, kwargs in get_after_restore()]
snapshot = random.getstate()
for func, args, kwargs in get_after_restore():
    func(*args, **kwargs)
print(hooks == [reseed_after_restore], random.getstate() != snapshot)
"""
    store = f"sqlite:///{tmp_path}/f.sqlite3"
    for init_type, expected in (("snap-start", "True True"), ("on-demand", "False False")):
        output = fresh_interpreter(
            script, FEEDBACK_STORE=store, AWS_LAMBDA_INITIALIZATION_TYPE=init_type
        )
        assert output.strip() == expected, init_type  # on-demand: nothing registered
