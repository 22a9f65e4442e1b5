"""Package the function offline with osls + serverless-wsgi and inspect the result.

No AWS call is made: `osls package` only renders CloudFormation and zips the
staged folder; dummy credentials make sure nothing real could be used.
"""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

from feedback_fn.bundle import distributions, pinned_requirements
from wegwijs_shared.store.dynamo_items import TTL_ATTRIBUTE, table_definition

from .servers import ROOT

EVENT = ROOT / "tests" / "events" / "apigw_v2_form_base64_ar.json"


def of_type(resources: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [resource for resource in resources.values() if resource["Type"] == kind]


def test_http_api_routes_every_method_of_the_endpoint_to_the_function(
    resources: dict[str, Any],
) -> None:
    [api] = of_type(resources, "AWS::ApiGatewayV2::Api")
    assert api["Properties"]["ProtocolType"] == "HTTP"
    [route] = of_type(resources, "AWS::ApiGatewayV2::Route")
    assert route["Properties"]["RouteKey"] == "ANY /api/feedback"
    [integration] = of_type(resources, "AWS::ApiGatewayV2::Integration")
    assert integration["Properties"]["PayloadFormatVersion"] == "2.0"


def test_stage_is_throttled(resources: dict[str, Any]) -> None:
    [stage_resource] = of_type(resources, "AWS::ApiGatewayV2::Stage")
    settings = stage_resource["Properties"]["DefaultRouteSettings"]
    assert settings["ThrottlingRateLimit"] == 20
    assert settings["ThrottlingBurstLimit"] == 40


def test_function_has_reserved_concurrency_and_the_dynamodb_store(
    resources: dict[str, Any],
) -> None:
    [function] = of_type(resources, "AWS::Lambda::Function")
    properties = function["Properties"]
    assert properties["ReservedConcurrentExecutions"] == 10
    assert properties["Handler"] == "feedback_fn/handler.lambda_handler"
    assert properties["Runtime"] == f"python{sys.version_info.major}.{sys.version_info.minor}"
    variables = properties["Environment"]["Variables"]
    assert variables["FEEDBACK_STORE"] == "dynamodb://wegwijs-feedback-test?region=eu-west-1"
    assert variables["FEEDBACK_ID_SECRET"] == "packaging-test"
    assert variables["FEEDBACK_METRICS_FORMAT"] == "emf"


def test_function_may_only_put_items_into_its_table(resources: dict[str, Any]) -> None:
    [role] = of_type(resources, "AWS::IAM::Role")
    statements = [
        statement
        for policy in role["Properties"]["Policies"]
        for statement in policy["PolicyDocument"]["Statement"]
    ]
    actions = [action for statement in statements for action in statement["Action"]]
    assert all(statement["Effect"] == "Allow" for statement in statements)
    assert "*" not in json.dumps(actions)
    assert [a for a in actions if a.startswith("dynamodb:")] == ["dynamodb:PutItem"]
    assert {a.split(":")[0] for a in actions} == {"logs", "dynamodb"}
    [dynamo] = [s for s in statements if s["Action"] == ["dynamodb:PutItem"]]
    assert dynamo["Resource"] == {"Fn::GetAtt": ["FeedbackTable", "Arn"]}


def test_table_matches_the_store_design_with_pitr_sse_and_ttl(resources: dict[str, Any]) -> None:
    table = resources["FeedbackTable"]
    properties = table["Properties"]
    design = table_definition("x")
    for key in ("AttributeDefinitions", "KeySchema", "GlobalSecondaryIndexes", "BillingMode"):
        assert properties[key] == design[key], key
    assert properties["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert properties["SSESpecification"] == {"SSEEnabled": True}
    assert properties["TimeToLiveSpecification"] == {
        "AttributeName": TTL_ATTRIBUTE,
        "Enabled": True,
    }
    assert table["DeletionPolicy"] == "Retain"


def test_zip_holds_code_languages_libraries_and_unchecked_pyc(packaged: Path) -> None:
    with zipfile.ZipFile(packaged / ".serverless" / "wegwijs-feedback.zip") as archive:
        names = set(archive.namelist())
        tag = f"cpython-{sys.version_info.major}{sys.version_info.minor}"
        pyc = archive.read(f"feedback_fn/__pycache__/handler.{tag}.pyc")
    for expected in (
        "feedback_fn/handler.py",
        "feedback_fn/pages.json",
        "feedback_fn/messages/ar.yml",
        "feedback_fn/templates/error.html",
        "wegwijs_shared/languages.py",
        "wegwijs_shared/languages.yml",
        "wegwijs_shared/store/sqlite.py",
        "wegwijs_shared/store/sqlite_v1.sql",
        "wegwijs_shared/store/migrations.py",
        "serverless_wsgi.py",
        "flask/app.py",
        "yaml/__init__.py",
    ):
        assert expected in names, expected
    # PEP 552: flags 0b01 = hash-based and unchecked, valid whatever the zip's timestamps.
    assert int.from_bytes(pyc[4:8], "little") == 0b01
    tops = {name.split("/")[0] for name in names}
    # Only the function and the shared package of ours: never the analysts' tools, the
    # site generator, their libraries, or the tests; boto3 is the runtime's own.
    absent = {"analysts", "sitegen", "hooks", "matplotlib", "pyarrow", "pandas", "numpy"}
    absent |= {"boto3", "botocore", "tests", "mkdocs", "material", "node_modules", "languages.yml"}
    assert not absent & tops, absent & tops
    assert not {"feedback_fn/bundle.py", "serverless.yml", "feedback_fn/serverless.yml"} & names
    assert "feedback_fn/openapi.yaml" not in names  # documentation, not read at run time


def test_zip_serves_a_form_post_on_its_own(packaged: Path, tmp_path: Path) -> None:
    unpacked = tmp_path / "task"
    with zipfile.ZipFile(packaged / ".serverless" / "wegwijs-feedback.zip") as archive:
        archive.extractall(unpacked)
    script = (
        "import json, sys; from feedback_fn.handler import lambda_handler; "
        f"event = json.load(open({str(EVENT)!r}, encoding='utf-8')); "
        "response = lambda_handler(event, None); "
        "assert not any('site-packages' in (m.__file__ or '') for m in list(sys.modules.values())"
        " if getattr(m, '__file__', None)), 'imported from outside the package'; "
        "print(response['statusCode'], response['headers']['Location'])"
    )
    result = subprocess.run(
        # -S: no site-packages, so everything must come from the package itself.
        [sys.executable, "-S", "-c", script],
        cwd=tmp_path,
        env={"PYTHONPATH": str(unpacked), "FEEDBACK_STORE": f"sqlite:///{tmp_path}/f.sqlite3"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["303", "/ar/mo/#wg-sent"]
    # The shipped page list is in force: a page the site does not have is refused.
    event = json.loads(EVENT.read_text(encoding="utf-8"))
    body = base64.b64decode(event["body"]).replace(b"%2Far%2Fmo%2F", b"%2Fen%2Fwork%2F")
    event["body"] = base64.b64encode(body).decode()
    refused = tmp_path / "refused.json"
    refused.write_text(json.dumps(event), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-S", "-c", script.replace(str(EVENT), str(refused))],
        cwd=tmp_path,
        env={"PYTHONPATH": str(unpacked), "FEEDBACK_STORE": f"sqlite:///{tmp_path}/f.sqlite3"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["303", "/ar/feedback/error/?reason=invalid&field=page"]


def test_lambda_pins_agree_with_the_project_pins() -> None:
    project = pinned_requirements(ROOT / "requirements.txt")
    for name, version in pinned_requirements().items():
        assert project.get(name) == version, name


def test_the_lock_file_names_exactly_what_ships_with_a_hash_each() -> None:
    from packaging.utils import canonicalize_name

    text = (ROOT / "feedback_fn" / "requirements.lock").read_text()
    locked = {
        canonicalize_name(name): version
        for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+) \\$", text, flags=re.M)
    }
    shipped = {
        canonicalize_name(dist.metadata["Name"]): dist.version
        for dist in distributions(pinned_requirements())
    }
    assert locked == shipped
    assert len(re.findall(r"--hash=sha256:[0-9a-f]{64}$", text, flags=re.M)) == len(shipped)
