"""Dates as the reader's language writes them (sitegen/dates.py), for every site language."""

from __future__ import annotations

import pytest

from sitegen.dates import babel_locale, latin_digits, locale_names, written_date
from wegwijs_shared.languages import Language, load_languages

LANGUAGES = load_languages()
# The CLDR locale of each language the site has had: Belgium's (the readers live in
# Flanders) where CLDR has one: Dutch, English, French; Dari as
# CLDR's Persian of Afghanistan (its other tag), the others under their own code.
LOCALES = {
    "nl": "nl_BE",
    "en": "en_BE",
    "fr": "fr_BE",
    "ar": "ar",
    "fa": "fa",
    "ps": "ps",
    "ru": "ru",
    "ti": "ti",
    "so": "so",
    "prs": "fa_AF",
    "ckb": "ckb",
    "tr": "tr",
    "uk": "uk",
}
NOVEMBER_20 = {
    "nl": "20 november 2026",
    "en": "20 November 2026",
    "fr": "20 novembre 2026",
    "ar": "20 نوفمبر 2026",
    "fa": "20 نوامبر 2026",
    "prs": "20 نومبر 2026",
    "ps": "20 نومبر 2026",
    "ckb": "20ی تشرینی دووەمی 2026",
    "ru": "20 ноября 2026\u202fг.",
    "uk": "20 листопада 2026\u202fр.",
    "tr": "20 Kasım 2026",
    "so": "Noofeembar 20, 2026",
    "ti": "ሕዳር 20, 2026",
}


def made_up(code: str) -> Language:
    return Language(code, "Test", "Test language", "ltr")


def by_code(language: Language) -> str:
    return language.code


@pytest.mark.parametrize("language", LANGUAGES, ids=by_code)
@pytest.mark.parametrize(
    ("iso", "year", "day", "month_number"),
    [("2026-11-20", "2026", "20", "11"), ("2027-01-05", "2027", "5", "01")],
)
def test_every_site_language_writes_the_month_with_latin_digits(
    language, iso, year, day, month_number
):
    written = written_date(iso, language)
    digits = [char for char in written if char.isdecimal()]
    assert digits and all("0" <= char <= "9" for char in digits), written
    assert year in written and day in written.replace(year, ""), written
    assert month_number not in written.replace(year, ""), written  # the month is a name
    assert sum(char.isalpha() for char in written) >= 2, written  # Tigrinya January: ጥሪ
    if babel_locale(language) is not None:
        assert written != iso


@pytest.mark.parametrize("language", LANGUAGES, ids=by_code)
def test_each_language_has_its_cldr_locale(language):
    if language.code not in LOCALES:
        pytest.skip(f"{language.code}: new language; add its expected locale to LOCALES")
    assert str(babel_locale(language)) == LOCALES[language.code]


@pytest.mark.parametrize("language", LANGUAGES, ids=by_code)
def test_examples(language):
    if language.code not in NOVEMBER_20:
        pytest.skip(f"{language.code}: new language; add its example to NOVEMBER_20")
    assert written_date("2026-11-20", language) == NOVEMBER_20[language.code]


def test_dari_is_found_through_its_other_tag():
    dari = Language("prs", "دری", "Dari", "rtl")
    assert list(locale_names(dari)) == ["prs_BE", "prs", "fa_AF", "fa"]
    assert str(babel_locale(dari)) == "fa_AF"


def test_a_longer_tag_falls_back_to_a_shorter_one():
    assert str(babel_locale(made_up("sr-Latn-RS"))) == "sr_Latn_RS"
    assert str(babel_locale(made_up("fr-x-wegwijs"))) == "fr"  # not 'fr_x'
    assert written_date("2026-11-20", made_up("fr-x-wegwijs")) == "20 novembre 2026"


@pytest.mark.parametrize("code", ["qaa", "qaa-Latn", "zzz-x-test"])
def test_a_language_cldr_does_not_know_gets_the_iso_date(code):
    assert babel_locale(made_up(code)) is None
    assert written_date("2026-11-20", made_up(code)) == "2026-11-20"


def test_digits_of_other_scripts_become_latin():
    assert latin_digits("۲۰ نوامبر ۲۰۲۶") == "20 نوامبر 2026"  # Persian
    assert latin_digits("٢٠ نوفمبر ٢٠٢٦") == "20 نوفمبر 2026"  # Arabic-Indic
    assert latin_digits("२० 20 ሕዳር") == "20 20 ሕዳር"  # Devanagari; Ethiopic has none to change
