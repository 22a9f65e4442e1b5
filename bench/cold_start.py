"""Cold start of the feedback function's Lambda handler, ours vs a naive one, side by side.

Each run is a fresh Python process (as a new Lambda instance is) that imports
a handler and serves its first POST, timed from the first line of the process.
"Naive" is the common pattern: Flask, boto3 imported and a client created at
import time. Both write into the same local DynamoDB-compatible server
(dynalite from node_modules, else moto's server), both through serverless-wsgi.

    python bench/cold_start.py [--runs 7]

Prints the median of each measure and the ratio ours / naive; no assertion.
A third probe times the floor, the parts that every handler writing to
DynamoDB from Flask through serverless-wsgi must load before its first write:
the two libraries, boto3 and a client, and one PutItem, with no app at all.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVENT = ROOT / "tests" / "events" / "apigw_v2_form_base64_ar.json"
TABLE = "cold-start"

# The usual tutorial handler: client and configuration at import time.
NAIVE_HANDLER = """
import os, uuid
from datetime import datetime, timezone
import boto3
import serverless_wsgi
from flask import Flask, redirect, request

dynamodb = boto3.client("dynamodb", region_name="eu-west-1",
                        endpoint_url=os.environ["BENCH_ENDPOINT"])
TABLE = os.environ["BENCH_TABLE"]
app = Flask(__name__)

@app.route("/api/feedback", methods=["POST"])
def feedback():
    form = request.form
    now = datetime.now(timezone.utc)
    dynamodb.put_item(TableName=TABLE, Item={
        "id": {"S": str(uuid.uuid4())},
        "received_at": {"S": now.isoformat()},
        "day": {"S": now.date().isoformat()},
        "page": {"S": form["page"]}, "lang": {"S": form["lang"]},
        "channel": {"S": form["channel"]}, "rating": {"N": form["rating"]},
        "comment": {"S": form.get("comment", "")},
    })
    return redirect(f"/{form['lang']}/feedback/thanks/", code=303)

def handler(event, context):
    return serverless_wsgi.handle_request(app, event, context)
"""

# Runs in the fresh process; prints import and first-request times in seconds.
PROBE = """
import time
started = time.perf_counter()
import json, sys
sys.path.insert(0, {path!r})
from {module} import {function} as handler
imported = time.perf_counter()
event = json.load(open({event!r}, encoding="utf-8"))
response = handler(event, None)
served = time.perf_counter()
assert response["statusCode"] == 303, response
print(json.dumps({{"import": imported - started, "first_post": served - started}}))
"""


# The floor: what any Flask handler that writes with boto3 pays, and nothing else.
FLOOR = """
import time
started = time.perf_counter()
import json, os
import flask, serverless_wsgi
framework = time.perf_counter()
import boto3
from botocore.config import Config
client = boto3.session.Session().client(
    "dynamodb", region_name="eu-west-1", endpoint_url=os.environ["BENCH_ENDPOINT"],
    config=Config(retries={{"mode": "standard"}}))
sdk = time.perf_counter()
client.put_item(TableName=os.environ["BENCH_TABLE"], Item={{"id": {{"S": "floor"}},
    "received_at": {{"S": "2026-01-01T00:00:00.000Z"}}, "day": {{"S": "2026-01-01"}}}})
done = time.perf_counter()
print(json.dumps({{"framework": framework - started, "sdk": sdk - framework,
                  "put": done - sdk, "first_post": done - started}}))
"""


# The masking module on its own (its package, with Flask, is the handler's anyway), then
# the first comment without digits and the first with a phone number, which loads
# libphonenumber and its Belgian metadata.
MASKING = """
import json, sys, time
sys.path.insert(0, {path!r})
import feedback_fn
started = time.perf_counter()
from feedback_fn.masking import mask_contacts
imported = time.perf_counter()
mask_contacts("Heel duidelijk, dank u")
plain = time.perf_counter()
mask_contacts("Bel me op 0470 12 34 56")
digits = time.perf_counter()
print(json.dumps({{"import": imported - started, "plain": plain - imported,
                  "digits": digits - plain}}))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def dynamodb_server() -> Iterator[tuple[str, str]]:
    """dynalite if the node tools are installed, else moto's server; yields (name, endpoint)."""
    port = free_port()
    dynalite = ROOT / "node_modules" / ".bin" / "dynalite"
    if dynalite.exists():
        command = [str(dynalite), "--host", "127.0.0.1", "--port", str(port)]
        process = subprocess.Popen([*command, "--createTableMs", "0"], stdout=subprocess.DEVNULL)
        name = "dynalite"
    else:
        command = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        name = "moto"
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield name, f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def create_table(endpoint: str) -> None:
    sys.path.insert(0, str(ROOT))
    from wegwijs_shared.store.dynamo import DynamoStore

    DynamoStore(TABLE, region="eu-west-1", endpoint=endpoint).create_schema()


