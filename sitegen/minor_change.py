"""Whether a change to a Dutch page is small enough for `build.py stamp --minor`.

Small means that every sentence says what it said: a spelling or typo fix within a
word, punctuation, capitals, spaces and line breaks. Anything else needs a new
translation, so the translations must be updated and stamped one by one:

- a sentence added or removed (a paragraph, a list item, a heading);
- a number changed;
- a negation word (niet, geen, nooit ...) added, removed or moved: it turns a
  sentence around;
- within a sentence, a word added, removed or replaced by another word.

A changed word counts as the same word with its typo fixed only when the old word
is no Dutch word the pages use (the known words: every word of the Dutch pages as
they are now), and either the new word is one, or letters were only added, dropped
or swapped, not replaced: "cusus" -> "cursus", "hte" -> "het", "ht" -> "het". At
most one letter in four changes (one in any short word); a swap counts once. So
"voor" -> "door", "moet" -> "moest" or "ouder" -> "onder" is a changed word. No
list of words is complete: a real word that no Dutch page uses yet can still pass.

The title, the description, the headings and the titles of admonitions count as
sentences too: translations translate them. A byte-order mark is not text.
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
    """The sentences readers read: title, description, headings, admonition titles,
    then those of paragraphs, items and cells."""
    text = text.removeprefix("\ufeff")  # a byte-order mark is no text
    meta, _ = parse_front_matter(text)
    meta = meta or {}
    found = [str(meta.get(key, "")).strip() for key in ("title", "description")]
    found = [value for value in found if value]
    _, body, skipped = split_front_matter(text)
    tree = parse_markdown(body, skipped + 1)
    found += [heading.text.strip() for heading in tree.headings if heading.text.strip()]
    found += [title.text for title in tree.admonition_titles]
    found += [s.text for s in sentences(tree.units, lambda t: len(_WORD.findall(t)))]
    return found


def _quote(text: str) -> str:
    return text if len(text) <= QUOTE_MAX else text[: QUOTE_MAX - 3].rsplit(" ", 1)[0] + "..."


def _words(sentence: str) -> list[str]:
    """The words of a sentence as compared: capitals and punctuation do not count."""
    return [word.lower() for word in _WORD.findall(sentence)]


def known_words(texts) -> frozenset[str]:
    """The words of pages (lower case): the Dutch words a typo fix may lead to, and that a
    change away from is no typo fix."""
    return frozenset(word for text in texts for word in _words(text.removeprefix("\ufeff")))


def _distance(a: str, b: str, replace: bool = True) -> int:
    """Edits from a to b: a letter added, removed or replaced (unless not `replace`), or
    two letters swapped."""
    replaced = 1 if replace else len(a) + len(b) + 1  # never cheaper than adding and dropping
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(
                previous[j] + 1,
                row[j - 1] + 1,
                previous[j - 1] + (replaced if a[i - 1] != b[j - 1] else 0),
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], previous2[j - 2] + 1)
        previous2, previous = previous, row
    return previous[len(b)]


def _typo_fix(old: str, new: str, known: frozenset[str]) -> bool:
    """The same word with its spelling fixed, not another word."""
    if old in NEGATIONS or new in NEGATIONS or any(c.isdigit() for c in old + new):
        return old == new
    if old in known:
        return False  # a Dutch word made another: 'voor' -> 'door', 'moet' -> 'moest'
    allowed = max(1, max(len(old), len(new)) // LETTERS_PER_TYPO)
    if new in known and _distance(old, new) <= allowed:
        return True  # 'wrek' -> 'werk', 'cusrus' -> 'cursus'
    return _distance(old, new, replace=False) <= allowed  # 'ht' -> 'het', 'hte' -> 'het'


def _word_changes(
    old: str, new: str, known: frozenset[str] = frozenset()
) -> tuple[list[str], set[str]]:
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
            if all(_typo_fix(x, y, known) for x, y in zip(a[i1:i2], b[j1:j2], strict=True)):
                continue
        involved.update(a[i1:i2] + b[j1:j2])
        if tag == "insert":
            changes.append(f'added "{came}"')
        elif tag == "delete":
            changes.append(f'removed "{gone}"')
        else:
            changes.append(f'"{gone}" became "{came}"')
    return changes, involved


def major_change(before: str, after: str, known: frozenset[str] = frozenset()) -> str | None:
    """What makes the change from `before` to `after` more than a small one; None if small.

    known: the Dutch words the pages use (known_words); a word changed away from one of
    them is never a typo fix."""
    old, new = page_sentences(before), page_sentences(after)
    changed: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            changed += zip(old[i1:i2], new[j1:j2], strict=True)
            continue
        if (
            tag == "replace"
            and not _word_changes(" ".join(old[i1:i2]), " ".join(new[j1:j2]), known)[0]
        ):
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
        changes, involved = _word_changes(old_sentence, new_sentence, known)
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
