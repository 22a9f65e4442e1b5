"""Whether a change to a Dutch page is small enough for `build.py stamp --minor`.

Small means that every sentence says what it said: a spelling or typo fix within a
word, punctuation, capitals, spaces and line breaks. Anything else needs a new
translation, so the translations must be updated and stamped one by one:

- a sentence added or removed (a paragraph, a list item, a heading);
- a number changed;
- a negation word (niet, geen, nooit ...) added, removed or moved: it turns a
  sentence around;
- within a sentence, a word added, removed or replaced by another word. A word
  counts as the same word with its typo fixed when at most one letter in four
  changed (a swap of two letters counts once): "cusus" -> "cursus".

The title and the description count as sentences too: translations translate them.
"""

from __future__ import annotations

import difflib
import re

from sitegen.checks.markdown_tree import parse_markdown
from sitegen.checks.readability import sentences
from sitegen.checks.source import parse_front_matter, split_front_matter

_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
QUOTE_MAX = 80
NEGATIONS = frozenset({"niet", "geen", "nooit", "niets", "niks", "niemand", "nergens", "noch"})
LETTERS_PER_TYPO = 4  # a typo fix changes at most one letter in this many


def page_sentences(text: str) -> list[str]:
    """The sentences readers read: title, description, headings, then those of
    paragraphs, items and cells."""
    meta, _ = parse_front_matter(text)
    meta = meta or {}
    found = [str(meta.get(key, "")).strip() for key in ("title", "description")]
    found = [value for value in found if value]
    _, body, skipped = split_front_matter(text)
    tree = parse_markdown(body, skipped + 1)
    found += [heading.text.strip() for heading in tree.headings if heading.text.strip()]
    found += [s.text for s in sentences(tree.units, lambda t: len(_WORD.findall(t)))]
    return found


def _quote(text: str) -> str:
    return text if len(text) <= QUOTE_MAX else text[: QUOTE_MAX - 3].rsplit(" ", 1)[0] + "..."


def _words(sentence: str) -> list[str]:
    """The words of a sentence as compared: capitals and punctuation do not count."""
    return [word.lower() for word in _WORD.findall(sentence)]


def _distance(a: str, b: str) -> int:
    """Edits from a to b: a letter added, removed or replaced, or two letters swapped."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(
                previous[j] + 1,
                row[j - 1] + 1,
                previous[j - 1] + (a[i - 1] != b[j - 1]),
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], previous2[j - 2] + 1)
        previous2, previous = previous, row
    return previous[len(b)]


def _typo_fix(old: str, new: str) -> bool:
    """The same word with its spelling fixed, not another word."""
    if old in NEGATIONS or new in NEGATIONS or any(c.isdigit() for c in old + new):
        return old == new
    edits = _distance(old, new)
    swapped = edits == 1 and sorted(old) == sorted(new)  # 'hte' -> 'het'
    return swapped or edits * LETTERS_PER_TYPO <= max(len(old), len(new))


def _word_changes(old: str, new: str) -> tuple[list[str], set[str]]:
    """What changed in the words of a sentence beyond typo fixes ('added "x"', ...), and
    the words added or removed."""
    a, b = _words(old), _words(new)
    changes: list[str] = []
    involved: set[str] = set()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        gone, came = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        if tag == "equal" or "".join(a[i1:i2]) == "".join(b[j1:j2]):
            continue  # the same words, with a space more or less
        if tag == "replace" and i2 - i1 == j2 - j1:
            if all(_typo_fix(x, y) for x, y in zip(a[i1:i2], b[j1:j2], strict=True)):
                continue
        involved.update(a[i1:i2] + b[j1:j2])
        if tag == "insert":
            changes.append(f'added "{came}"')
        elif tag == "delete":
            changes.append(f'removed "{gone}"')
        else:
            changes.append(f'"{gone}" became "{came}"')
    return changes, involved


def major_change(before: str, after: str) -> str | None:
    """What makes the change from `before` to `after` more than a small one; None if small."""
    old, new = page_sentences(before), page_sentences(after)
    changed: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            changed += zip(old[i1:i2], new[j1:j2], strict=True)
            continue
        if tag == "replace" and not _word_changes(" ".join(old[i1:i2]), " ".join(new[j1:j2]))[0]:
            continue  # the same words, split into sentences in another place (punctuation)
        if j2 - j1 > i2 - i1:
            return f'it adds a sentence ("{_quote(new[j1 + (i2 - i1)])}")'
        return f'it removes a sentence ("{_quote(old[i1 + (j2 - j1)])}")'
    numbers_before = sorted(_NUMBER.findall(" ".join(old)))
    numbers_after = sorted(_NUMBER.findall(" ".join(new)))
    if numbers_before != numbers_after:
        gone = [n for n in numbers_before if n not in numbers_after]
        came = [n for n in numbers_after if n not in numbers_before]
        return f"it changes a number ({', '.join(gone) or '-'} -> {', '.join(came) or '-'})"
    described = []
    negations: set[str] = set()
    for old_sentence, new_sentence in changed:
        changes, involved = _word_changes(old_sentence, new_sentence)
        said = f'"{_quote(new_sentence)}" ({", ".join(changes)})'
        if changes and said not in described:  # the title and the heading are often one
            described.append(said)
            negations |= involved & NEGATIONS
    if not described:
        return None
    which = "a sentence" if len(described) == 1 else f"{len(described)} sentences"
    if negations:
        named = ", ".join(f'"{word}"' for word in sorted(negations))
        return (
            f"it adds or removes {named}, which can turn what a sentence says around, in "
            f"{which}: {'; '.join(described)}"
        )
    return f"it changes the words of {which}: {'; '.join(described)}"
