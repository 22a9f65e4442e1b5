"""The writing direction of a comment, from its own letters rather than its first one.

`dir="auto"` takes the first strong character: an Arabic comment that starts
with a Latin word, or with the `[email]` mask put in on arrival, would be laid
out left to right. Here the script most of its letters are in decides, and the
page language's direction decides a tie (or a comment without letters).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# The masks the feedback function writes in place of personal data: not the reader's words.
_MASK = re.compile(r"\[[a-z_-]+\]")
RIGHT_TO_LEFT_CLASSES = frozenset(("R", "AL"))


def text_direction(text: str, fallback: str = "ltr") -> str:
    """'rtl' when most strong letters are right-to-left, 'ltr' when most are not."""
    rtl = ltr = 0
    for character in _MASK.sub(" ", text):
        kind = unicodedata.bidirectional(character)
        if kind in RIGHT_TO_LEFT_CLASSES:
            rtl += 1
        elif kind == "L":
            ltr += 1
    if rtl == ltr:
        return fallback
    return "rtl" if rtl > ltr else "ltr"


@cache
def language_direction(code: str) -> str:
    """The direction of a site language (languages.yml); 'ltr' for a code it lacks."""
    from wegwijs_shared.languages import load_languages

    for language in load_languages():
        if language.code == code:
            return language.dir
    return "ltr"
