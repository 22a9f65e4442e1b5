"""The site's languages, read from languages.yml (the one source of truth)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _languages_file() -> Path:
    """languages.yml at the top of the repository, where editors edit it.

    The Lambda bundle has no repository: it ships a copy as this package's data
    (feedback_fn/bundle.py), which is then the one found.
    """
    packaged = Path(__file__).resolve().parent / "languages.yml"
    return packaged if packaged.is_file() else ROOT / "languages.yml"


LANGUAGES_FILE = _languages_file()
SOURCE_LANGUAGE = "nl"


@dataclass(frozen=True)
class Language:
    """One site language: its code, its own name, its English name and its direction."""

    code: str
    name: str
    english: str
    dir: str

    @property
    def is_source(self) -> bool:
        return self.code == SOURCE_LANGUAGE

    @property
    def prefix(self) -> str:
        """URL prefix of this language's pages: '' for Dutch, 'ar/' for Arabic."""
        return "" if self.is_source else f"{self.code}/"


class LanguageFileError(ValueError):
    """languages.yml is malformed; the message says what to fix."""


def parse_languages(entries: object, origin: str = "languages.yml") -> tuple[Language, ...]:
    """Validate the raw YAML list and return the languages, source language first."""
    if not isinstance(entries, list) or not entries:
        raise LanguageFileError(f"{origin}: expected a list of languages.")
    seen: set[str] = set()
    languages = []
    for index, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise LanguageFileError(f"{origin}: entry {index} must be a mapping.")
        missing = {"code", "name", "english", "dir"} - entry.keys()
        if missing:
            raise LanguageFileError(f"{origin}: entry {index} lacks {', '.join(sorted(missing))}.")
        if entry["dir"] not in ("ltr", "rtl"):
            raise LanguageFileError(
                f"{origin}: entry {index} ({entry['code']}): dir must be 'ltr' or 'rtl'."
            )
        if entry["code"] in seen:
            raise LanguageFileError(f"{origin}: language {entry['code']} is listed twice.")
        seen.add(entry["code"])
        languages.append(
            Language(str(entry["code"]), str(entry["name"]), str(entry["english"]), entry["dir"])
        )
    if languages[0].code != SOURCE_LANGUAGE:
        raise LanguageFileError(f"{origin}: the first language must be '{SOURCE_LANGUAGE}'.")
    return tuple(languages)


@cache
def load_languages(path: Path = LANGUAGES_FILE) -> tuple[Language, ...]:
    """Read and validate languages.yml (cached: it does not change during a run)."""
    with open(path, encoding="utf-8") as handle:
        return parse_languages(yaml.safe_load(handle), origin=str(path.name))


def language_codes(path: Path = LANGUAGES_FILE) -> tuple[str, ...]:
    return tuple(language.code for language in load_languages(path))
