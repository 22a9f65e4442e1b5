"""The A-Z files each word under the letter its language counts (sitegen/letters.py):
Turkish Ç, İ, Ş apart from C, I, S; Sorani ئ first, never under the Arabic ي; one
Tigrinya heading per consonant family; Ukrainian Ї and Й as letters of their own."""

from __future__ import annotations

import re

import pytest

from hooks.topic_index import letter_groups
from sitegen.letters import initial


def groups(code: str, words: list[str], script: str = "") -> list[tuple[str, list[str]]]:
    entries = [{"text": word, "page": None} for word in words]
    found = letter_groups(entries, code, script)
    return [(g["letter"], [e["text"] for e in g["entries"]]) for g in found]


def test_turkish_letters_of_their_own_follow_their_base_letter() -> None:
    words = ["Şimdi ne yapmalısınız?", "İki belge", "Sınav", "Çalışma", "Ceza", "ıslak", "ilk"]
    words += ["Iğdır", "İş", "Öğrenme", "Okul", "Üye", "Uzun", "Dil"]
    assert groups("tr", words) == [
        ("C", ["Ceza"]),
        ("Ç", ["Çalışma"]),
        ("D", ["Dil"]),
        ("I", ["Iğdır", "ıslak"]),  # dotless ı is I
        ("İ", ["İki belge", "ilk", "İş"]),  # dotted i is İ, in Turkish
        ("O", ["Okul"]),
        ("Ö", ["Öğrenme"]),
        ("S", ["Sınav"]),
        ("Ş", ["Şimdi ne yapmalısınız?"]),
        ("U", ["Uzun"]),
        ("Ü", ["Üye"]),
    ]
    # Another language files the same words by their base letter, as before.
    assert [letter for letter, _ in groups("en", ["Şimdi", "Sınav", "İş"])] == ["I", "S"]


def test_sorani_starts_with_its_own_letter_and_never_uses_the_arabic_yeh() -> None:
    words = ["بەشداری", "ئەم پەڕەیە", "یارمەتی", "ئیش", "کار", "ئاسان", "4 هەنگاو"]
    assert groups("ckb", words) == [
        ("4", ["4 هەنگاو"]),  # digits first, as in every language
        ("ئ", ["ئاسان", "ئەم پەڕەیە", "ئیش"]),
        ("ب", ["بەشداری"]),
        ("ک", ["کار"]),
        ("ی", ["یارمەتی"]),
    ]
    assert "ي" not in [letter for letter, _ in groups("ckb", words)]


def test_tigrinya_has_one_heading_per_consonant_family() -> None:
    words = ["ሓገዝ", "ሕቶ", "መምህር", "ምዝገባ", "ኣብ", "ኤርትራ", "እዚ", "ደረጃ", "ዲጂታል", "ድሕሪ"]
    assert groups("ti", words) == [
        ("ሐ", ["ሓገዝ", "ሕቶ"]),
        ("መ", ["መምህር", "ምዝገባ"]),
        ("አ", ["ኣብ", "ኤርትራ", "እዚ"]),
        ("ደ", ["ደረጃ", "ዲጂታል", "ድሕሪ"]),
    ]


def test_ukrainian_letters_in_the_ukrainian_order() -> None:
    words = ["Курс", "Йти", "Іспит", "Їжа", "Иван"]
    assert [letter for letter, _ in groups("uk", words)] == ["И", "І", "Ї", "Й", "К"]


def test_a_language_lists_its_own_script_before_the_dutch_pages_it_still_shows() -> None:
    """Pashto, partly translated: its headings first, then the Latin ones of the Dutch
    pages (the root order of the collation puts Latin before Arabic)."""
    words = ["Kosten", "ښوونځی", "Attest", "اړیکه", "2 ګامونه"]
    assert groups("ps", words, "Arab") == [
        ("2", ["2 ګامونه"]),
        ("ا", ["اړیکه"]),
        ("ښ", ["ښوونځی"]),
        ("A", ["Attest"]),
        ("K", ["Kosten"]),
    ]
    assert [letter for letter, _ in groups("ps", words)][1:3] == ["A", "K"]  # no script known
    # Ukrainian, in Cyrillic; Sorani keeps its first letter first.
    assert [letter for letter, _ in groups("uk", ["Intake", "Курс"], "Cyrl")] == ["К", "I"]
    sorani = groups("ckb", ["MO", "بەشداری", "ئاسان"], "Arab")
    assert [letter for letter, _ in sorani] == ["ئ", "ب", "M"]


def test_the_pashto_a_z_of_the_fixture_site_starts_with_pashto(fixture_site) -> None:
    html = (fixture_site / "ps" / "a-z" / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h2 id=\"az-\d+\">([^<]+)</h2>", html)
    latin = [i for i, letter in enumerate(headings) if letter.isascii() and letter.isalpha()]
    arabic = [i for i, letter in enumerate(headings) if "\u0600" <= letter <= "\u06ff"]
    assert latin and arabic and max(arabic) < min(latin), headings


@pytest.mark.parametrize(
    ("text", "code", "letter"),
    [
        ("آخر", "ar", "ا"),  # alef with madda, hamza: filed under alef in Arabic
        ("إجراءات", "fa", "ا"),
        ("Één dag", "nl", "E"),
        ("e\u0301en", "nl", "E"),  # a decomposed accent
        ("  (MO) cursus", "nl", "M"),
        ("1 dag", "nl", "1"),
        ("ßtraße", "de", "S"),  # a capital of two letters (SS): its first
        ("ﬁets", "nl", "F"),
        ("…", "nl", "#"),
    ],
)
def test_other_words_are_filed_by_their_first_letter_without_marks(text, code, letter) -> None:
    assert initial(text, code) == letter
