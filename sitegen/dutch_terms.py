"""Dutch terms that translations keep, marked as Dutch on the page: lang="nl".

Translations give, in brackets after their own word, the Dutch word that readers
will meet in letters and at the counter: "مرشد مسارك (trajectbegeleider)",
"(in Dutch: traject)". Unmarked, a screen reader and Listen (assets/listen.js) read
"trajectbegeleider" with an Arabic voice, which nobody at the counter would
understand; marked, they switch to a Dutch voice where the phone has one (WCAG
3.1.2, language of parts).

Editors write nothing for it. On a page in Latin letters, a phrase in brackets, alone
or after a colon, is taken for Dutch when the Dutch pages use it and the page itself
does not use it outside brackets: French writes "e-mail" too, and there the word is
the page's own. On a page in another script (Arabic, Ethiopic, Cyrillic), any run of
words in Latin letters that the Dutch pages use is Dutch, in brackets or not. Names
are marked too when the Dutch pages use them ("(Antwerpen)"): a Dutch voice says
them as the city does.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from wegwijs_shared.languages import SOURCE_LANGUAGE

# Letters (any script; only Latin ones can match Dutch), spaces, hyphens, apostrophes:
# no digits, so "(A2)" and "(730 days)" stay the page's own.
_PHRASE = r"[^\W\d_](?:[^\W\d_]|[\s'’-])*"
_BRACKETED = re.compile(rf"\((?P<lead>[^()<>:]*:\s*)?(?P<phrase>{_PHRASE})\)")
# Elements whose content is no running text of the page: code, a drawing, a field.
_RAW = re.compile(r"<(script|style|textarea|svg|pre|code|title)\b.*?</\1\s*>", re.S | re.I)
# On a page in another script, any run of words in Latin letters is borrowed: Dutch when
# the Dutch pages use it ("ናትኩም trajectbegeleider", with brackets or without). They are
# looked for in the text between tags that has a Latin letter (found in one pass of the
# regular expression engine: tags and other text are passed over there, not in Python).
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_LATIN_TEXT = re.compile(rf"(?<=>)[^<{_LATIN}]*[{_LATIN}][^<]*")
_LATIN_RUN = re.compile(
    # Not a part of an address either ("www.integratie-inburgering.be", "a@b.be").
    rf"(?<![{_LATIN}\d&#./@])(?>[{_LATIN}][{_LATIN}'’-]*(?: [{_LATIN}][{_LATIN}'’-]*)*)"
    r"(?![./@]\w)"
)
# The start tag of an element already marked Dutch (a language's name, a Dutch title).
_DUTCH_TAG = re.compile(rf'<[a-z][^>]* lang="{SOURCE_LANGUAGE}"[^>]*>\Z')
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_IN_BRACKETS = re.compile(r"\([^()]*\)")
# Words a language shares with Dutch and gives in brackets as its own: Belgian French
# says "GSM" too, in its own way.
OWN_WORDS = {"fr": frozenset({"gsm"})}
# Names the Dutch pages use that are no Dutch words: products and standards, the same in
# every language. A Dutch voice would say them no better than the page's, and a screen
# reader told they are Dutch is told something false (WCAG leaves proper names unmarked).
NOT_DUTCH = frozenset({"google", "gmail", "classroom", "javascript", "chromebook", "wcag"})


def _words(text: str) -> list[str]:
    """A text's words, folded: ['je', 'krijgt', 'een', 'brief']."""
    return _WORD.findall(text.casefold())


def _key(phrase: str) -> str:
    return " ".join(_words(phrase))


def _words_and_pairs(words: list[str]) -> list[str]:
    """['je', 'krijgt', 'brief'] -> those words and 'je krijgt', 'krijgt brief'."""
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


@dataclass(frozen=True)
class DutchWords:
    """The words of the Dutch pages, and each pair of neighbouring words.

    A phrase is Dutch when each of its words and each pair of neighbours in it is: a set
    lookup each. (Searching the whole Dutch text for each phrase cost as much as the rest
    of the page on a large site.)
    """

    known: frozenset[str]
    # Answers by the phrase as a page writes it: menus and titles recur on every page.
    _said: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def uses(self, phrase: str) -> bool:
        """Whether a phrase (as written, or as _key gives it) is Dutch."""
        said = self._said.get(phrase)
        if said is None:
            terms = _words_and_pairs(_words(phrase))
            said = self._said[phrase] = bool(terms) and self.known.issuperset(terms)
        return said


def dutch_words(text: str) -> DutchWords:
    terms = _words_and_pairs(_words(text))
    return DutchWords(frozenset(t for t in terms if NOT_DUTCH.isdisjoint(t.split(" "))))


