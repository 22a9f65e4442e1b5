"""Mask personal data in free text before it is stored: e-mail addresses, phone numbers,
IBANs and Belgian national register (and BIS) numbers, each with its own label.

The labels stay in the stored comment, so analysts read them in every export:
"[email]", "[phone]", "[iban]", "[national-number]".

Phone numbers are found by libphonenumber (the `phonenumbers` package), IBANs and
national numbers by their mod-97 check digits. Nothing is imported or compiled until
a comment needs it (libphonenumber only for a run of 7 or more digits), so answers
without a comment, most of them, cost nothing at a Lambda cold start; bench/cold_start.py
measures it. The corpus in tests/data/masking_corpus.jsonl is the spec.

Decisions:
- Every full-length phone number is masked, public ones too (the agency's 0800
  helpline): a comment cannot tell whose number it is, and "[phone]" still says a
  number was there. Short codes (1700, 112) are not subscriber numbers and stay.
- A number counts as a phone number when libphonenumber finds it possible and it is
  written as people write phone numbers: with + or 00, or with the trunk 0. That
  also catches a Belgian number with one digit too few, an unallocated range, or a
  Dutch, Syrian or Ukrainian number written the local way. Without that prefix an
  amount like "12 500 000" could be a Belgian fixed line, so it stays.
- A date or a time is not taken for a number that libphonenumber finds merely
  possible (01-02-2024 10:30). What is still written like a phone number after all
  that (a digit too many, two numbers run together) is masked as one: the safe side.
"""

from __future__ import annotations

import re
from functools import cache
from types import ModuleType

EMAIL_MASK = "[email]"
PHONE_MASK = "[phone]"
IBAN_MASK = "[iban]"
NATIONAL_NUMBER_MASK = "[national-number]"
MASKS = (EMAIL_MASK, PHONE_MASK, IBAN_MASK, NATIONAL_NUMBER_MASK)

Span = tuple[int, int, str]

# Every check runs on a search copy of the text with the same length, so a span found
# there is the same span in the original: spaces of every kind (no-break U+00A0 and
# U+202F, tabs, zero-width and bidi marks that Arabic keyboards put around numbers)
# become a plain space, and look-alike @ and + their ASCII selves.
_SAME_LENGTH = str.maketrans(
    {
        **dict.fromkeys(
            "\t\u00a0\u00ad\u061c\u1680\u200b\u200c\u200d\u200e\u200f\u202f\u205f\u2060"
            "\u3000\ufeff\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a",
            " ",
        ),
        "\uff20": "@",
        "\ufe6b": "@",
        "\uff0b": "+",
    }
)
# Contact data needs a digit or something like an @; text without either is left
# alone at once (and without importing anything).
_HINT = r"(?i)\d|[@\uff20\ufe6b]|\b(?:at|apenstaartje|arobase|собака)\b"
_DIGIT = r"\d"
# Arabic-Indic, Persian and other Unicode decimal digits, for ASCII-only checks.
_OTHER_DIGIT = r"(?![0-9])\d"

# E-mail addresses, also as people write them to fool harvesters: "jan (at) gmail
# (dot) com", "jan.peeters @ gmail.com", "jan at gmail dot com". A spelled-out "at"
# needs a spelled-out or bracketed dot, so "I looked at vdab.be" stays.
_AT_WORD = r"(?:at|apenstaartje|arobase|собака)"
_DOT_WORD = r"(?:dot|punt|point|точка)"
_AT = rf"(?:\s*@\s*|\s*[(\[{{<]\s*(?:@|{_AT_WORD})\s*[)\]}}>]\s*)"
_SPELLED_DOT = rf"(?:\s*[(\[{{<]\s*(?:\.|{_DOT_WORD})\s*[)\]}}>]\s*|\s+{_DOT_WORD}\s+)"
_TLD = r"[^\W\d_]{2,}"
# After an @, a dot with spaces around it, but only before a common ending ("gmail . com").
_SPACED_DOT = r"\s*\.\s*(?=(?:com|net|org|be|nl|fr|de|eu|ru|ua|ir|af|ma|info)\b)"
# Tried only where a run of address characters starts, and without backtracking into
# a run (possessive ++), so a 1000-character comment costs linear time, not quadratic.
_EMAIL = (
    rf"(?i)(?<![\w.%+-])[\w.%+-]++(?:{_AT}(?:[\w-]++(?:\.|{_SPELLED_DOT}|{_SPACED_DOT}))+"
    rf"|\s+{_AT_WORD}\s+(?:[\w-]++{_SPELLED_DOT})+){_TLD}"
)

