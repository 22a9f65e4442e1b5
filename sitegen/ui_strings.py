"""Our UI strings (theme/partials/wegwijs/strings/<code>.html): every language has every key.

English (en.html) is the reference: `build.py add-language` copies it, and the theme
shows its text for a key a language's file lacks (theme/partials/wegwijs/t.html),
so a missing key never builds an empty button. The settings phase reports each
missing or unknown key with its file and line, so that a translator adds it.
"""

from __future__ import annotations

import re
from pathlib import Path

from sitegen.checks.findings import ERROR, WARNING, Finding
from sitegen.checks.source import display_path

STRINGS = Path("partials") / "wegwijs" / "strings"
REFERENCE = "en"
_KEY = re.compile(r'^\s*"([^"]+)"\s*:', re.M)
_END = re.compile(r"^\s*\}\[key\]", re.M)


_VALUE = re.compile(r'^\s*"([^"]+)"\s*:\s*"((?:[^"\\]|\\.)*)"', re.M)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def placeholders(text: str) -> dict[str, tuple[set[str], int]]:
    """Each key's placeholders ({count}, {title} ...) and its line."""
    return {
        m.group(1): (set(_PLACEHOLDER.findall(m.group(2))), text.count("\n", 0, m.start()) + 1)
        for m in _VALUE.finditer(text)
    }


def _placeholders_differ(
    text: str, shown: str, wanted: dict[str, tuple[set[str], int]], reference: str
) -> list[Finding]:
    """A translation that drops or renames a {placeholder} loses what the page puts there
    (the count, the date, the page's title): an error, on the string's line."""
    findings = []
    for key, (found, line) in placeholders(text).items():
        if key in wanted and found != wanted[key][0]:
            names = ", ".join(f"{{{name}}}" for name in sorted(wanted[key][0])) or "none"
            findings.append(
                Finding(
                    shown,
                    line,
                    f"the UI string '{key}' must hold the same placeholders as in "
                    f"{reference} ({names}), written as they are there: the page puts "
                    "its text in their place.",
                    ERROR,
                    "ui-strings",
                )
            )
    return findings


def string_keys(text: str) -> dict[str, int]:
    """Each key of a strings file with its line number."""
    return {m.group(1): text.count("\n", 0, m.start()) + 1 for m in _KEY.finditer(text)}


def repeated_keys(text: str) -> list[tuple[str, int, int]]:
    """Keys a strings file gives twice: (key, first line, later line)."""
    first: dict[str, int] = {}
    repeated = []
    for m in _KEY.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        if m.group(1) in first:
            repeated.append((m.group(1), first[m.group(1)], line))
        else:
            first[m.group(1)] = line
    return repeated


def _repeated(text: str, shown: str) -> list[Finding]:
    """A key given twice: the later text replaces the first on every page, silently."""
    return [
        Finding(
            shown,
            later,
            f"the UI string '{key}' is given twice (lines {first} and {later}): the theme "
            f"shows only the text on line {later}. Give one of them another name, or "
            "remove one.",
            ERROR,
            "ui-strings",
        )
        for key, first, later in repeated_keys(text)
    ]


def check_ui_strings(theme_dir: Path, languages, root: Path) -> list[Finding]:
    """Warnings for keys missing from (or unknown to) a language's strings file; errors
    for a key given twice."""
    folder = theme_dir / STRINGS
    reference = folder / f"{REFERENCE}.html"
    if not reference.is_file():
        return []
    reference_text = reference.read_text(encoding="utf-8")
    wanted = string_keys(reference_text)
    wanted_placeholders = placeholders(reference_text)
    findings = _repeated(reference_text, display_path(reference, root))
    for language in languages:
        path = folder / f"{language.code}.html"
        if language.code == REFERENCE or not path.is_file():
            continue  # a missing file stops the settings phase (sitegen.settings)
        text = path.read_text(encoding="utf-8")
        shown = display_path(path, root)
        findings += _repeated(text, shown)
        findings += _placeholders_differ(text, shown, wanted_placeholders, reference.name)
        found = string_keys(text)
        end = _END.search(text)
        last = text.count("\n", 0, end.start()) + 1 if end else 1
        for key in wanted.keys() - found.keys():
            findings.append(
                Finding(
                    shown,
                    last,
                    f"the UI string '{key}' is missing: readers of {language.english} get "
                    f'the English text there. Add "{key}": "...", translated from '
                    f"{reference.name} (line {wanted[key]}), to this file.",
                    WARNING,
                    "ui-strings",
                )
            )
        for key in found.keys() - wanted.keys():
            findings.append(
                Finding(
                    shown,
                    found[key],
                    f"'{key}' is not a UI string of {reference.name}, so the theme never shows "
                    "it: correct its name or remove the line.",
                    WARNING,
                    "ui-strings",
                )
            )
    return sorted(findings, key=lambda f: (f.path, f.line, f.message))
