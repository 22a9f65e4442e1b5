"""Sources: every fact on a page comes from a source listed in docs/sources.yml.

A page names the sources it relies on in its front matter, by id:
`sources: [agii-verplichting, vvsg-kosten]`. A translation takes the sources of
its Dutch page and need not repeat them. This check

- errors on an id that docs/sources.yml does not have (a typo, or a source never added),
  and on a sources list that is not usable (no address, no facts, a duplicate id);
- warns when a Dutch page states a number (a number of hours, months, euros, a date)
  that none of its sources' recorded facts contains. The rule is simple on purpose:
  every number in the text must appear among the facts of the sources the page names;
- warns when a Dutch page names no sources at all, and when docs/sources.md (the
  list for people) no longer matches docs/sources.yml.

A project without docs/sources.yml (the small test sites) is not checked.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sitegen.checks.findings import ERROR, WARNING, Finding
from sitegen.checks.source import SourcePage, display_path

SOURCES_FILE = Path("docs") / "sources.yml"
READABLE_FILE = Path("docs") / "sources.md"
KINDS = {
    "official": "official page (the agency, the Flemish or Brussels government, a municipality)",
    "secondary": "party or press page: use it only with an official page that agrees",
    "site": "this website itself (how Wegwijs works)",
}
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# A number: digits, with . or , between groups (5.000, 2.1); not a digit glued to a
# letter before it (A2, B1 are levels, not numbers).
_NUMBER = re.compile(r"(?<![\w.,/])\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")
_LINK_TARGET = re.compile(r"(\]\()[^)]*(\))")
_URL = re.compile(r"<?https?://[^\s>)]+>?|www\.[^\s)]+")
_ATTRS = re.compile(r"\{[^}\n]*\}")
_HTML = re.compile(r"<[^>\n]+>")
_LIST_NUMBER = re.compile(r"^(\s*)\d+[.)](?=\s)")


@dataclass
class Source:
    id: str
    line: int
    title: str = ""
    url: str = ""
    cite: str = ""
    kind: str = "official"
    date: str = ""
    facts: list[str] = field(default_factory=list)

    @property
    def numbers(self) -> set[str]:
        return {n for fact in self.facts for n in numbers_in(fact)}


def normalise(number: str) -> str:
    """5.000, 5,000 and 5000 are the same number; 2.1 stays 2.1."""
    if _THOUSANDS.match(number):
        return re.sub(r"[.,]", "", number)
    return number.replace(",", ".")


def numbers_in(text: str) -> list[str]:
    return [normalise(m.group(0)) for m in _NUMBER.finditer(text)]


def _shown_text(line: str) -> str:
    """A line as readers see its words: no link targets, addresses, attributes or tags."""
    line = _LINK_TARGET.sub(r"\1\2", line)
    line = _URL.sub(" ", line)
    line = _ATTRS.sub(" ", line)
    line = _HTML.sub(" ", line)
    return _LIST_NUMBER.sub(r"\1", line)  # the 1. 2. 3. of a numbered list


@dataclass
class SourceList:
    """docs/sources.yml, read once; problems found in it are findings on that file."""

    path: Path
    display: str
    sources: dict[str, Source] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def error(self, line: int, message: str) -> None:
        self.findings.append(Finding(self.display, line, message, ERROR, "sources"))


def _line_of(text: str, source_id: str, occurrence: int = 0) -> int:
    """Line of the nth `id: <source_id>` (a duplicate id is reported on its own line)."""
    pattern = rf"^\s*-?\s*id:\s*['\"]?{re.escape(source_id)}['\"]?\s*$"
    matches = list(re.finditer(pattern, text, re.M))
    if not matches:
        return 1
    match = matches[min(occurrence, len(matches) - 1)]
    return text.count("\n", 0, match.start()) + 1


def load_sources(root: Path) -> SourceList | None:
    path = root / SOURCES_FILE
    if not path.is_file():
        return None
    listing = SourceList(path, display_path(path, root))
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        listing.error(
            mark.line + 1 if mark else 1,
            "the sources list is not valid YAML: put quotes around a title or fact that "
            "contains a colon followed by a space, and indent facts under 'facts:'.",
        )
        return listing
    entries = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        listing.error(1, "the sources list must start with 'sources:' and a list of sources.")
        return listing
    for number, entry in enumerate(entries, start=1):
        _read_entry(listing, text, number, entry)
    return listing


def _read_entry(listing: SourceList, text: str, number: int, entry: object) -> None:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        listing.error(1, f"source number {number} has no 'id:': give it a short id.")
        return
    source_id = entry["id"]
    line = _line_of(text, source_id, 1 if source_id in listing.sources else 0)
    if not _ID.match(source_id):
        listing.error(
            line,
            f"the id '{source_id}' may only use small letters, digits and '-' "
            "(like 'agii-verplichting').",
        )
    if source_id in listing.sources:
        first = listing.sources[source_id].line
        listing.error(line, f"the id '{source_id}' is used twice (also line {first}): rename one.")
        return
    facts = entry.get("facts")
    if isinstance(facts, list) and not all(isinstance(f, str) for f in facts):
        listing.error(
            line,
            f"a fact of the source '{source_id}' is not one line of text: put the fact in "
            "double quotes (a colon followed by a space makes YAML read it as a key).",
        )
        facts = [f for f in facts if isinstance(f, str)]
    if not isinstance(facts, list) or not facts:
        listing.error(
            line,
            f"the source '{source_id}' has no facts: add 'facts:' with one line of text per "
            "fact the source states (the numbers on the pages are checked against them).",
        )
        facts = []
    url, cite = entry.get("url") or "", entry.get("cite") or ""
    if not url and not cite:
        listing.error(
            line,
            f"the source '{source_id}' has no address: add 'url: https://...' (or, only for a "
            "document without a web address, 'cite:' with its title and date).",
        )
    elif url and not str(url).startswith(("https://", "http://")) and entry.get("kind") != "site":
        listing.error(line, f"the url of '{source_id}' must be a web address (https://...).")
    kind = entry.get("kind", "official")
    if kind not in KINDS:
        listing.error(line, f"'kind: {kind}' of '{source_id}' must be one of: {', '.join(KINDS)}.")
    listing.sources[source_id] = Source(
        id=source_id,
        line=line,
        title=str(entry.get("title") or ""),
        url=str(url),
        cite=str(cite),
        kind=str(kind),
        date=str(entry.get("date") or ""),
        facts=list(facts),
    )


def _finding(page: SourcePage, line: int, message: str, level: str) -> Finding:
    return Finding(page.display, line, message, level, "sources")


def _id_line(page: SourcePage, source_id: str) -> int:
    """The front matter line that names the id (the 'sources:' line if not found)."""
    start = page.key_line("sources")
    lines = page.text.split("\n")
    for number in range(start, len(lines) + 1):
        line = lines[number - 1]
        if number > start and (line.strip() == "---" or re.match(r"^\w", line)):
            break
        if re.search(rf"(?<![\w-]){re.escape(source_id)}(?![\w-])", line):
            return number
    return start


def _named_ids(page: SourcePage) -> list[str] | None:
    value = page.meta.get("sources")
    if value is None:
        return None
    if not isinstance(value, list):
        return []  # the front matter check reports the type
    return [str(item) for item in value]


def _unknown(page: SourcePage, source_id: str, listing: SourceList) -> Finding:
    guess = difflib.get_close_matches(source_id, list(listing.sources), n=1)
    hint = f" Did you mean '{guess[0]}'?" if guess else ""
    return _finding(
        page,
        _id_line(page, source_id),
        f"'{source_id}' is not a source in {listing.display}.{hint} Fix the id, or add the "
        f"source to {listing.display} with its address and the facts it states.",
        ERROR,
    )


def _number_lines(page: SourcePage) -> list[tuple[int, str]]:
    """(line, number) for every number readers see: title, description and text."""
    found = []
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str):
            found += [(page.key_line(key), n) for n in numbers_in(value)]
    for number, line in enumerate(page.prose.split("\n"), start=1):
        found += [(number, n) for n in numbers_in(_shown_text(line))]
    return found


def _unbacked_numbers(page: SourcePage, ids: list[str], listing: SourceList) -> list[Finding]:
    backed: set[str] = set()
    for source_id in ids:
        if source_id in listing.sources:
            backed |= listing.sources[source_id].numbers
    where: dict[str, list[int]] = {}
    for line, number in _number_lines(page):
        if number not in backed and line not in where.get(number, []):
            where.setdefault(number, []).append(line)
    findings = []
    named = ", ".join(ids) if ids else "none"
    for number, lines in where.items():
        also = f" (also line {', '.join(map(str, lines[1:]))})" if len(lines) > 1 else ""
        findings.append(
            _finding(
                page,
                lines[0],
                f"the number {number}{also} is in none of the facts of this page's sources "
                f"({named}). Add the id of the source that states it to 'sources:' in the "
                f"front matter, or add the fact and its address to {listing.display}. If no "
                "source confirms it, take the number out of the page.",
                WARNING,
            )
        )
    return findings


def check_sources(pages: list[SourcePage], root: Path) -> list[Finding]:
    listing = load_sources(root)
    if listing is None:
        named = [p for p in pages if p.front_matter[0] and "sources" in p.front_matter[0]]
        return [
            _finding(
                page,
                page.key_line("sources"),
                f"the page names sources, but there is no sources list {SOURCES_FILE.as_posix()}"
                " in this project: add it (see CONTRIBUTING.md, 'Sources').",
                ERROR,
            )
            for page in named
        ]
    findings = list(listing.findings)
    for page in pages:
        if page.front_matter[1]:
            continue  # unreadable front matter: reported by the front matter check
        ids = _named_ids(page)
        findings += [_unknown(page, i, listing) for i in ids or [] if i not in listing.sources]
        if not page.language.is_source:
            continue
        if ids is None:
            findings.append(
                _finding(
                    page,
                    1,
                    "the page names no sources: add 'sources: [id, ...]' to the front matter "
                    f"with the ids from {listing.display} of the sources its facts come from "
                    "('sources: []' if the page states no facts).",
                    WARNING,
                )
            )
        findings += _unbacked_numbers(page, ids or [], listing)
    findings += _readable_list_findings(listing, root)
    return findings


def render_markdown(listing: SourceList) -> str:
    """docs/sources.md: the same list, for people."""
    out = [
        "# Sources of the facts on Wegwijs",
        "",
        "<!-- Written by 'build.py sources' from docs/sources.yml: edit that file, not this one."
        " -->",
        "",
        "Every fact on a page comes from one of these sources. A page names the ids it relies "
        "on in its front matter (`sources: [id, ...]`); `build.py check` checks the ids and "
        "the numbers. Kinds: "
        + "; ".join(f"**{kind}**: {what}" for kind, what in KINDS.items())
        + ".",
        "",
    ]
    for source in listing.sources.values():
        where = source.url or source.cite
        date = f" ({source.date})" if source.date else ""
        out += [f"## {source.id}", "", f"{source.title}{date}. Kind: {source.kind}.", ""]
        out += [f"Address: {where}" if source.url else f"Reference: {where}", ""]
        out += [f"- {fact}" for fact in source.facts] + [""]
    return "\n".join(out)


def _readable_list_findings(listing: SourceList, root: Path) -> list[Finding]:
    if listing.findings:
        return []
    readable = root / READABLE_FILE
    if readable.is_file() and readable.read_text(encoding="utf-8") == render_markdown(listing):
        return []
    return [
        Finding(
            display_path(readable, root),
            1,
            f"{READABLE_FILE.as_posix()} does not match {listing.display} (it is the same list "
            "for people): run 'build.py sources' to write it again.",
            WARNING,
            "sources",
        )
    ]
