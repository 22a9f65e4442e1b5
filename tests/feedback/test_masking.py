"""Personal data is masked before storage, each kind with its own label; dates and amounts
are not. The labelled corpus (test_masking_corpus.py) holds the bulk of the cases."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from feedback_fn.masking import is_iban, is_national_number, mask_contacts

from .servers import ROOT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail me: jan.peeters+vdab@example.be", "mail me: [email]"),
        ("بريدي fatima_92@mail.example.com شكرا", "بريدي [email] شكرا"),
        ("bel 0470 12 34 56 aub", "bel [phone] aub"),
        ("bel 0470/12.34.56", "bel [phone]"),
        ("tel +32 470 12 34 56.", "tel [phone]."),
        ("tel 0032470123456", "tel [phone]"),
        ("kantoor 02 123 45 67", "kantoor [phone]"),
        ("(+32) 9 123 45 67", "[phone]"),
        ("رقمي ٠٤٧٠١٢٣٤٥٦ من فضلك", "رقمي [phone] من فضلك"),
        ("شماره من ۰۴۷۰۱۲۳۴۵۶", "شماره من [phone]"),
        # Was labelled [phone]: a national register number is not a phone number.
        ("rijksregister 85.07.30-033.28", "rijksregister [national-number]"),
        ("IBAN BE68 5390 0754 7034", "IBAN [iban]"),
        ("mail jan (at) gmail (dot) com", "mail [email]"),
    ],
)
def test_contacts_are_masked(text: str, expected: str) -> None:
    assert mask_contacts(text) == (expected, True)


@pytest.mark.parametrize(
    "text",
    [
        "les op 12/05/2024 om 14:30",
        "les op 12/05/2024 14:30",
        "2024-2025",
        "het kost 1.000 euro",
        "1 250 000 000 euro",
        "lokaal 3.14",
        "A2 niveau na 240 uur",
        "I looked at vdab.be",
        "",
    ],
)
def test_ordinary_numbers_stay(text: str) -> None:
    assert mask_contacts(text) == (text, False)


@pytest.mark.parametrize(
    ("iban", "valid"),
    [
        ("BE68539007547034", True),
        ("be68539007547034", True),
        ("NL91ABNA0417164300", True),
        ("FR1420041010050500013M02606", True),
        ("BE68539007547035", False),  # one digit mistyped: mod-97 fails
        ("BE6853900754703", False),  # a Belgian IBAN has 16 characters
        ("NL91ABNA041716430", False),
    ],
)
def test_iban_check(iban: str, valid: bool) -> None:
    assert is_iban(iban) is valid


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("85073003328", True),  # born 1985: 97 - 850730033 mod 97 = 28
        ("85073003327", False),
        ("02031512304", True),  # born 2003: 97 - 2020315123 mod 97 = 4
        ("02031512314", False),
        ("90471234559", True),  # BIS number: month + 40
        ("85000003306", True),  # birth date unknown: month and day 00
        ("85133003328", False),  # month 13
        ("0470123456", False),
    ],
)
def test_national_number_check(number: str, valid: bool) -> None:
    assert is_national_number(number) is valid


def test_a_kind_per_label_in_one_comment() -> None:
    text = "tel: 0470 12 34 56, mail: jan@x.be, IBAN BE68 5390 0754 7034, RRN 85.07.30-033.28"
    masked, was_masked = mask_contacts(text)
    assert masked == "tel: [phone], mail: [email], IBAN [iban], RRN [national-number]"
    assert was_masked


# A new Lambda instance: which comments make it load libphonenumber.
LOADS_PHONENUMBERS = """
import json, sys
from feedback_fn.masking import mask_contacts
loaded = []
for comment in sys.argv[1:]:
    mask_contacts(comment)
    loaded.append("phonenumbers" in sys.modules)
print(json.dumps(loaded))
"""


def test_libphonenumber_is_loaded_only_for_a_comment_with_a_run_of_digits() -> None:
    comments = ["", "Heel duidelijk", "mail jan@x.be", "A2 na 240 uur, 9000 Gent"]
    comments.append("bel 0470 12 34 56")
    result = subprocess.run(
        [sys.executable, "-c", LOADS_PHONENUMBERS, *comments],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert json.loads(result.stdout) == [False, False, False, False, True]


def test_warm_up_loads_what_a_first_phone_number_would() -> None:
    # The Belgian metadata is a module of its own (phonenumbers.data.region_BE).
    script = (
        "import sys; from feedback_fn.masking import mask_contacts, warm_up; warm_up(); "
        "before = set(sys.modules); mask_contacts('bel 0470 12 34 56 of +32 485 11 22 33'); "
        "print('phonenumbers.data.region_BE' in before, sorted(set(sys.modules) - before))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.split() == ["True", "[]"]
