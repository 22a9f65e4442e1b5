"""A content page as every content check sees it: read and parsed once.

Its front matter (YAML) and its body (Markdown, parsed by markdown-it-py in
sitegen.checks.markdown_tree) with every link, image, HTML element, heading and
paragraph on its line in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath

import yaml

from sitegen.checks.anchors import Slugify, anchors
from sitegen.checks.markdown_tree import Heading, MarkdownTree, TextUnit, parse_markdown
from sitegen.html_scan import Reference, Tag
from wegwijs_shared.languages import Language


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


# libyaml's loader where PyYAML was built with it: the same safe subset, ten times faster
# (a build reads every page's front matter in every language's process).
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _TextLoader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader without dates: '2026-02-30' stays the text the editor typed.

    YAML's own reading of it (a date, and an exception for an impossible one) would
    crash every command on one mistyped day; the checks say what is wrong instead.
    """


class DateText(str):
    """A value YAML would read as a date (written without quotes), kept as the text typed.

    mkdocs reads it as a date (and drops the whole front matter for an impossible one):
    a title or description written so is an error of the check (sitegen.checks.front_matter).
    """


def _date_text(loader: yaml.BaseLoader, node: yaml.Node) -> DateText:
    return DateText(loader.construct_scalar(node))  # type: ignore[arg-type]


_TextLoader.add_constructor(_TIMESTAMP, _date_text)


@dataclass(frozen=True)
class FrontMatterProblem:
    """Why the front matter cannot be read, and the line of the file to look at."""

    line: int
    message: str


# A 'key: value' line (or a 'key:' line that opens a list or mapping below it).
_KEY_LINE = re.compile(r"^[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)")
_DASHES = re.compile(r"^[ \t]*[-\u2010-\u2015\u2212]+[ \t]*$")  # '--', '----', an em dash...


def _opening_problem(text: str) -> FrontMatterProblem | None:
    """Front matter the page means to have but that does not start on line 1 with '---'.

    mkdocs reads front matter only there: elsewhere the keys would be shown as text.
    None when the page simply has none (it starts with its text)."""
    first, *_ = text.split("\n", 1)
    first = first.rstrip("\r")
    lines = [line.rstrip("\r") for line in text.split("\n")]
    opening = next((line for line in lines if line.strip()), "")
    if text.startswith("\ufeff"):
        found = (
            "a byte-order mark, an invisible character some editors write at the start: save "
            "the file as UTF-8 without BOM"
        )
    elif not first.strip() and (_DASHES.match(opening) or _KEY_LINE.match(opening.lstrip())):
        found = "a blank line: remove the empty lines above the '---'"
    elif first.strip() and _DASHES.match(first):
        found = f"'{first.strip()}': write three dashes, '---'"
    elif _KEY_LINE.match(first):
        found = f"'{first}': add a line '---' above it"
    else:
        return None
    return FrontMatterProblem(1, f"the file must start with a line '---' (found: {found}).")


def _indent_problem(raw: str) -> FrontMatterProblem | None:
    """A key that does not start at the beginning of its line (YAML would read it as part
    of the line above, or the whole front matter as a block that mkdocs drops)."""
    opens_block = False  # the last key's value is on the indented lines below it
    for number, line in enumerate(raw.split("\n")[1:], start=2):
        line = line.rstrip("\r")
        stripped = line.lstrip(" \t")
        if not stripped or stripped.startswith("#"):
            continue
        key_like = bool(_KEY_LINE.match(stripped))
        if stripped != line and key_like and (line.startswith("\t") or not opens_block):
            key = stripped.split(":", 1)[0].strip()
            return FrontMatterProblem(
                number,
                f"line {number} is indented (or starts with a tab): start every key at the "
                f"beginning of the line ('{key}: ...').",
            )
        if stripped == line:
            value = line.split(":", 1)[1].strip() if key_like else "x"
            opens_block = value == "" or value.startswith(("|", ">", "#"))
    return None


def _yaml_problem(error: yaml.YAMLError) -> FrontMatterProblem:
    mark = getattr(error, "problem_mark", None)
    if getattr(error, "context_mark", None) and "while" in str(getattr(error, "context", "")):
        mark = error.context_mark  # a quote or bracket left open: the line where it opens
    line = mark.line + 1 if mark else 1
    where = f" (line {line})" if mark else ""
    if "mapping values are not allowed" in str(getattr(error, "problem", "")):
        advice = "put quotes around a title or description that contains a colon."
    else:
        advice = (
            "check that line: close every quote and bracket, and put a value that contains "
            "a colon or starts with a quote, '[' or '{' in quotes."
        )
    return FrontMatterProblem(line, f"the front matter is not valid YAML{where}: {advice}")