# IBAN: country, check digits, then up to 30 letters or digits in groups.
_IBAN = r"(?i)[A-Z]{2} ?[0-9]{2}(?:[ \n-]?[A-Z0-9]){11,30}"
# Lengths per country from the SWIFT IBAN registry; other countries may use 15-34.
_IBAN_LENGTHS = {
    **dict.fromkeys(("NO",), 15),
    **dict.fromkeys(("BE",), 16),
    **dict.fromkeys(("DK", "FI", "FK", "FO", "GL", "NL", "SD"), 18),
    **dict.fromkeys(("MK", "SI"), 19),
    **dict.fromkeys(("AT", "BA", "EE", "KZ", "LT", "LU", "MN", "XK"), 20),
    **dict.fromkeys(("CH", "HR", "LI", "LV"), 21),
    **dict.fromkeys(("BG", "BH", "CR", "DE", "GB", "GE", "IE", "ME", "RS", "VA"), 22),
    **dict.fromkeys(("AE", "GI", "IL", "IQ", "OM", "SO", "TL"), 23),
    **dict.fromkeys(("AD", "CZ", "ES", "MD", "PK", "RO", "SA", "SE", "SK", "TN", "VG"), 24),
    **dict.fromkeys(("LY", "PT", "ST"), 25),
    **dict.fromkeys(("IS", "TR"), 26),
    **dict.fromkeys(("BI", "DJ", "FR", "GR", "IT", "MC", "MR", "SM"), 27),
    **dict.fromkeys(("AL", "AZ", "BY", "CY", "DO", "GT", "HN", "HU", "LB", "NI", "PL", "SV"), 28),
    **dict.fromkeys(("BR", "EG", "PS", "QA", "UA"), 29),
    **dict.fromkeys(("JO", "KW", "MU", "YE"), 30),
    **dict.fromkeys(("MT", "SC"), 31),
    **dict.fromkeys(("LC",), 32),
    **dict.fromkeys(("RU",), 33),
}

# National register number: YY MM DD, a sequence of 3, 2 check digits, with or
# without the usual dots, dashes and spaces (85.07.30-033.28).
_NATIONAL_NUMBER = (
    r"(?<![0-9+])([0-9]{2})[ ./-]?([0-9]{2})[ ./-]?([0-9]{2})[ .\n/-]?([0-9]{3})[ .\n-]?([0-9]{2})"
    r"(?![0-9])"
)

