"""`build.py stamp`: record in a translation which Dutch version it translates.

Only the `source_hash` line of the front matter changes; every other byte of
the file stays as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sitegen.freshness import history_hashes, recorded_hash, source_hash
from wegwijs_shared.languages import SOURCE_LANGUAGE

_HASH_LINE = re.compile(r"^source_hash:[^\r\n]*", re.M)


class StampError(ValueError):
    """A stamp cannot be done; the message says why and what to do."""


@dataclass
class Stamped:
    path: Path
    old: str | None
    new: str


def write_hash(path: Path, value: str) -> str | None:
    """Set source_hash in the file's front matter; return the old value."""
    data = path.read_bytes()
    text = data.decode("utf-8")
    newline = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    if not text.startswith("---"):
        raise StampError(
            f"{path}: the page has no front matter: add the '---' lines with title and "
            "description first."
        )
    end = text.find("\n---", 3)
    if end == -1:
        raise StampError(f"{path}: the front matter never ends: add a line '---'.")
    old = recorded_hash(text)
    # YAML would read a hash of digits only as a number.
    value = f'"{value}"' if value.isdigit() else value
    head, rest = text[:end], text[end:]
    if _HASH_LINE.search(head):
        head = _HASH_LINE.sub(f"source_hash: {value}", head, count=1)
    else:
        closing_cr = head.endswith("\r")
        head = (head[:-1] if closing_cr else head) + f"{newline}source_hash: {value}"
        head += "\r" if closing_cr else ""
    path.write_bytes((head + rest).encode("utf-8"))
    return old


def locate(path: Path, docs_dir: Path) -> tuple[str, Path]:
    """(language code, path inside the language folder) of a content file."""
    resolved = path.resolve()
    if not resolved.is_file():
        raise StampError(f"{path}: no such file.")
    if not resolved.is_relative_to(docs_dir):
        raise StampError(f"{path}: not a page under {docs_dir.name}/<language>/.")
    code, *rest = resolved.relative_to(docs_dir).parts
    if not rest:
        raise StampError(f"{path}: not a page under {docs_dir.name}/<language>/.")
    return code, Path(*rest)


def stamp_translation(path: Path, docs_dir: Path) -> Stamped:
    """Mark a checked translation as translating the current Dutch page."""
    code, rel = locate(path, docs_dir)
    if code == SOURCE_LANGUAGE:
        raise StampError(
            f"{path} is a Dutch page, the source of the translations: stamp translations "
            f"(content/<language>/{rel.as_posix()}). After a small change that needs no new "
            f"translation, run 'build.py stamp --minor {path}'."
        )
    dutch = docs_dir / SOURCE_LANGUAGE / rel
    if not dutch.is_file():
        raise StampError(
            f"{path}: there is no Dutch page {SOURCE_LANGUAGE}/{rel.as_posix()} to translate."
        )
    value = source_hash(dutch.read_text(encoding="utf-8"))
    return Stamped(path, write_hash(path, value), value)


def stamp_minor(path: Path, docs_dir: Path, languages) -> list[tuple[Path, str, str]]:
    """After a small change to a Dutch page: keep its up-to-date translations up to date.

    A translation was up to date when it recorded the hash of the Dutch page
    before the change: the newest committed version whose text differs from
    the current one. Returns (translation, what happened, current hash): "stamped",
    "current" (already up to date) or "outdated" (was outdated before the change).
    """
    code, rel = locate(path, docs_dir)
    if code != SOURCE_LANGUAGE:
        raise StampError(
            f"{path}: --minor is for a small change to a Dutch page "
            f"({SOURCE_LANGUAGE}/{rel.as_posix()}); to mark this translation as checked, "
            f"run 'build.py stamp {path}'."
        )
    current = source_hash(path.read_text(encoding="utf-8"))
    previous = next((h for h in history_hashes(path.resolve()) if h != current), None)
    if previous is None:
        raise StampError(
            f"{path}: git knows no earlier version of this page with other text, so it is "
            "unclear which translations were up to date before your change. Stamp each "
            "translation you checked with 'build.py stamp content/<language>/"
            f"{rel.as_posix()}'."
        )
    results = []
    for language in languages:
        translation = docs_dir / language.code / rel
        if language.code == SOURCE_LANGUAGE or not translation.is_file():
            continue
        recorded = recorded_hash(translation.read_text(encoding="utf-8"))
        if recorded == previous:
            write_hash(translation, current)
            results.append((translation, "stamped", current))
        else:
            results.append((translation, "current" if recorded == current else "outdated", current))
    return results
