"""Checks on content/ before building: front matter and translations that match a Dutch page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

REQUIRED_KEYS = ("title", "description")


@dataclass
class ContentProblem:
    path: str  # relative to the project, e.g. content/ar/mo.md
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def read_front_matter(text: str) -> tuple[dict | None, str | None]:
    """Return (front matter, error). A page without front matter gives ({}, None)."""
    if not text.startswith("---"):
        return {}, None
    end = text.find("\n---", 3)
    if end == -1:
        return None, "the front matter starts with '---' but never ends: add a line '---'."
    try:
        data = yaml.safe_load(text[3:end]) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        return None, (
            f"the front matter is not valid YAML{where}: put quotes around a title or "
            "description that contains a colon."
        )
    if not isinstance(data, dict):
        return None, "the front matter must be 'key: value' lines."
    return data, None


def check_page(md: Path, display: str) -> list[ContentProblem]:
    data, error = read_front_matter(md.read_text(encoding="utf-8"))
    if error:
        return [ContentProblem(display, 1, error)]
    problems = []
    for key in REQUIRED_KEYS:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(
                ContentProblem(
                    display,
                    1,
                    f"'{key}' is missing from the front matter: add a line "
                    f"'{key}: ...' between the two '---' lines at the top.",
                )
            )
    return problems


def check_content(docs_dir: Path, languages, root: Path) -> list[ContentProblem]:
    """Front matter of every page; every translation must have a Dutch original."""
    problems: list[ContentProblem] = []
    source = docs_dir / languages[0].code
    for language in languages:
        folder = docs_dir / language.code
        for md in sorted(folder.rglob("*.md")):
            rel = md.relative_to(folder)
            display = md.relative_to(root).as_posix() if md.is_relative_to(root) else str(md)
            problems += check_page(md, display)
            if not language.is_source and not (source / rel).is_file():
                problems.append(
                    ContentProblem(
                        display,
                        1,
                        f"there is no Dutch page {source.name}/{rel.as_posix()}: "
                        "a translation must have the same path as its Dutch original. "
                        "Rename the file or add the Dutch page first.",
                    )
                )
    return problems
