"""Whether a change to a Dutch page is small enough for `build.py stamp --minor`.

A typo, a space or punctuation needs no new translation. A sentence added or
removed (a paragraph, a list item, a heading), or a number changed, does: its
translations must say it too, so they must be updated and stamped one by one.
"""

from __future__ import annotations

import difflib
import re

from sitegen.checks.markdown_tree import parse_markdown
from sitegen.checks.readability import sentences
from sitegen.checks.source import split_front_matter

_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
QUOTE_MAX = 80


def page_sentences(text: str) -> list[str]:
    """The sentences readers read: headings, then those of paragraphs, items and cells."""
    _, body, skipped = split_front_matter(text)
    tree = parse_markdown(body, skipped + 1)
    found = [heading.text.strip() for heading in tree.headings if heading.text.strip()]
    found += [s.text for s in sentences(tree.units, lambda t: len(_WORD.findall(t)))]
    return found


def _quote(text: str) -> str:
    return text if len(text) <= QUOTE_MAX else text[: QUOTE_MAX - 3].rsplit(" ", 1)[0] + "..."


def major_change(before: str, after: str) -> str | None:
    """What makes the change from `before` to `after` more than a small one; None if small."""
    old, new = page_sentences(before), page_sentences(after)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            continue
        if j2 - j1 > i2 - i1:
            return f'it adds a sentence ("{_quote(new[j1 + (i2 - i1)])}")'
        return f'it removes a sentence ("{_quote(old[i1 + (j2 - j1)])}")'
    numbers_before = sorted(_NUMBER.findall(" ".join(old)))
    numbers_after = sorted(_NUMBER.findall(" ".join(new)))
    if numbers_before != numbers_after:
        gone = [n for n in numbers_before if n not in numbers_after]
        came = [n for n in numbers_after if n not in numbers_before]
        return f"it changes a number ({', '.join(gone) or '-'} -> {', '.join(came) or '-'})"
    return None
