"""Translation freshness: which version of the Dutch page a translation translates.

A translation records `source_hash` in its front matter: the first 12 hex
digits of the SHA-256 of the Dutch page's text (its title, description and
body; other front matter keys, line endings and spaces at line ends do not
count). When the Dutch text changes, the hashes differ: the translation is
outdated until someone checks it and runs `build.py stamp`.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path, PurePosixPath

from sitegen.checks.source import parse_front_matter, split_front_matter
from sitegen.review import REVIEWED, Review, read_review, review_state
from wegwijs_shared.languages import SOURCE_LANGUAGE

HASH_LENGTH = 12
UP_TO_DATE = "up to date"
OUTDATED = "outdated"
NEVER_STAMPED = "never stamped"  # no source_hash: which Dutch version it translates is unknown
MISSING = "missing"


def source_hash(text: str) -> str:
    """The hash a translation of this Dutch page records."""
    meta, _ = parse_front_matter(text)
    meta = meta or {}
    _, body, _ = split_front_matter(text)
    lines = [line.rstrip() for line in body.replace("\r\n", "\n").split("\n")]
    normalised = "\n".join(
        [str(meta.get("title", "")).strip(), str(meta.get("description", "")).strip()] + lines
    ).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def marked_untranslated(text: str) -> bool:
    """A new language's page that is still the Dutch text: 'translated: false'."""
    if "translated:" not in text:
        return False
    meta, _ = parse_front_matter(text)
    return (meta or {}).get("translated") is False


@cache
def _offered(path: str, mtime_ns: int) -> bool:
    with open(path, encoding="utf-8") as page:
        return not marked_untranslated(page.read())


def is_offered(docs_dir: Path | str, code: str, rel: str | PurePosixPath) -> bool:
    """Whether readers of a language get content/<code>/<rel> as a translation.

    The one answer for hreflang, the language switcher, the sitemap and the status:
    the page exists and is not a Dutch text waiting for its translator.
    """
    # Strings, not Path objects: every page's switcher asks this for every language.
    path = os.path.join(docs_dir, code, rel)
    try:
        return _offered(path, os.stat(path).st_mtime_ns)
    except (FileNotFoundError, NotADirectoryError):
        return False


def recorded_hash(text: str) -> str | None:
    meta, _ = parse_front_matter(text)
    value = (meta or {}).get("source_hash")
    return str(value) if value is not None else None


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=20
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


@lru_cache(maxsize=4096)
def changed_on(path: Path) -> str:
    """When a Dutch page last changed (YYYY-MM-DD): its last commit, else the file's mtime.

    A file with uncommitted changes (or outside a git work tree) has changed
    after its last commit, so its modification time counts.

    Kept for the length of a build (sitegen.mkdocs_run clears it when one starts): every
    language's process asks it for the same Dutch pages, two git commands each.
    """
    folder, name = path.parent, path.name
    if _git(folder, "status", "--porcelain", "--", name) == "":
        date = (_git(folder, "log", "-1", "--format=%cs", "--", name) or "").strip()
        if date:
            return date
    stamp = path.stat().st_mtime
    return datetime.datetime.fromtimestamp(stamp, datetime.UTC).date().isoformat()


def history_texts(path: Path) -> Iterator[str]:
    """The committed versions of a file, newest first (none without git)."""
    folder, name = path.parent, path.name
    commits = _git(folder, "log", "--format=%H", "--", name)
    for commit in (commits or "").split():
        text = _git(folder, "show", f"{commit}:./{name}")
        if text is not None:
            yield text


def history_hashes(path: Path) -> list[str]:
    """Hashes of the committed versions of a file, newest first (empty without git)."""
    return [source_hash(text) for text in history_texts(path)]


@dataclass(frozen=True)
class PageState:
    code: str
    rel: PurePosixPath
    state: str  # up to date, outdated, never stamped, missing
    recorded: str | None = None
    current: str | None = None
    review: str | None = None  # of a translation: reviewed, review outdated, not reviewed
    reviewed: Review | None = None


def translation_state(docs_dir: Path, code: str, rel: PurePosixPath) -> PageState:
    """The state of one page in one language (Dutch pages are always up to date)."""
    dutch = docs_dir / SOURCE_LANGUAGE / rel
    current = source_hash(dutch.read_text(encoding="utf-8"))
    if code == SOURCE_LANGUAGE:
        return PageState(code, rel, UP_TO_DATE, current, current)
    page = docs_dir / code / rel
    if not is_offered(docs_dir, code, rel):
        return PageState(code, rel, MISSING, None, current)
    meta, _ = parse_front_matter(page.read_text(encoding="utf-8"))
    meta = meta or {}
    recorded = str(meta["source_hash"]) if meta.get("source_hash") is not None else None
    if recorded is None:
        state = NEVER_STAMPED
    else:
        state = UP_TO_DATE if recorded == current else OUTDATED
    review = review_state(meta, current)
    return PageState(code, rel, state, recorded, current, review, read_review(meta))


def dutch_pages(docs_dir: Path) -> list[PurePosixPath]:
    folder = docs_dir / SOURCE_LANGUAGE
    return [PurePosixPath(md.relative_to(folder).as_posix()) for md in sorted(folder.rglob("*.md"))]


def all_states(docs_dir: Path, languages) -> dict[str, list[PageState]]:
    """Per language code, the state of every Dutch page."""
    pages = dutch_pages(docs_dir)
    return {
        lang.code: [translation_state(docs_dir, lang.code, rel) for rel in pages]
        for lang in languages
    }


def completeness(states: list[PageState]) -> int:
    """Percentage of pages translated and up to date."""
    if not states:
        return 100
    return round(100 * sum(s.state == UP_TO_DATE for s in states) / len(states))


def reviewed_share(states: list[PageState]) -> int:
    """Percentage of pages whose translation a native reviewer checked against today's Dutch."""
    if not states:
        return 100
    return round(100 * sum(s.review == REVIEWED for s in states) / len(states))
