"""Findings as text for people, GitHub Actions annotations, or JSON for tools."""

from __future__ import annotations

import json
import sys

from sitegen.checks.findings import NOTICE, Finding, count_levels

FORMATS = ("text", "github", "json")


def as_text(finding: Finding) -> str:
    return f"{finding.level}: {finding.path}:{finding.line}: {finding.message}"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def as_github(finding: Finding) -> str:
    """A workflow command: GitHub shows it on the pull request's line."""
    where = [f"file={_escape_property(finding.path)}", f"line={finding.line}"]
    properties = ",".join(
        # No file (a setting of the whole project): an annotation on the run, not on a line.
        [*(where if finding.path else []), f"title={_escape_property(finding.check)}"]
    )
    return f"::{finding.level} {properties}::{_escape_data(finding.message)}"


def summary(findings: list[Finding]) -> str:
    counts = count_levels(findings)
    return (
        f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['notice']} notice(s)"
    )


def as_json(findings: list[Finding]) -> str:
    return json.dumps(
        {
            "findings": [
                {
                    "file": f.path,
                    "line": f.line,
                    "level": f.level,
                    "check": f.check,
                    "message": f.message,
                }
                for f in findings
            ],
            "counts": count_levels(findings),
        },
        ensure_ascii=False,
        indent=2,
    )


def print_findings(
    findings: list[Finding], fmt: str = "text", notices: bool = False, arranged: bool = False
) -> None:
    """Findings in a format: text for people on stderr, github and json on stdout.

    Notices are left out unless asked for (json always has them). Annotations come
    errors first, unless the findings are `arranged` for a pull request already
    (sitegen.checks.pull_request).
    """
    if fmt == "json":
        print(as_json(findings))
        return
    shown = [f for f in findings if notices or f.level != NOTICE]
    if fmt == "github":
        order = {"error": 0, "warning": 1, "notice": 2}  # GitHub shows the first ten of each
        for finding in shown if arranged else sorted(shown, key=lambda f: order[f.level]):
            print(as_github(finding))
        return
    for finding in shown:
        print(as_text(finding), file=sys.stderr)
