"""The site's languages, read from languages.yml (the one source of truth)."""

from __future__ import annotations

import re
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


# The script a language is usually written in (ISO 15924), for the ones that are not
# written in the Latin script: the theme's typography (fonts, line height) follows the
# script. A code's own script subtag ('sr-Latn') wins; any other language is Latin
# unless languages.yml says otherwise (`script: Cyrl`).
USUAL_SCRIPTS = {
    **dict.fromkeys(("ar", "fa", "prs", "pes", "ps", "pbt", "ckb", "ur", "ug", "sd"), "Arab"),
    **dict.fromkeys(("ti", "am", "tig", "byn"), "Ethi"),
    **dict.fromkeys(("ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "tg", "mn"), "Cyrl"),
    **dict.fromkeys(("he", "yi"), "Hebr"),
    **dict.fromkeys(("hi", "mr", "ne"), "Deva"),
    "el": "Grek",
    "hy": "Armn",
    "ka": "Geor",
    "bn": "Beng",
    "ta": "Taml",
    "th": "Thai",
    "my": "Mymr",
    "km": "Khmr",
    "zh": "Hans",
    "ja": "Jpan",
    "ko": "Kore",
}
_SCRIPT = re.compile(r"^[A-Z][a-z]{3}$")
# Other tags by which browsers and speech engines name a language (CLDR's locale for it):
# a phone set to Dari says fa-AF, and its Dari voice is fa-AF, never prs.
OTHER_TAGS = {"prs": ("fa-AF",), "ckb": ("ku-IQ", "ku-Arab")}
# A language whose voice reads this one understandably where a phone has none of its own:
# most phones have an Iranian Persian voice and no Dari one; the accent differs, the
# words are read. Better than no Listen at all.
NEAR_VOICES = {"prs": "fa"}


def usual_script(code: str) -> str:
    """The script of a language tag: its script subtag, else the language's usual one."""
    parts = code.split("-")
    for part in parts[1:]:
        if _SCRIPT.match(part):
            return part
    return USUAL_SCRIPTS.get(parts[0], "Latn")


@dataclass(frozen=True)
class Language:
    """One site language: code, own name, English name, direction and script."""

    code: str
    name: str
    english: str
    dir: str
    script: str = ""  # ISO 15924 ('Arab', 'Latn'); empty: the code's usual script

    def __post_init__(self) -> None:
        if not self.script:
            object.__setattr__(self, "script", usual_script(self.code))

    @property
    def tags(self) -> tuple[str, ...]:
        """Its code and the other tags browsers and voices use for it (OTHER_TAGS)."""
        return (self.code, *OTHER_TAGS.get(self.code, ()))

    @property
    def near_voice(self) -> str:
        """The language whose voice may read this one when it has none (NEAR_VOICES), or ''."""
        return NEAR_VOICES.get(self.code, "")

    @property
    def is_source(self) -> bool:
        return self.code == SOURCE_LANGUAGE

    @property
    def prefix(self) -> str:
        """URL prefix of this language's pages: '' for Dutch, 'ar/' for Arabic."""
        return "" if self.is_source else f"{self.code}/"


class LanguageFileError(ValueError):
    """languages.yml is malformed; the message says what to fix."""


# A BCP 47 language tag (RFC 5646 'langtag') in its canonical case: an ISO 639 language
# of 2 or 3 letters (the subtags of 4-8 letters are reserved or unused), then optionally
# extended language subtags, a script, a region, variants, extensions, private use.
_TAG = re.compile(
    r"^(?P<language>[a-z]{2,3})(?:-[a-z]{3}){0,3}"
    r"(?:-(?P<script>[A-Z][a-z]{3}))?"
    r"(?:-(?P<region>[A-Z]{2}|[0-9]{3}))?"
    r"(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"
    r"(?:-[a-wyz0-9](?:-[a-z0-9]{2,8})+)*"
    r"(?:-x(?:-[a-z0-9]{1,8})+)?$"
)
# Paths of the site that a language folder must not take.
RESERVED_CODES = {"api": "the feedback function's address (/api/)"}


def canonical_case(code: str) -> str:
    """BCP 47's usual spelling: 'PT-br' -> 'pt-BR', 'SR-latn' -> 'sr-Latn'."""
    parts = code.replace("_", "-").split("-")
    fixed = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            fixed.append(part.title())
        elif len(part) == 2 and part.isalpha():
            fixed.append(part.upper())
        else:
            fixed.append(part.lower())
    return "-".join(fixed)


def is_language_tag(code: str) -> bool:
    """Whether a code is a BCP 47 tag in canonical case (never a path: no '/', no '.')."""
    return bool(_TAG.match(code))


def tag_problem(code: object) -> str | None:
    """Why a languages.yml code is not a usable BCP 47 tag, with the fix; None if it is."""
    if isinstance(code, bool):
        return "YAML read this code as yes/no: put it in quotes (code: 'no')."
    if not isinstance(code, str) or not code:
        return "the code must be a BCP 47 language tag such as 'ar', 'prs' or 'pt-BR'."
    if _TAG.match(code):
        if code in RESERVED_CODES:
            return f"'{code}' is {RESERVED_CODES[code]}: this language cannot use it as its folder."
        return None
    fixed = canonical_case(code.strip())
    if fixed != code and _TAG.match(fixed):
        return (
            f"write the code as '{fixed}' (BCP 47: the language in small letters, '-' "
            "between the parts, a region in capitals)."
        )
    return (
        f"'{code}' is not a BCP 47 language tag: use the language's ISO 639 code of 2 or 3 "
        "letters ('ti' for Tigrinya, 'prs' for Dari, 'ckb' for Sorani Kurdish), optionally "
        "with a script or a region ('sr-Latn', 'pt-BR'). See the IANA language subtag registry."
    )


def script_problem(code: str, script: object) -> str | None:
    """Why a languages.yml script is wrong, with the fix; None if it is right."""
    if not isinstance(script, str) or not _SCRIPT.match(script):
        return (
            f"script must be an ISO 15924 code of 4 letters, the first a capital, such as "
            f"'Arab', 'Ethi', 'Latn' or 'Cyrl' (leave it out for '{usual_script(code)}')."
        )
    subtag = usual_script(code) if re.search(r"-[A-Z][a-z]{3}(?:-|$)", code) else None
    if subtag and subtag != script:
        return f"the code says the script is '{subtag}': write script: {subtag} or leave it out."
    return None


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
        problem = tag_problem(entry["code"])
        if problem:
            raise LanguageFileError(f"{origin}: entry {index} ({entry['code']}): {problem}")
        if entry["dir"] not in ("ltr", "rtl"):
            raise LanguageFileError(
                f"{origin}: entry {index} ({entry['code']}): dir must be 'ltr' or 'rtl'."
            )
        script = entry.get("script") or ""
        problem = script_problem(entry["code"], script) if "script" in entry else None
        if problem:
            raise LanguageFileError(f"{origin}: entry {index} ({entry['code']}): {problem}")
        unknown = entry.keys() - {"code", "name", "english", "dir", "script"}
        if unknown:
            raise LanguageFileError(
                f"{origin}: entry {index} ({entry['code']}): unknown key "
                f"{', '.join(sorted(map(str, unknown)))}: the keys are code, name, english, "
                "dir and script."
            )
        if entry["code"] in seen:
            raise LanguageFileError(f"{origin}: language {entry['code']} is listed twice.")
        seen.add(entry["code"])
        languages.append(
            Language(
                str(entry["code"]),
                str(entry["name"]),
                str(entry["english"]),
                entry["dir"],
                str(script),
            )
        )
    if languages[0].code != SOURCE_LANGUAGE:
        raise LanguageFileError(f"{origin}: the first language must be '{SOURCE_LANGUAGE}'.")
    return tuple(languages)


def load_languages(path: Path = LANGUAGES_FILE) -> tuple[Language, ...]:
    """Read and validate languages.yml (cached until the file changes)."""
    if not path.is_file():
        raise LanguageFileError(
            f"{path.name}: there is no such languages file (a list of languages such as "
            "languages.yml)."
        )
    stat = path.stat()
    return _load(path, stat.st_mtime_ns, stat.st_size)


@cache
def _load(path: Path, mtime_ns: int, size: int) -> tuple[Language, ...]:
    with open(path, encoding="utf-8") as handle:
        try:
            entries = yaml.safe_load(handle)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f":{mark.line + 1}" if mark else ""
            raise LanguageFileError(
                f"{path.name}{where}: not valid YAML: write each language as the lines above "
                "it do, '- {code: .., name: .., english: .., dir: ltr}'."
            ) from None
    return parse_languages(entries, origin=str(path.name))


def language_codes(path: Path = LANGUAGES_FILE) -> tuple[str, ...]:
    return tuple(language.code for language in load_languages(path))
