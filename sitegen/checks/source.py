"""A content page as the checks see it: front matter, body, and text without code."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath

import yaml

from wegwijs_shared.languages import Language

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter, body, number of lines before the body).

    The front matter is None when the page has none, or when it never ends.
    """
    end = text.find("\n---", 3) if text.startswith("---") else -1
    if end == -1:
        return None, text, 0
    after = text.find("\n", end + 4)
    body_start = len(text) if after == -1 else after + 1
    return text[3:end], text[body_start:], text.count("\n", 0, body_start)


def parse_front_matter(text: str) -> tuple[dict | None, str | None]:
    """Return (front matter, error). A page without front matter gives ({}, None)."""
    if not text.startswith("---"):
        return {}, None
    raw, _, _ = split_front_matter(text)
    if raw is None:
        return None, "the front matter starts with '---' but never ends: add a line '---'."
    try:
        data = yaml.safe_load(raw) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        return None, (
            f"the front matter is not valid YAML{where}: put quotes around a title or "
            "description that contains a colon."
        )
    if not isinstance(data, dict):
        return None, "the front matter must be 'key: value' lines, such as 'title: Welkom'."
    return data, None


def _blank(match: re.Match) -> str:
    """Replace a match by spaces, keeping its line breaks (so line numbers stay)."""
    return re.sub(r"[^\n]", " ", match.group(0))


def mask_code(text: str) -> str:
    """The text with code blocks, inline code and HTML comments blanked out."""
    text = _COMMENT.sub(_blank, text)
    lines = text.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)[0] * len(opening.group(1))
            lines[index] = ""
        elif fence is not None:
            if line.strip().startswith(fence):
                fence = None
            lines[index] = ""
        else:
            lines[index] = _INLINE_CODE.sub(_blank, line)
    return "\n".join(lines)


@dataclass
class SourcePage:
    """One Markdown file under content/<lang>/."""

    file: Path
    display: str  # path shown in messages, relative to the project
    language: Language
    rel: PurePosixPath  # path inside the language folder, e.g. feedback/thanks.md
    text: str = field(repr=False)

    @cached_property
    def front_matter(self) -> tuple[dict | None, str | None]:
        return parse_front_matter(self.text)

    @property
    def meta(self) -> dict:
        return self.front_matter[0] or {}

    @cached_property
    def prose(self) -> str:
        """The whole file with front matter and code blanked: line numbers are the file's."""
        _, body, skipped = split_front_matter(self.text)
        return "\n" * skipped + mask_code(body)

    def key_line(self, key: str) -> int:
        """Line of a front matter key (1 when it is not there)."""
        for number, line in enumerate(self.text.split("\n")[1:], start=2):
            if line.strip() == "---":
                break
            if line.startswith(f"{key}:"):
                return number
        return 1


def display_path(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def load_pages(docs_dir: Path, languages, root: Path) -> list[SourcePage]:
    """Every Markdown page of every language, Dutch first."""
    pages = []
    for language in languages:
        folder = docs_dir / language.code
        for md in sorted(folder.rglob("*.md")):
            pages.append(
                SourcePage(
                    file=md,
                    display=display_path(md, root),
                    language=language,
                    rel=PurePosixPath(md.relative_to(folder).as_posix()),
                    text=md.read_text(encoding="utf-8"),
                )
            )
    return pages
