"""`build.py stamp` and `build.py review`: what a translation translates, and who checked it.

`stamp` records which Dutch version a translation translates (`source_hash`);
`review` records a native reviewer's sign-off (`reviewed`, see sitegen.review).
Only that line of the front matter changes; every other byte of the file stays
as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sitegen.checks.source import parse_front_matter
from sitegen.freshness import history_texts, marked_untranslated, recorded_hash, source_hash
from sitegen.minor_change import known_words, major_change
from sitegen.review import KEY as REVIEW_KEY
from sitegen.review import DateProblem, Review, read_review, review_day, review_value
from wegwijs_shared.languages import SOURCE_LANGUAGE


class StampError(ValueError):
    """A stamp cannot be done; the message says why and what to do."""


def not_utf8(path: Path, docs_dir: Path | None = None) -> StampError:
    """The message for a file that is not saved as UTF-8 (an editor saved it as Latin-1)."""
    shown = str(path)
    if docs_dir is not None and path.resolve().is_relative_to(docs_dir.resolve()):
        shown = _project_path(path.resolve(), docs_dir.resolve())
    return StampError(f"{shown} is not saved as UTF-8: save it as UTF-8 and run again.")


def read_text(path: Path, docs_dir: Path | None = None) -> str:
    """A page's text (newlines as \n); a file that is not UTF-8 is a StampError."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise not_utf8(path, docs_dir) from None


@dataclass
class Stamped:
    path: Path
    old: str | None
    new: str


def _key_lines(key: str) -> re.Pattern:
    """A key's line in front matter, with the indented lines of a value written over several."""
    return re.compile(rf"^{re.escape(key)}:[^\r\n]*(?:\r?\n[ \t]+[^\r\n]*)*", re.M)


def write_key(path: Path, key: str, value: str) -> None:
    """Set one front matter key to a YAML value written on one line; nothing else changes."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise not_utf8(path) from None
    newline = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    if not text.startswith("---"):
        raise StampError(
            f"{path}: the page has no front matter: add the '---' lines with title and "
            "description first."
        )
    end = text.find("\n---", 3)
    if end == -1:
        raise StampError(f"{path}: the front matter never ends: add a line '---'.")
    head, rest = text[:end], text[end:]
    pattern = _key_lines(key)
    if pattern.search(head):
        head = pattern.sub(lambda _: f"{key}: {value}", head, count=1)
    else:
        closing_cr = head.endswith("\r")
        head = (head[:-1] if closing_cr else head) + f"{newline}{key}: {value}"
        head += "\r" if closing_cr else ""
    path.write_bytes((head + rest).encode("utf-8"))


def write_hash(path: Path, value: str) -> str | None:
    """Set source_hash in the file's front matter; return the old value."""
    old = recorded_hash(read_text(path))
    # YAML would read a hash of digits only as a number.
    write_key(path, "source_hash", f'"{value}"' if value.isdigit() else value)
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


def _project_path(path: Path, docs_dir: Path) -> str:
    """content/<language>/<page> as editors name it."""
    return f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"


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
    value = source_hash(read_text(dutch, docs_dir))
    read_text(path, docs_dir)  # a translation that is not UTF-8 is named as one
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
    text = read_text(path, docs_dir)
    current = source_hash(text)
    older = (old for old in history_texts(path.resolve()) if source_hash(old) != current)
    before = next(older, None)
    if before is None:
        raise StampError(
            f"{path}: git knows no earlier version of this page with other text, so it is "
            "unclear which translations were up to date before your change. Stamp each "
            "translation you checked with 'build.py stamp content/<language>/"
            f"{rel.as_posix()}'."
        )
    previous = source_hash(before)
    translations = [
        docs_dir / language.code / rel
        for language in languages
        if language.code != SOURCE_LANGUAGE and (docs_dir / language.code / rel).is_file()
    ]
    texts = {t: read_text(t, docs_dir) for t in translations}
    recorded = {t: recorded_hash(texts[t]) for t in translations}
    made_outdated = [t for t in translations if recorded[t] == previous]
    if not made_outdated:
        # No translation translated the version before the change: nothing to keep up to
        # date, whatever the change is. Each is listed as already up to date or outdated.
        return [
            (t, "current" if recorded[t] == current else "outdated", current) for t in translations
        ]
    dutch_pages = sorted((docs_dir / SOURCE_LANGUAGE).rglob("*.md"))
    major = major_change(before, text, known_words(read_text(p, docs_dir) for p in dutch_pages))
    if major:
        named = ", ".join(_project_path(t, docs_dir) for t in made_outdated)
        raise StampError(
            f"{path}: this is not a small change: {major}, so its translations must say it "
            f"too. Nothing was stamped. Update each translation, then stamp it: 'build.py "
            f"stamp content/<language>/{rel.as_posix()}'. Until then readers of the "
            f"translations this change made outdated ({named}) are told that they may be out "
            "of date."
        )
    results = []
    for translation in translations:
        translated = texts[translation]
        if recorded[translation] == previous:
            write_hash(translation, current)
            results.append((translation, "stamped", current))
        else:
            what = "current" if recorded[translation] == current else "outdated"
            results.append((translation, what, current))
        # A review of the text before a small change still covers the text after it.
        meta, _ = parse_front_matter(translated)
        review = read_review(meta or {})
        if review is not None and review.source_hash == previous:
            moved = Review(review.role, review.date, current)
            write_key(translation, REVIEW_KEY, review_value(moved))
    return results


def review_translation(path: Path, docs_dir: Path, role: str, date: str | None = None) -> Review:
    """Record that a native reviewer checked this translation against the current Dutch page."""
    code, rel = locate(path, docs_dir)
    if code == SOURCE_LANGUAGE:
        raise StampError(
            f"{path} is a Dutch page, the source: a review is of a translation "
            f"(content/<language>/{rel.as_posix()})."
        )
    if not role.strip():
        raise StampError(
            "--role is empty: say who checked the translation, for example --role "
            '"native speaker, social interpreter".'
        )
    try:
        day = review_day(date)
    except DateProblem as problem:
        raise StampError(str(problem)) from None
    dutch = docs_dir / SOURCE_LANGUAGE / rel
    if not dutch.is_file():
        raise StampError(f"{path}: there is no Dutch page {SOURCE_LANGUAGE}/{rel.as_posix()}.")
    text = read_text(path, docs_dir)
    if marked_untranslated(text):
        raise StampError(
            f"{path} is still the Dutch text ('translated: false'): translate it, remove that "
            "line and stamp it before a review."
        )
    current = source_hash(read_text(dutch, docs_dir))
    if recorded_hash(text) != current:
        raise StampError(
            f"{path} is not stamped against the current Dutch page {SOURCE_LANGUAGE}/"
            f"{rel.as_posix()}, and a review says which Dutch text the translation was checked "
            f"against. Bring the translation up to date, run 'build.py stamp {path}', then "
            "review it."
        )
    review = Review(role.strip(), day.isoformat(), current)
    write_key(path, REVIEW_KEY, review_value(review))
    return review
