"""Dutch terms that translations keep, marked as Dutch on the page: lang="nl".

Translations give, in brackets after their own word, the Dutch word that readers
will meet in letters and at the counter: "مرشد مسارك (trajectbegeleider)",
"(in Dutch: traject)". Unmarked, a screen reader and Listen (assets/listen.js) read
"trajectbegeleider" with an Arabic voice, which nobody at the counter would
understand; marked, they switch to a Dutch voice where the phone has one (WCAG
3.1.2, language of parts).

Editors write nothing for it. A phrase in brackets, alone or after a colon, is taken
for Dutch when the Dutch pages use it and the page itself does not use it outside
brackets: French writes "e-mail" too, and there the word is the page's own. Names
are marked too when the Dutch pages use them ("(Antwerpen)"): a Dutch voice says
them as the city does.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from pathlib import Path

from wegwijs_shared.languages import SOURCE_LANGUAGE

# Letters (any script; only Latin ones can match Dutch), spaces, hyphens, apostrophes:
# no digits, so "(A2)" and "(730 days)" stay the page's own.
_PHRASE = r"[^\W\d_](?:[^\W\d_]|[\s'’-])*"
_BRACKETED = re.compile(rf"\((?P<lead>[^()<>:]*:\s*)?(?P<phrase>{_PHRASE})\)")
# Elements whose content is no running text of the page: code, a drawing, a field.
_RAW = re.compile(r"<(script|style|textarea|svg|pre|code|title)\b.*?</\1\s*>", re.S | re.I)
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_IN_BRACKETS = re.compile(r"\([^()]*\)")
# Words a language shares with Dutch and gives in brackets as its own: Belgian French
# says "GSM" too, in its own way.
OWN_WORDS = {"fr": frozenset({"gsm"})}


def words(text: str) -> str:
    """A text's words, folded, each between spaces: ' je krijgt een brief '."""
    return " " + " ".join(_WORD.findall(text.casefold())) + " "


def _key(phrase: str) -> str:
    return words(phrase).strip()


def _uses(words: str, key: str) -> bool:
    return f" {key} " in words


def dutch_text(docs_dir: Path) -> str:
    """The words of every Dutch page's Markdown outside brackets (see words)."""
    files = sorted((docs_dir / SOURCE_LANGUAGE).rglob("*.md"))
    text = " ".join(path.read_text(encoding="utf-8") for path in files)
    # What Dutch itself writes in brackets is no Dutch word ("Google Formulieren (Forms)"),
    # and a link's address is no text.
    return words(_IN_BRACKETS.sub(" ", text))


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
    # "l'intake" and "intake's" use the word; "intake-ka" and "e-mails" are other words.
    return re.compile(rf"(?<![\w-])(?:{either})(?!\w|-\w)")


def _dutch_brackets(page: _Page, dutch: str, code: str) -> list[re.Match[str]]:
    """The page's bracketed phrases in its text that are Dutch by the rule above."""
    own = OWN_WORDS.get(code, frozenset())
    found: dict[str, list[re.Match[str]]] = {}
    for match in _BRACKETED.finditer(page.html, page.body):
        key = _key(match["phrase"])
        if key not in own and _uses(dutch, key) and page.is_text(match.start()):
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
    return sorted((m for matches in found.values() for m in matches), key=lambda m: m.start())


def dutch_phrases(html: str, dutch: str, code: str = "") -> set[str]:
    """The bracketed phrases of a page (as _key gives them) in language `code` that are
    Dutch by the rule above."""
    return {_key(match["phrase"]) for match in _dutch_brackets(_Page(html), dutch, code)}


def mark_dutch_terms(html: str, dutch: str, code: str = "") -> str:
    """The page with each bracketed Dutch phrase in <span lang="nl" dir="ltr">."""
    if "(" not in html:
        return html
    pieces = []
    at = 0
    for match in _dutch_brackets(_Page(html), dutch, code):
        start, end = match.span("phrase")
        pieces += [html[at:start], f'<span lang="{SOURCE_LANGUAGE}" dir="ltr">', html[start:end]]
        pieces.append("</span>")
        at = end
    return "".join(pieces) + html[at:] if pieces else html
