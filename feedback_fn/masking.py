"""Mask e-mail addresses and phone numbers in free text before it is stored."""

from __future__ import annotations

import re

EMAIL_MASK = "[email]"
PHONE_MASK = "[phone]"

# \w and \d are Unicode-aware: this also catches addresses and numbers typed in
# Arabic-Indic or Persian digits, which many of our readers use.
_EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
# A digit run with the separators people type in phone numbers (spaces, dots,
# slashes, dashes, brackets), optionally led by + or 00.
_PHONE_CANDIDATE = re.compile(r"(?<!\w)\(?(?:\+|00)?\(?\d(?:[ \t./()\-\u2013]{0,2}\d){7,}(?!\w)")
# Nine digits is the shortest Belgian number (02 123 45 67); eight digits is
# usually a date such as 12/05/2024 and stays readable.
_MIN_DIGITS = 9
_MIN_DIGITS_INTERNATIONAL = 8


def _is_phone(candidate: str) -> bool:
    digits = sum(char.isdigit() for char in candidate)
    international = candidate.lstrip("(").startswith(("+", "00"))
    return digits >= (_MIN_DIGITS_INTERNATIONAL if international else _MIN_DIGITS)


def mask_contacts(text: str) -> tuple[str, bool]:
    """Return the text with e-mail addresses and phone numbers masked, and whether any were."""
    masked = _EMAIL.sub(EMAIL_MASK, text)
    masked = _PHONE_CANDIDATE.sub(
        lambda match: PHONE_MASK if _is_phone(match.group()) else match.group(), masked
    )
    return masked, masked != text
