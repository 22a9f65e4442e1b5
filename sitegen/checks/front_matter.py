"""Front matter: required keys, known keys only, the right types."""

from __future__ import annotations

import difflib
import re

from sitegen.checks.findings import ERROR, WARNING, Finding
from sitegen.checks.source import ContentSite, DateText, SourcePage
from sitegen.review import review_problem

REQUIRED_KEYS = ("title", "description")
# Every key a page may have, and what it holds. source_hash is for translations only;
# so are 'translated: false' (a new language's page that is still the Dutch text) and
# 'reviewed' (a native reviewer's sign-off, sitegen.review).
# sources lists ids of docs/sources.yml (checked by sitegen.checks.sources).
KNOWN_KEYS = {
    "title": str,
    "description": str,
    "source_hash": str,
    "translated": bool,
    "sources": list,
    "reviewed": dict,
}
DESCRIPTION_MAX = 160  # search engines cut longer descriptions
HASH_FORMAT = re.compile(r"^[0-9a-f]{12}$")


def _finding(page: SourcePage, line: int, message: str, level: str = ERROR) -> Finding:
    return Finding(page.display, line, message, level, "front-matter")


def _unknown_key(page: SourcePage, key: object) -> Finding:
    known = ", ".join(KNOWN_KEYS)
    guess = difflib.get_close_matches(str(key), list(KNOWN_KEYS), n=1)
    hint = f" Did you mean '{guess[0]}'?" if guess else ""
    return _finding(
        page,
        page.key_line(str(key)),
        f"'{key}' is not a front matter key Wegwijs knows (known keys: {known}).{hint} "
        "Rename it or remove the line.",
    )


def _check_types(page: SourcePage, data: dict) -> list[Finding]:
    findings = []
    for key, kind in KNOWN_KEYS.items():
        if isinstance(data.get(key), DateText):
            findings.append(
                _finding(
                    page,
                    page.key_line(key),
                    f"'{key}' must be text, not a date: YAML reads '{data[key]}' as a date. "
                    f'Put the value in quotes: {key}: "{data[key]}"',
                )
            )
            continue
        if data.get(key) is None or isinstance(data[key], kind) or kind is dict:
            continue  # a mapping ('reviewed') is checked on its own
        if kind is bool:
            findings.append(
                _finding(
                    page,
                    page.key_line(key),
                    f"'{key}' must be 'false' (not translated yet) or left out: remove the "
                    "line once the page is translated.",
                )
            )
        elif kind is list:
            findings.append(
                _finding(
                    page,
                    page.key_line(key),
                    f"'{key}' must be a list of ids in square brackets, such as "
                    f"'{key}: [agii-verplichting, vvsg-kosten]'.",
                )
            )
        else:
            findings.append(
                _finding(
                    page,
                    page.key_line(key),
                    f"'{key}' must be text on one line, not {type(data[key]).__name__}: "
                    f"write '{key}: ...' and put the value in quotes if it contains a colon.",
                )
            )
    return findings


def _check_translated(page: SourcePage, data: dict) -> list[Finding]:
    if data.get("translated") is None or not page.language.is_source:
        return []
    return [
        _finding(
            page,
            page.key_line("translated"),
            "'translated' belongs in translations only: a Dutch page is the source. "
            "Remove the line.",
        )
    ]


def _check_source_hash(page: SourcePage, data: dict) -> list[Finding]:
    value = data.get("source_hash")
    if value is None:
        return []
    line = page.key_line("source_hash")
    if page.language.is_source:
        return [
            _finding(
                page,
                line,
                "'source_hash' belongs in translations only: a Dutch page is the source. "
                "Remove the line.",
            )
        ]
    if isinstance(value, str) and not HASH_FORMAT.match(value):
        return [
            _finding(
                page,
                line,
                f"'source_hash: {value}' is not a hash written by build.py stamp: do not edit "
                f"it by hand; run 'build.py stamp {page.display}' after checking the "
                "translation.",
            )
        ]
    return []


def _check_reviewed(page: SourcePage, data: dict) -> list[Finding]:
    if "reviewed" not in data:
        return []
    line = page.key_line("reviewed")
    if page.language.is_source:
        return [
            _finding(
                page,
                line,
                "'reviewed' belongs in translations only: a Dutch page is the source. "
                "Remove the line.",
            )
        ]
    problem = review_problem(data["reviewed"])
    if problem is None:
        return []
    return [
        _finding(
            page,
            line,
            f"'reviewed' is not as 'build.py review' writes it: {problem}. Do not edit it by "
            f"hand: remove the line, and let the reviewer run 'build.py review {page.display} "
            '--role "..."\'.',
        )
    ]


def check_front_matter(page: SourcePage, site: ContentSite) -> list[Finding]:
    data, problem = page.front_matter_read
    if problem:
        return [_finding(page, problem.line, problem.message)]
    assert data is not None
    findings = []
    for key in REQUIRED_KEYS:
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            findings.append(
                _finding(
                    page,
                    1,
                    f"'{key}' is missing from the front matter: add a line "
                    f"'{key}: ...' between the two '---' lines at the top.",
                )
            )
    findings += [_unknown_key(page, key) for key in data if key not in KNOWN_KEYS]
    findings += _check_types(page, data)
    findings += _check_source_hash(page, data)
    findings += _check_translated(page, data)
    findings += _check_reviewed(page, data)
    description = data.get("description")
    if isinstance(description, str) and len(description) > DESCRIPTION_MAX:
        findings.append(
            _finding(
                page,
                page.key_line("description"),
                f"the description has {len(description)} characters; search results show "
                f"about {DESCRIPTION_MAX}: shorten it to one sentence.",
                WARNING,
            )
        )
    return findings