def dutch_text(docs_dir: Path) -> DutchWords:
    """The words of every Dutch page's Markdown outside brackets."""
    files = sorted((docs_dir / SOURCE_LANGUAGE).rglob("*.md"))
    text = " ".join(path.read_text(encoding="utf-8") for path in files)
    # What Dutch itself writes in brackets is no Dutch word ("Google Formulieren (Forms)"),
    # and a link's address is no text.
    return dutch_words(_IN_BRACKETS.sub(" ", text))


def _body(html: str) -> int:
    return max(html.find("<body"), 0)


class _Page:
    """Where a page's text is. Its tags are not tokenized one by one (in Python that cost
    more than a third of rendering the page): an offset is text when the last '<'
    before it was closed, and it is in no element of _RAW."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.body = _body(html)
        self._raw: list[tuple[int, int]] | None = None

    def is_text(self, at: int) -> bool:
        if self.html.rfind("<", self.body, at) > self.html.rfind(">", self.body, at):
            return False  # inside a tag: an attribute's value
        if self._raw is None:
            self._raw = [(m.start(), m.end()) for m in _RAW.finditer(self.html, self.body)]
        index = bisect_right(self._raw, (at, len(self.html))) - 1
        return index < 0 or self._raw[index][1] <= at


def _outside(keys: set[str]) -> re.Pattern[str]:
    """Any of the phrases (as _key gives them), as whole words in a lower-cased page."""
    phrases = sorted(keys, key=len, reverse=True)
    either = "|".join(r"\s+".join(map(re.escape, phrase.split(" "))) for phrase in phrases)
    # "l'intake" and "intake's" use the word; "intake-ka" and "e-mails" are other words,
    # and so is a part of an address ("wegwijs.example.org/ti/attest/" on a printed page).
    return re.compile(rf"(?<![\w/.-])(?:{either})(?![\w/]|[-.]\w)")


def _in_brackets(page: _Page, dutch: DutchWords, code: str) -> list[tuple[int, int]]:
    """Where the page's bracketed phrases in its text are Dutch by the rule above."""
    own = OWN_WORDS.get(code, frozenset())
    found: dict[str, list[re.Match[str]]] = {}
    for match in _BRACKETED.finditer(page.html, page.body):
        key = _key(match["phrase"])
        if key not in own and dutch.uses(key) and page.is_text(match.start()):
            found.setdefault(key, []).append(match)
    if not found:
        return []
    # The page's own use of a phrase: anywhere in its text but in these brackets.
    bracketed = {match.start("phrase") for matches in found.values() for match in matches}
    # Lower-cased at the same offsets: "İ" alone would become two characters.
    lowered = page.html.replace("İ", "I").lower()
    for use in _outside(set(found)).finditer(lowered, page.body):
        if use.start() not in bracketed and page.is_text(use.start()):
            found.pop(_key(use.group()), None)
    return sorted(m.span("phrase") for matches in found.values() for m in matches)


def _latin_runs(page: _Page, dutch: DutchWords) -> list[tuple[int, int]]:
    """Where the runs of Latin words in a page of another script are Dutch."""
    spans = []
    html = page.html
    for text in _LATIN_TEXT.finditer(html, page.body):
        for run in _LATIN_RUN.finditer(html, text.start(), text.end()):
            if not dutch.uses(run.group()) or not page.is_text(run.start()):
                continue
            tag = html.rfind("<", page.body, run.start())
            if not _DUTCH_TAG.match(html, tag, run.start()):
                spans.append(run.span())
    return spans


def _dutch_spans(html: str, dutch: DutchWords, code: str, latin: bool) -> list[tuple[int, int]]:
    page = _Page(html)
    return _in_brackets(page, dutch, code) if latin else _latin_runs(page, dutch)


def dutch_phrases(html: str, dutch: DutchWords, code: str = "", latin: bool = True) -> set[str]:
    """The phrases of a page in language `code` (as _key gives them) that are Dutch by the
    rules above; latin: whether the language is written in Latin letters."""
    return {_key(html[start:end]) for start, end in _dutch_spans(html, dutch, code, latin)}


def mark_dutch_terms(html: str, dutch: DutchWords, code: str = "", latin: bool = True) -> str:
    """The page with each Dutch phrase in <span lang="nl" dir="ltr">."""
    if latin and "(" not in html:
        return html
    pieces = []
    at = 0
    for start, end in _dutch_spans(html, dutch, code, latin):
        pieces += [html[at:start], f'<span lang="{SOURCE_LANGUAGE}" dir="ltr">', html[start:end]]
        pieces.append("</span>")
        at = end
    return "".join(pieces) + html[at:] if pieces else html
