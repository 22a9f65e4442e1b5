"""The site's CloudFront Function, tested on its own by node's test runner (tests/edge/)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from .servers import ROOT


def test_the_edge_function_cases_pass_in_node() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on PATH: run `make install-test` (it installs Debian's nodejs)")
    result = subprocess.run(
        [node, "--test", "--test-reporter=tap", str(ROOT / "tests" / "edge")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    passed = re.search(r"^# pass (\d+)$", result.stdout, re.M)
    failed = re.search(r"^# fail (\d+)$", result.stdout, re.M)
    assert passed and failed and failed.group(1) == "0"
    assert int(passed.group(1)) >= 13, result.stdout  # every case ran
