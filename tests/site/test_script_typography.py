"""Typography follows each language's script: placeholders in the stylesheet become :lang()."""

from __future__ import annotations

from pathlib import Path

from rcssmin import cssmin

from sitegen.script_typography import typeset_scripts
from wegwijs_shared.languages import Language

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = [
    Language("nl", "Nederlands", "Dutch", "ltr"),
    Language("ar", "العربية", "Arabic", "rtl"),
    Language("ckb", "کوردی", "Kurdish (Sorani)", "rtl"),
    Language("ru", "Русский", "Russian", "ltr"),
    Language("ku", "Kurdî", "Kurmanji", "ltr", "Latn"),
]


def test_each_placeholder_becomes_the_languages_of_its_script():
    css = (
        "p{margin:0}:lang(x-script-Latn),:lang(x-script-Cyrl){line-height:1.6}"
        ":lang(x-script-Arab) .wg-x{line-height:1.8}:lang(x-script-Ethi){font-family:Nyala}"
        "@media print{:lang(x-script-Arab){color:#000}}"
    )
    assert typeset_scripts(css, LANGUAGES) == (
        "p{margin:0}:lang(nl),:lang(ku),:lang(ru){line-height:1.6}"
        ":lang(ar) .wg-x,:lang(ckb) .wg-x{line-height:1.8}"  # no Ethiopic language: rule gone
        "@media print{:lang(ar),:lang(ckb){color:#000}}"
    )


def test_the_real_stylesheet_has_no_language_list_of_its_own():
    source = (ROOT / "theme" / "assets" / "wegwijs.css").read_text(encoding="utf-8")
    css = typeset_scripts(cssmin(source), LANGUAGES)
    assert ':lang(ar),:lang(ckb){font-family:"Noto Naskh Arabic"' in css
    assert "x-script-" not in css
    # Every :lang() in the source is a script placeholder.
    assert source.count(":lang(") == source.count(":lang(x-script-")
