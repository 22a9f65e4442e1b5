"""Dates as the reader's language writes them: '20 November 2026', '20 نوفمبر 2026'.

The notice on an outdated translation says when the Dutch page changed. An ISO date
(2026-11-20) is hard to read for many newcomers and a date in numbers is ambiguous
(20/11 or 11/20), so the month is written out: CLDR's long date format (Babel) in the
locale of the page's language. The `<time datetime>` around it keeps the ISO date.

- The locale: the language's code, else its other tags (Dari `prs` is CLDR's `fa_AF`),
  each also shortened as BCP 47 lookup does (`sr-Latn-RS`, `sr-Latn`, `sr`). Readers
  live in Flanders (Belgium): where CLDR has a language as written there, that wins
  (`en_BE`: 20 November 2026, not the American November 20, 2026).
- The digits are Latin (0-9), as everywhere on the site, also in the languages whose
  CLDR locale counts in other digits (Persian, Pashto and Dari in ۰-۹, Sorani in ٠-٩).
- A language CLDR does not know gets the ISO date: the build does not fail on it.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Iterator
from functools import cache

from babel import Locale, UnknownLocaleError, localedata
from babel.dates import format_date

from wegwijs_shared.languages import Language

READERS_REGION = "BE"


def locale_names(language: Language) -> Iterator[str]:
    """The CLDR locale names to try for a language, best first ('en_BE', 'en')."""
    for tag in language.tags:
        parts = tag.split("-")
        if len(parts) == 1:
            yield f"{tag}_{READERS_REGION}"
        for end in range(len(parts), 0, -1):
            if len(parts[end - 1]) > 1:  # never end on a singleton ('x' of 'x-private')
                yield "_".join(parts[:end])


@cache
def babel_locale(language: Language) -> Locale | None:
    """The first CLDR locale Babel has for a language; None when it has none."""
    for name in locale_names(language):
        if localedata.exists(name):
            try:
                return Locale.parse(name)
            except (UnknownLocaleError, ValueError):
                continue
    return None


def latin_digits(text: str) -> str:
    """Every decimal digit of any script (٢, ۲, २...) as its Latin digit (2)."""
    return "".join(
        str(unicodedata.decimal(char)) if char.isdecimal() and not char.isascii() else char
        for char in text
    )


def written_date(iso: str, language: Language) -> str:
    """An ISO date (YYYY-MM-DD) as the language writes it, with its month's name.

    Latin digits; the ISO date itself when CLDR has no locale for the language.
    """
    day = datetime.date.fromisoformat(iso)
    locale = babel_locale(language)
    if locale is None:
        return iso
    return latin_digits(format_date(day, format="long", locale=locale))
