"""Alphabetical order for every script: the Unicode Collation Algorithm (pyuca).

Loading its table takes about half a second. mkdocs executes the hooks afresh for
every build, so the collator is kept here, in a module imported once: the preview's
builder loads it once, and a build loads it before it forks one process per
language, which then share it.
"""

from __future__ import annotations

from functools import cache


@cache
def _collator():
    import pyuca  # only when a page is sorted

    return pyuca.Collator()


def sort_key(text: str) -> tuple[int, ...]:
    return _collator().sort_key(text)


def load() -> None:
    """Load the table now (before forking the processes that sort)."""
    _collator()
