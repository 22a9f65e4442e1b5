"""Findings as text for people, GitHub Actions annotations, or JSON for tools."""

from __future__ import annotations

import json

from sitegen.checks.findings import Finding, count_levels

FORMATS = ("text", "github", "json")


def as_text(finding: Finding) -> str:
    return f"{finding.level}: {finding.path}:{finding.line}: {finding.message}"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def as_github(finding: Finding) -> str:
    """A workflow command: GitHub shows it on the pull request's line."""
    properties = ",".join(
        [
            f"file={_escape_property(finding.path)}",
            f"line={finding.line}",
            f"title={_escape_property(finding.check)}",
        ]
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
