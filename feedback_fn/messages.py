"""Messages for people, in the submitter's language (one YAML file per language).

Languages come from languages.yml; a language without a file here, or a key
missing from its file, falls back to English, and callers are told which
language the text is really in so that pages are never labelled wrongly.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from wegwijs_shared.languages import is_language_tag

MESSAGES_DIR = Path(__file__).resolve().parent / "messages"
FALLBACK_LANGUAGE = "en"


@cache
def load_catalogue(lang: str) -> dict[str, dict[str, str]]:
    """The messages of one language; empty when there is no file for it."""
    # Any BCP 47 tag of the site ('pt-BR', 'ckb'); nothing else becomes a file name.
    if not is_language_tag(lang):
        return {}
    path = MESSAGES_DIR / f"{lang}.yml"
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    return {section: dict(entries) for section, entries in data.items()}


def text_language(lang: str) -> str:
    """The language whose file will give the text: `lang` itself, or the fallback."""
    return lang if load_catalogue(lang) else FALLBACK_LANGUAGE


def lookup(lang: str, section: str, key: str) -> str:
    """One message, from `lang`'s file or else from the English one."""
    text = load_catalogue(lang).get(section, {}).get(key)
    if text is None:
        text = load_catalogue(FALLBACK_LANGUAGE)[section][key]
    return text


def error_message(lang: str, code: str, field: str | None = None, **params: object) -> str:
    """The sentence that tells the submitter what to fix, e.g. 'Vul dit in: taal.'."""
    lang = text_language(lang)
    label = lookup(lang, "fields", field) if field else ""
    return lookup(lang, "errors", code).format(field=label, **params)
