"""Messages exist for every site language, each file complete; English as fallback."""

from __future__ import annotations

import re

import pytest

from feedback_fn.messages import MESSAGES_DIR, error_message, load_catalogue, text_language
from wegwijs_shared.languages import language_codes, load_languages

ENGLISH = load_catalogue("en")
COMPLETE = ("nl", "en", "ar")


def keys(catalogue: dict[str, dict[str, str]]) -> set[tuple[str, str]]:
    return {(section, key) for section, entries in catalogue.items() for key in entries}


@pytest.mark.parametrize("lang", COMPLETE)
def test_required_languages_are_complete(lang: str) -> None:
    assert keys(load_catalogue(lang)) == keys(ENGLISH)


@pytest.mark.parametrize("lang", [language.code for language in load_languages()])
def test_every_site_language_has_a_complete_messages_file(lang: str) -> None:
    assert (MESSAGES_DIR / f"{lang}.yml").is_file(), f"{lang}.yml: no messages for this language"
    assert keys(load_catalogue(lang)) == keys(ENGLISH), f"{lang}.yml: keys differ from en.yml"


@pytest.mark.parametrize("lang", language_codes())
def test_every_site_language_gets_a_message(lang: str) -> None:
    text = error_message(lang, "missing", "rating")
    assert text and "{" not in text


def test_every_message_file_is_a_site_language_with_only_known_keys() -> None:
    for path in MESSAGES_DIR.glob("*.yml"):
        assert path.stem in language_codes(), f"{path.name}: not in languages.yml"
        assert keys(load_catalogue(path.stem)) <= keys(ENGLISH), path.name


def test_placeholders_match_english() -> None:
    for path in MESSAGES_DIR.glob("*.yml"):
        for key, text in load_catalogue(path.stem)["errors"].items():
            expected = set(re.findall(r"{(\w+)}", ENGLISH["errors"][key]))
            assert set(re.findall(r"{(\w+)}", text)) == expected, f"{path.name}: {key}"


def test_language_without_texts_falls_back_to_english() -> None:
    assert text_language("ps") in ("ps", "en")
    assert text_language("xx") == "en"
    assert error_message("xx", "missing", "rating") == ENGLISH["errors"]["missing"].format(
        field=ENGLISH["fields"]["rating"]
    )


def test_messages_in_the_submitters_language() -> None:
    assert error_message("nl", "missing", "channel") == "Vul dit in: hoe je de informatie kreeg."
    assert error_message("ar", "too_long", "comment", limit=1000) == (
        "التعليق: النص طويل جدًا، والحد الأقصى 1000 حرف."
    )