def read_front_matter(text: str) -> tuple[dict | None, FrontMatterProblem | None]:
    """Return (front matter, problem). A page without front matter gives ({}, None)."""
    if not text.startswith("---"):
        problem = _opening_problem(text)
        return (None, problem) if problem else ({}, None)
    raw, _, _ = split_front_matter(text)
    if raw is None:
        return None, FrontMatterProblem(
            1, "the front matter starts with '---' but never ends: add a line '---'."
        )
    problem = _indent_problem(raw)
    if problem:
        return None, problem
    try:
        data = yaml.load(raw, Loader=_TextLoader) or {}
    except yaml.YAMLError as error:
        return None, _yaml_problem(error)
    except (ValueError, TypeError) as error:  # a value with a tag YAML cannot apply (!!int x)
        return None, FrontMatterProblem(
            1,
            f"the front matter has a value YAML cannot read ({error}): write every value as "
            "plain text, without '!!'.",
        )
    if not isinstance(data, dict):
        return None, FrontMatterProblem(
            1, "the front matter must be 'key: value' lines, such as 'title: Welkom'."
        )
    return data, None


def parse_front_matter(text: str) -> tuple[dict | None, str | None]:
    """Return (front matter, error). A page without front matter gives ({}, None)."""
    data, problem = read_front_matter(text)
    return data, problem.message if problem else None


@dataclass
class SourcePage:
    """One Markdown file under content/<lang>/."""

    file: Path
    display: str  # path shown in messages, relative to the project
    language: Language
    rel: PurePosixPath  # path inside the language folder, e.g. feedback/thanks.md
    text: str = field(repr=False)

    @cached_property
    def front_matter_read(self) -> tuple[dict | None, FrontMatterProblem | None]:
        return read_front_matter(self.text)

    @property
    def front_matter(self) -> tuple[dict | None, str | None]:
        data, problem = self.front_matter_read
        return data, problem.message if problem else None

    @property
    def meta(self) -> dict:
        return self.front_matter[0] or {}

    @cached_property
    def tree(self) -> MarkdownTree:
        """The body, parsed once; its lines are the file's."""
        _, body, skipped = split_front_matter(self.text)
        return parse_markdown(body, skipped + 1)

    @property
    def references(self) -> list[Reference]:
        """Links and images, in Markdown or in HTML, in line order."""
        return self.tree.references

    @property
    def tags(self) -> list[Tag]:
        return self.tree.tags

    @property
    def headings(self) -> list[Heading]:
        return self.tree.headings

    @property
    def units(self) -> list[TextUnit]:
        return self.tree.units

    @cached_property
    def prose(self) -> str:
        """The file's lines with front matter, code and comments blanked (same line numbers)."""
        _, body, skipped = split_front_matter(self.text)
        lines = [""] * skipped + body.split("\n")
        for number in self.tree.hidden_lines:
            if 0 < number <= len(lines):
                lines[number - 1] = ""
        for number, span in self.tree.hidden_spans:
            if 0 < number <= len(lines):
                lines[number - 1] = lines[number - 1].replace(span, " " * len(span), 1)
        return "\n".join(lines)

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


@dataclass
class ContentSite:
    """Every page of every language, with what the checks look up across pages."""

    docs_dir: Path
    root: Path  # the project: paths in messages are relative to it
    pages: list[SourcePage]
    slugify: Slugify

    @cached_property
    def _by_key(self) -> dict[tuple[str, str], SourcePage]:
        return {(page.language.code, page.rel.as_posix()): page for page in self.pages}

    @cached_property
    def _anchors(self) -> dict[tuple[str, str], set[str]]:
        return {}

    def anchors_of(self, code: str, rel: str) -> set[str] | None:
        """The anchors of content/<code>/<rel>; None when it is not a page.

        Page by page, as links ask: the checks run in several processes (check_content),
        and each parses only the pages its own pages link into."""
        key = (code, rel)
        page = self._by_key.get(key)
        if page is None:
            return None
        if key not in self._anchors:
            self._anchors[key] = {anchor for _, anchor, _ in anchors(page.headings, self.slugify)}
        return self._anchors[key]
