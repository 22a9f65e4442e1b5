"""The letter a word is filed under in a language's A-Z, and the order of those letters.

The root order of the Unicode Collation Algorithm (sitegen/collation.py, pyuca) sorts
the words of every script, but it knows no language's alphabet: to it, Turkish Ş is an
S with a mark and Sorani ئ a yeh with hamza. Taking a word's first letter without its
marks files most words right; the letters below are those that a language's alphabet
counts as letters of their own (CLDR's tailorings for these languages), which the
marks rule would file under another letter, or under a letter the language does not
even use (Sorani writes ی, not the Arabic ي). Add a language's letters here when its
A-Z files words under the wrong heading.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

# Letters of their own (as capitals, precomposed), by language code.
OWN_LETTERS = {
    "tr": "ÇĞİÖŞÜ",
    "ckb": "ئ",
    "uk": "ЙЇ",
    "ru": "Й",
}
# Own letters that the language's alphabet puts first, where the root order puts them
# last (Sorani starts with ئ, the root order files it with the yeh at the end).
FIRST_LETTERS = {"ckb": "ئ"}
# Unicode's name for the letters of a script (ISO 15924, as languages.yml has it): a
# language's own script comes before the others, as a partly translated language's A-Z
# lists its own headings before the Latin ones of the Dutch pages it still shows.
SCRIPT_NAMES = {
    "Arab": "ARABIC", "Armn": "ARMENIAN", "Beng": "BENGALI", "Cyrl": "CYRILLIC",
    "Deva": "DEVANAGARI", "Ethi": "ETHIOPIC", "Geor": "GEORGIAN", "Grek": "GREEK",
    "Hebr": "HEBREW", "Latn": "LATIN", "Thaa": "THAANA", "Thai": "THAI", "Tibt": "TIBETAN",
}  # fmt: skip
# Capitals that str.upper() gets wrong for a language (Turkish dotted i).
_UPPER = {"tr": {"i": "İ"}}
# The Ethiopic syllables: a consonant's family of vowel forms, eight code points each,
# is one letter (ሀ ሁ ሂ ሃ ሄ ህ ሆ are all ሀ).
_ETHIOPIC = range(0x1200, 0x1380)


def initial(text: str, code: str = "") -> str:
    """The letter a word is filed under: its first letter, as the language counts letters."""
    text = unicodedata.normalize("NFC", text)
    first = next((char for char in text if char.isalnum()), None)
    if first is None:
        return "#"
    # One character: some capitals are two (ß is SS, the ligature ﬁ is FI).
    capital = _UPPER.get(code, {}).get(first) or unicodedata.normalize("NFC", first.upper())[0]
    if capital in OWN_LETTERS.get(code, ""):
        return capital
    if ord(capital) in _ETHIOPIC:
        return chr(ord(capital) - (ord(capital) - _ETHIOPIC.start) % 8)
    for char in unicodedata.normalize("NFKD", capital):
        if char.isalnum():
            return char
    return capital


def letter_order(
    code: str, sort_key: Callable[[str], Sequence[int]], script: str = ""
) -> Callable[[str], tuple]:
    """A key that orders a language's headings: digits and signs, then the letters of
    its script (ISO 15924; any script when unknown), its first letters first, then
    the letters of other scripts; by collation within each."""
    first = FIRST_LETTERS.get(code, "")
    own = SCRIPT_NAMES.get(script)

    def key(letter: str) -> tuple:
        other = own is not None and unicodedata.name(letter, "").split(" ")[0] != own
        place = first.find(letter) if letter in first else len(first)
        return (letter.isalpha(), other, place, sort_key(letter))

    return key