def run_once(module: str, function: str, path: Path, env: dict[str, str]) -> dict[str, float]:
    script = PROBE.format(path=str(path), module=module, function=function, event=str(EVENT))
    return run_script(script, env)


def run_script(script: str, env: dict[str, str]) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    os.environ.update(
        AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench", AWS_DEFAULT_REGION="eu-west-1"
    )
    with dynamodb_server() as (server, endpoint), tempfile.TemporaryDirectory() as tmp:
        create_table(endpoint)
        naive_dir = Path(tmp)
        (naive_dir / "naive_handler.py").write_text(NAIVE_HANDLER)
        base = {key: os.environ[key] for key in ("PATH", "HOME") if key in os.environ}
        base |= {k: os.environ[k] for k in os.environ if k.startswith("AWS_")}
        ours_dynamo = base | {
            "FEEDBACK_STORE": f"dynamodb://{TABLE}?region=eu-west-1&endpoint={endpoint}",
            "FEEDBACK_ID_SECRET": "bench",
        }
        # Provisioned concurrency or SnapStart: Lambda runs the init before traffic.
        ours_ahead = ours_dynamo | {"AWS_LAMBDA_INITIALIZATION_TYPE": "provisioned-concurrency"}
        ours_sqlite = base | {"FEEDBACK_STORE": f"sqlite:///{tmp}/bench.sqlite3"}
        naive_env = base | {"BENCH_ENDPOINT": endpoint, "BENCH_TABLE": TABLE}
        runs: dict[str, list[dict[str, float]]] = {
            "ours": [],
            "ours_sqlite": [],
            "ours_ahead": [],
            "naive": [],
            "floor": [],
            "masking": [],
        }
        # Warm the OS file cache once, then interleave so drift hits both alike.
        run_once("naive_handler", "handler", naive_dir, naive_env)
        run_once("feedback_fn.handler", "lambda_handler", ROOT, ours_dynamo)
        for _ in range(args.runs):
            runs["naive"].append(run_once("naive_handler", "handler", naive_dir, naive_env))
            runs["ours"].append(
                run_once("feedback_fn.handler", "lambda_handler", ROOT, ours_dynamo)
            )
            runs["ours_sqlite"].append(
                run_once("feedback_fn.handler", "lambda_handler", ROOT, ours_sqlite)
            )
            runs["ours_ahead"].append(
                run_once("feedback_fn.handler", "lambda_handler", ROOT, ours_ahead)
            )
            runs["floor"].append(run_script(FLOOR.format(), naive_env))
            runs["masking"].append(run_script(MASKING.format(path=str(ROOT)), base))

    def median(name: str, key: str) -> float:
        return statistics.median(run[key] for run in runs[name])

    print(f"Cold start, median of {args.runs} fresh processes each (DynamoDB: {server})")
    print(f"{'':46}{'import':>9}{'import + 1st POST':>20}{'1st POST alone':>17}")
    rows = [
        ("naive (Flask + boto3 client at import)", "naive"),
        ("ours, DynamoDB store", "ours"),
        ("ours, DynamoDB, init ahead of traffic", "ours_ahead"),
        ("ours, SQLite store", "ours_sqlite"),
    ]
    for label, name in rows:
        imported, served = median(name, "import"), median(name, "first_post")
        alone = statistics.median(run["first_post"] - run["import"] for run in runs[name])
        print(
            f"{label:46}{imported * 1000:>7.0f} ms{served * 1000:>17.0f} ms{alone * 1000:>14.0f} ms"
        )
    for key, label in (("import", "handler import"), ("first_post", "import + first POST")):
        ratio = median("ours", key) / median("naive", key)
        print(f"ratio ours/naive, {label} (DynamoDB): {ratio:.2f}")
    floor = median("floor", "first_post")
    print(
        f"floor, no app: Flask + serverless-wsgi import "
        f"{median('floor', 'framework') * 1000:.0f} ms"
        f" + boto3 import and client {median('floor', 'sdk') * 1000:.0f} ms"
        f" + first PutItem {median('floor', 'put') * 1000:.0f} ms = {floor * 1000:.0f} ms"
        f" ({floor / median('naive', 'first_post'):.2f}x naive)"
    )
    print(
        f"feedback_fn.masking: import {median('masking', 'import') * 1000:.1f} ms; first comment"
        f" without digits {median('masking', 'plain') * 1000:.1f} ms; first with a phone number"
        f" {median('masking', 'digits') * 1000:.1f} ms (loads libphonenumber)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
