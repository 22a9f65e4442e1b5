"""Readability for Dutch and English pages, for readers at level A2-B1.

Thresholds from the plain-language guidance in docs/sources.yml
(heerlijk-helder-checklist, wablieft-zinslengte): the Flemish
government's "Heerlijk Helder" asks for short sentences and few difficult words;
Wablieft puts the maximum average at 15-20 words, so a page's average above 15
words and any sentence over 20 words are reported, and so are a page's long
words when more than 2 in 100 words are long (a term the site explains, such as
"trajectbegeleider", may appear now and then). Words and syllables are
counted by textstat (pyphen's Dutch hyphenation, the CMU dictionary for English).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitegen.checks.findings import WARNING, Finding
from sitegen.checks.markdown_tree import TextUnit
from sitegen.checks.source import ContentSite, SourcePage

LANGUAGES = ("nl", "en")
AVERAGE_WORDS_MAX = 15
SENTENCE_WORDS_MAX = 20
# Syllables from which a word counts as long: Dutch glues compounds together.
LONG_WORD_SYLLABLES = {"nl": 6, "en": 5}
LONG_WORDS_PERCENT_MAX = 2  # a page reports its long words above this share
QUOTE_MAX = 120  # characters of a long sentence quoted in a message

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[^\s\w]*[\w])(?=[^a-z])")
_WORD = re.compile(r"\w[\w'’-]*")


@dataclass
class Sentence:
    text: str
    line: int
    words: int


def sentences(units: list[TextUnit], count_words) -> list[Sentence]:
    """The sentences of the page's paragraphs, list items, table cells and definitions."""
    found = []
    for unit in units:
        start = 0
        ends = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(unit.text)]
        for end, after in [*ends, (len(unit.text), len(unit.text))]:
            piece = unit.text[start:end]
            text = piece.strip()
            words = count_words(text) if text else 0
            if words:
                # The line the sentence starts on, not the first line of its paragraph.
                line = unit.line_at(start + len(piece) - len(piece.lstrip()))
                found.append(Sentence(text, line, words))
            start = after
    return found


def _quote(text: str) -> str:
    """The sentence, cut at a word before QUOTE_MAX characters."""
    return text if len(text) <= QUOTE_MAX else text[: QUOTE_MAX - 3].rsplit(" ", 1)[0] + "..."


def _textstat(code: str):
    import textstat  # imported late: only the pages of languages it knows need it

    from sitegen.checks.textstat_seams import quick_dictionary

    quick_dictionary()  # the English dictionary, indexed in 0.08 s instead of 0.7 s
    textstat.set_lang(code)
    return textstat


def _finding(page: SourcePage, line: int, message: str) -> Finding:
    return Finding(page.display, line, message, WARNING, "readability")


def _long_words(page: SourcePage, found: list[Sentence], textstat) -> Finding | None:
    limit = LONG_WORD_SYLLABLES[page.language.code]
    first_line: dict[str, int] = {}
    total = occurrences = 0
    for sentence in found:
        for word in _WORD.findall(sentence.text):
            total += 1
            if textstat.syllable_count(word) >= limit:
                occurrences += 1
                first_line.setdefault(word.lower(), sentence.line)
    if not total or occurrences * 100 <= LONG_WORDS_PERCENT_MAX * total:
        return None
    at = min(first_line.values())  # the message's own line: not repeated in the list
    listed = ", ".join(
        word if line == at else f"{word} (line {line})" for word, line in first_line.items()
    )
    return _finding(
        page,
        at,
        f"{occurrences} of {total} words are long ({limit} syllables or more; at most "
        f"{LONG_WORDS_PERCENT_MAX} in 100): {listed}. Use shorter, common words, or explain "
        "a word the first time you use it.",
    )


def check_readability(page: SourcePage, site: ContentSite) -> list[Finding]:
    if page.language.code not in LANGUAGES:
        return []
    textstat = _textstat(page.language.code)
    found = sentences(page.units, textstat.lexicon_count)
    if not found:
        return []
    findings = []
    average = sum(s.words for s in found) / len(found)
    if average > AVERAGE_WORDS_MAX:
        findings.append(
            _finding(
                page,
                found[0].line,
                f"sentences have {average:.1f} words on average; plain language for readers "
                f"at A2-B1 asks for at most {AVERAGE_WORDS_MAX}. Split long sentences in two "
                "and keep one idea per sentence.",
            )
        )
    for sentence in found:
        if sentence.words > SENTENCE_WORDS_MAX:
            findings.append(
                _finding(
                    page,
                    sentence.line,
                    f"sentence of {sentence.words} words (more than {SENTENCE_WORDS_MAX}): "
                    f'"{_quote(sentence.text)}" Split it in two.',
                )
            )
    long_words = _long_words(page, found, textstat)
    if long_words:
        findings.append(long_words)
    return findings
