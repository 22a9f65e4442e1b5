"""E-mail addresses and phone numbers are masked before storage; dates and amounts are not."""

from __future__ import annotations

import pytest

from feedback_fn.masking import mask_contacts


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
        ("rijksregister 85.07.30-033.28", "rijksregister [national-number]"),
    ],
)
def test_contacts_are_masked(text: str, expected: str) -> None:
    assert mask_contacts(text) == (expected, True)


@pytest.mark.parametrize(
    "text",
    [
        "les op 12/05/2024 om 14:30",
        "2024-2025",
        "het kost 1.000 euro",
        "lokaal 3.14",
        "A2 niveau na 240 uur",
        "",
    ],
)
def test_ordinary_numbers_stay(text: str) -> None:
    assert mask_contacts(text) == (text, False)
