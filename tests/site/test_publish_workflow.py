"""The workflow that publishes on merge: tests first, AWS by OpenID Connect, then build,
deploy, publish, in that order (read from .github/workflows/publish.yml)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

import build
from tests.site.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def runs(job: dict[str, Any]) -> list[str]:
    return [step.get("run", "") for step in job["steps"]]


def test_it_runs_on_every_merge_to_main(workflow: dict[str, Any]) -> None:
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert triggers["push"] == {"branches": ["main"]}
    assert workflow["concurrency"]["cancel-in-progress"] is False


def test_content_checks_and_tests_come_first(workflow: dict[str, Any]) -> None:
    tests = workflow["jobs"]["check-and-test"]
    assert ".venv/bin/python build.py check --format github" in runs(tests)
    assert runs(tests)[-1] == "bash .ci/run"
    assert workflow["jobs"]["publish"]["needs"] == "check-and-test"


def test_aws_comes_by_openid_connect_and_no_key_is_stored(workflow: dict[str, Any]) -> None:
    assert workflow["permissions"] == {"contents": "read"}
    publish = workflow["jobs"]["publish"]
    assert publish["permissions"] == {"contents": "read", "id-token": "write"}
    [login] = [s for s in publish["steps"] if "configure-aws-credentials" in s.get("uses", "")]
    assert login["with"]["role-to-assume"] == "${{ vars.AWS_DEPLOY_ROLE_ARN }}"
    text = WORKFLOW.read_text(encoding="utf-8").lower()
    for stored in ("aws-access-key-id", "aws_access_key_id", "aws-secret-access-key"):
        assert stored not in text


def test_build_with_the_public_address_then_deploy_then_publish(workflow: dict[str, Any]) -> None:
    publish = workflow["jobs"]["publish"]
    assert publish["env"]["WEGWIJS_SITE_URL"] == "${{ vars.WEGWIJS_SITE_URL }}"
    steps = runs(publish)
    built = steps.index(".venv/bin/python build.py build")  # a build for publishing: no --preview
    [deployed] = [i for i, run in enumerate(steps) if "npx osls deploy" in run]
    [published] = [i for i, run in enumerate(steps) if "build.py publish" in run]
    assert built < deployed < published
    assert "python -m feedback_fn.bundle" in steps[deployed]
    assert "--stack" in steps[published] and "--dry-run" not in steps[published]
    uses = [step.get("uses", "") for step in publish["steps"]]
    login = next(i for i, use in enumerate(uses) if "configure-aws-credentials" in use)
    assert login < deployed
    assert publish["container"].startswith("python:3.11")  # the bundle's runtime


def test_the_publish_options_the_workflow_uses_exist() -> None:
    publish = build.parser()._subparsers._group_actions[0].choices["publish"]
    options = {option for action in publish._actions for option in action.option_strings}
    assert {"--stack", "--region", "--bucket", "--distribution", "--dry-run"} <= options


def test_the_build_starts_from_the_cache_of_earlier_publishes(workflow: dict[str, Any]) -> None:
    """Unchanged files are not compressed again in CI either: .site-cache/ travels."""
    steps = workflow["jobs"]["publish"]["steps"]
    [cache] = [
        i for i, step in enumerate(steps) if step.get("uses", "").startswith("actions/cache")
    ]
    built = runs(workflow["jobs"]["publish"]).index(".venv/bin/python build.py build")
    assert cache < built
    assert steps[cache]["with"]["path"] == ".site-cache"  # what build.py uses beside site/
    assert steps[cache]["with"]["restore-keys"] == "site-cache-"