# Dates and times that libphonenumber may find possible (01-02-24 10:30, 09.00-12.30).
_DAY, _MONTH = r"(?:0?[1-9]|[12][0-9]|3[01])", r"(?:0?[1-9]|1[0-2])"
_DATE = (
    rf"(?<![0-9]){_DAY}([./-]){_MONTH}\1(?:[0-9]{{4}}|[0-9]{{2}})(?![0-9])"
    rf"|(?<![0-9])[0-9]{{4}}([./-]){_MONTH}\2{_DAY}(?![0-9])"
)
_TIME = r"(?:[01]?[0-9]|2[0-3])[.:][0-5][0-9]"
_TIMES = rf"{_TIME}(?:\s*[-–]\s*{_TIME})*"
# Where readers' home numbers are longer than Belgian ones, written the local way
# (0912 345 6789 in Iran, 8 912 345-67-89 in Russia, 0532 123 45 67 in Turkey);
# tried only on a long digit run that starts like such a number and is still there.
_HOME_REGIONS = ("IR", "RU", "TR")
_LONG_LOCAL_RUN = r"(?<![0-9])\(?[08](?:[ ./()-]{0,3}[0-9]){9,}"
# No phone number has fewer than 7 digits in a row (short codes such as 1700 are not
# subscriber numbers); separators as libphonenumber allows them, line breaks too.
_DIGIT_RUN = r"[0-9](?:[ ./()\n-]{0,4}[0-9]){6,}"
# A number broken over two lines (a line break between digits).
_SPLIT_NUMBER = r"[0-9][ ]*\r?\n[ ]*[0-9(+]"
# The safety net: what is still written like a phone number after libphonenumber has
# had its say (a digit too many, two numbers run together) is masked all the same.
# Led by + or by a 0 that does not start a decimal, at least 9 digits.
_PHONE_LIKE_RUN = (
    r"(?<![\w.,])(?:\+(?:[ ./()-]{0,2}[0-9]){9,}|\(?0(?![.,])(?:[ ./()-]{0,2}[0-9]){8,})"
)


@cache
def _rx(pattern: str) -> re.Pattern[str]:
    """Compiled on first use: compiled at import, these patterns cost 2 ms of every cold start."""
    return re.compile(pattern)


@cache
def _phonenumbers() -> ModuleType:
    """libphonenumber, imported on the first comment that may hold a phone number (15-25 ms
    with the Belgian metadata)."""
    import phonenumbers

    return phonenumbers


def _search_copy(text: str) -> str:
    copy = text.translate(_SAME_LENGTH)
    if not copy.isascii():
        import unicodedata

        copy = _rx(_OTHER_DIGIT).sub(lambda match: str(unicodedata.decimal(match.group())), copy)
    return copy


def _blank(copy: str, spans: list[Span]) -> str:
    """The copy with these spans as spaces, so that later checks do not see them again."""
    for start, end, _label in spans:
        copy = copy[:start] + " " * (end - start) + copy[end:]
    return copy


def _email_spans(copy: str) -> list[Span]:
    return [(match.start(), match.end(), EMAIL_MASK) for match in _rx(_EMAIL).finditer(copy)]


def is_iban(compact: str) -> bool:
    """ISO 13616: a registry length for the country and mod-97 of the rearranged digits is 1."""
    compact = compact.upper()
    length = _IBAN_LENGTHS.get(compact[:2])
    if (length is not None and len(compact) != length) or not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def _iban_spans(copy: str) -> list[Span]:
    spans: list[Span] = []
    position = 0
    while match := _rx(_IBAN).search(copy, position):
        ends = [match.start() + i + 1 for i, char in enumerate(match.group()) if char.isalnum()]
        known = _IBAN_LENGTHS.get(match.group()[:2].upper())
        if match.group()[2] == " " and not known:
            position = match.start() + 1  # "BE 68 …" yes, any two-letter word before digits no
            continue
        lengths = [known] if known else range(min(len(ends), 34), 14, -1)
        found = None
        for length in lengths:
            end = ends[length - 1] if length <= len(ends) else None
            # The IBAN must end where its characters do, not inside a longer word.
            if end and not copy[end : end + 1].isalnum():
                compact = "".join(c for c in copy[match.start() : end] if c.isalnum())
                if is_iban(compact):
                    found = end
                    break
        if found:
            spans.append((match.start(), found, IBAN_MASK))
            position = found
        else:
            position = match.start() + 1
    return spans


def is_national_number(digits: str) -> bool:
    """Belgian national register or BIS number: 11 digits, a plausible birth date and
    97 - (first nine digits mod 97) as check digits, with a 2 before them for births
    from 2000 on. BIS numbers (people not in the register, often newcomers) add 20 or
    40 to the month; a month or day of 00 means the birth date is not known."""
    if len(digits) != 11 or not digits.isdigit():
        return False
    month, day = int(digits[2:4]), int(digits[4:6])
    if month >= 60 or month % 20 > 12 or day > 31:
        return False
    body, check = int(digits[:9]), int(digits[9:])
    return check in (97 - body % 97, 97 - (2_000_000_000 + body) % 97)


