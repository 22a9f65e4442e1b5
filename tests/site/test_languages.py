"""languages.yml is the one list; every language has its UI strings, and bad entries are refused."""

from __future__ import annotations

from pathlib import Path

import jinja2
import material
import pytest

from wegwijs_shared.languages import LanguageFileError, load_languages, parse_languages

ROOT = Path(__file__).resolve().parents[2]
THEME = ROOT / "theme"
MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"


def string_keys(partial: Path) -> list[str]:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(partial.parent)))
    source = partial.read_text(encoding="utf-8")
    body = source[source.index("{{ {") + 3 : source.index("}[key]") + 1]
    keys = env.from_string("{{ " + body + ".keys() | list | join(',') }}").render()
    return keys.split(",")


@pytest.mark.parametrize("language", load_languages(), ids=lambda lang: lang.code)
def test_every_language_has_all_our_ui_strings(language):
    partial = THEME / "partials" / "wegwijs" / "strings" / f"{language.code}.html"
    assert partial.is_file(), f"add {partial.relative_to(ROOT)}"
    assert string_keys(partial) == string_keys(partial.with_name("nl.html"))


@pytest.mark.parametrize("language", load_languages(), ids=lambda lang: lang.code)
def test_every_language_has_material_ui_strings_of_its_own(language):
    ours = THEME / "partials" / "languages" / f"{language.code}.html"
    theirs = MATERIAL_LANGUAGES / f"{language.code}.html"
    assert ours.is_file() or theirs.is_file()
    partial = ours if ours.is_file() else theirs
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(partial.parent)))
    module = env.get_template(partial.name).module
    # Our own partials name their own code; the page's <html lang> comes from languages.yml
    # whatever a partial says (Material's pt-BR.html says "pt").
    if ours.is_file():
        assert module.t("language") == language.code
    # Material leaves "direction" empty for left-to-right languages (English's "ltr" applies).
    assert (module.t("direction") or "ltr") == language.dir


def test_pashto_strings_come_from_our_partial():
    assert not (MATERIAL_LANGUAGES / "ps.html").exists()
    assert string_keys(THEME / "partials" / "languages" / "ps.html") == string_keys(
        MATERIAL_LANGUAGES / "fa.html"
    )


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([], "expected a list of languages"),
        ([{"code": "nl", "name": "Nederlands", "english": "Dutch"}], "entry 1 lacks dir"),
        ([{"code": "nl", "name": "N", "english": "D", "dir": "up"}], "dir must be 'ltr' or 'rtl'"),
        (
            [{"code": "en", "name": "E", "english": "E", "dir": "ltr"}],
            "first language must be 'nl'",
        ),
        ([{"code": "nl", "name": "N", "english": "D", "dir": "ltr"}] * 2, "listed twice"),
        (
            [{"code": "ckb_IQ", "name": "K", "english": "K", "dir": "rtl"}],
            r"entry 1 \(ckb_IQ\): write the code as 'ckb-IQ' \(BCP 47",
        ),
        (
            [{"code": "PT-br", "name": "P", "english": "P", "dir": "ltr"}],
            "write the code as 'pt-BR'",
        ),
        (
            [{"code": "kurdish", "name": "K", "english": "K", "dir": "rtl"}],
            "'kurdish' is not a BCP 47 language tag: use the language's ISO 639 code of 2 or 3 "
            "letters",
        ),
        ([{"code": False, "name": "N", "english": "N", "dir": "ltr"}], "put it in quotes"),
        ([{"code": "api", "name": "A", "english": "A", "dir": "ltr"}], "feedback function"),
    ],
)
def test_malformed_language_list_is_explained(entries, message):
    with pytest.raises(LanguageFileError, match=message):
        parse_languages(entries)


@pytest.mark.parametrize("code", ["prs", "ckb", "pt-BR", "sr-Latn", "zh-Hant-TW", "es-419"])
def test_any_bcp47_tag_is_a_language_code(code):
    entries = [
        {"code": "nl", "name": "Nederlands", "english": "Dutch", "dir": "ltr"},
        {"code": code, "name": code, "english": code, "dir": "ltr"},
    ]
    assert [language.code for language in parse_languages(entries)] == ["nl", code]


def _with(entry: dict) -> list[dict]:
    return [{"code": "nl", "name": "Nederlands", "english": "Dutch", "dir": "ltr"}, entry]


@pytest.mark.parametrize(
    ("code", "script"),
    [("ckb", "Arab"), ("prs", "Arab"), ("ti", "Ethi"), ("uk", "Cyrl"), ("so", "Latn"),
     ("tr", "Latn"), ("sr-Latn", "Latn"), ("sr", "Cyrl"), ("zh-Hant-TW", "Hant")],
)  # fmt: skip
def test_the_script_defaults_to_the_codes_usual_script(code, script):
    language = parse_languages(_with({"code": code, "name": code, "english": code, "dir": "ltr"}))
    assert language[1].script == script


def test_a_script_in_languages_yml_wins():
    entry = {"code": "ku", "name": "Kurdî", "english": "Kurmanji", "dir": "ltr", "script": "Latn"}
    assert parse_languages(_with(entry))[1].script == "Latn"
    entry = {"code": "ku", "name": "کوردی", "english": "Kurdish", "dir": "rtl", "script": "Arab"}
    assert parse_languages(_with(entry))[1].script == "Arab"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"script": "arabic"}, r"entry 2 \(xx\): script must be an ISO 15924 code .* 'Latn'\)"),
        ({"script": "ARAB"}, "ISO 15924"),
        ({"code": "sr-Latn", "script": "Cyrl"}, "the code says the script is 'Latn'"),
        ({"scrpit": "Arab"}, r"unknown key scrpit: the keys are code, name, english, dir"),
    ],
)
def test_a_wrong_script_is_explained(extra, message):
    entry = {"code": "xx", "name": "X", "english": "X", "dir": "ltr", **extra}
    with pytest.raises(LanguageFileError, match=message):
        parse_languages(_with(entry))