def _national_number_spans(copy: str) -> list[Span]:
    return [
        (match.start(), match.end(), NATIONAL_NUMBER_MASK)
        for match in _rx(_NATIONAL_NUMBER).finditer(copy)
        if is_national_number("".join(match.groups()))
    ]


def _written_as_phone(raw: str, trunk_prefix: str, valid: bool) -> bool:
    """Led by + or 00, or by the region's trunk prefix; if the number is not valid
    (only possible), also not a date or a time."""
    if not raw.lstrip("( ").startswith(("+", trunk_prefix)):
        return False
    return valid or not (_rx(_DATE).search(raw) or _rx(_TIMES).fullmatch(raw.strip()))


def _matches(copy: str, region: str, strict: bool) -> list[Span]:
    phonenumbers = _phonenumbers()
    leniency = phonenumbers.Leniency.VALID if strict else phonenumbers.Leniency.POSSIBLE
    trunk = phonenumbers.PhoneMetadata.metadata_for_region(region).national_prefix or "0"
    return [
        (match.start, match.end, PHONE_MASK)
        for match in phonenumbers.PhoneNumberMatcher(copy, region, leniency=leniency)
        if _written_as_phone(
            match.raw_string, trunk, strict or phonenumbers.is_valid_number(match.number)
        )
    ]


def _phone_spans(copy: str) -> list[Span]:
    if not _rx(_DIGIT_RUN).search(copy):
        return []  # "A2 na 240 uur", "9000 Gent": no need to load libphonenumber
    spans = _matches(copy, "BE", strict=False)
    leftover = _blank(copy, spans)
    if _rx(_LONG_LOCAL_RUN).search(leftover):
        # Another country's numbering plan is a guess: only numbers valid there count.
        for region in _HOME_REGIONS:
            found = _matches(leftover, region, strict=True)
            spans += found
            leftover = _blank(leftover, found)
    if _rx(_SPLIT_NUMBER).search(copy):
        # A number over two lines: its first line alone may look like a (short) number,
        # so a number found across the break replaces the pieces it covers.
        joined = copy.replace("\r", " ").replace("\n", " ")
        for start, end, label in _matches(joined, "BE", strict=False):
            inside = [span for span in spans if span[0] < end and start < span[1]]
            if all(start <= span[0] and span[1] <= end for span in inside):
                spans = [span for span in spans if span not in inside] + [(start, end, label)]
    for match in _rx(_PHONE_LIKE_RUN).finditer(_blank(copy, spans)):
        if not (_rx(_DATE).search(match.group()) or _rx(_TIMES).fullmatch(match.group())):
            spans.append((match.start(), match.end(), PHONE_MASK))
    return spans


def find_personal_data(text: str) -> list[Span]:
    """The (start, end, label) of every piece of personal data in the text, in order."""
    if not text or not _rx(_HINT).search(text):
        return []
    copy = _search_copy(text)
    spans: list[Span] = []
    finders = [_email_spans]
    if _rx(_DIGIT).search(copy):
        finders += [_iban_spans, _national_number_spans, _phone_spans]
    for finder in finders:
        found = finder(copy)
        spans += found
        copy = _blank(copy, found)
    return sorted(spans)


def warm_up() -> None:
    """Load now what the first comment with personal data would load (libphonenumber, the
    Belgian metadata, the patterns): for a Lambda init that runs ahead of traffic
    (provisioned concurrency, SnapStart), where the time is no reader's."""
    find_personal_data("+32 470 12 34 56, 0470 12 34 56, jan@example.be, BE68539007547034")


def mask_contacts(text: str) -> tuple[str, bool]:
    """Return the text with personal data replaced by its label, and whether any was."""
    spans = find_personal_data(text)
    if not spans:
        return text, False
    pieces = []
    position = 0
    for start, end, label in spans:
        pieces += [text[position:start], label]
        position = end
    pieces.append(text[position:])
    return "".join(pieces), True
