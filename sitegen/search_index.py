"""Build phase: a Pagefind search index with one index per language.

Pagefind (its indexer is a binary shipped in the pagefind-bin wheel) splits the index
by language and lets the browser load only the chunks a query needs. We give it one
record per page that really is in a language (fallback pages, which show the Dutch
text, are left out of other languages) with the words folded as assets/search.js
folds a query, so that a word matches with or without short vowels, whatever
alef, yeh or kaf it is typed with, and in any digits. Titles and descriptions are
kept as written, for the results list.

Pagefind writes its files gzipped; we store them plain and let the compress phase's
brotli variants travel instead (Pagefind reads either), which is smaller. Runs before
the compress phase.

With a cache folder (the build's, beside the site), a page whose HTML is byte for
byte as before is not parsed again, and when no page's record changed, Pagefind's
last index is reused instead of made again: a preview rebuild after an edit parses
one language's pages, not every language's.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from html import escape
from pathlib import Path

from sitegen.html_tokens import TagTokenizer
from sitegen.shared_files import content_key, link_or_copy
from wegwijs_shared.languages import Language

SEARCH_DIR = "pagefind"
TOPICS_PAGE = "a-z"  # each language's topic index and search page: /ar/a-z/
# Pages that are not for searching: the tools, the no-JavaScript feedback answers,
# the offline page and the topic index itself.
NOT_INDEXED = ("feedback", "_staff", "_editors", "offline", TOPICS_PAGE, SEARCH_DIR)
# Pagefind's own UIs: we use its API only (assets/search.js) and run it on the page.
UNUSED = ("pagefind-*ui*", "pagefind-highlight.js", "pagefind-worker.js")
BINARY_SUFFIXES = (".pf_meta", ".pf_index", ".pf_fragment", ".pagefind")

# One letter for each group of letters a reader may type for the same word.
_FOLD = {
    0x0649: "\u064a",  # alef maksura -> yeh
    0x06CC: "\u064a",  # Persian yeh -> Arabic yeh
    0x06A9: "\u0643",  # keheh (Persian kaf) -> kaf
    0x0629: "\u0647",  # teh marbuta -> heh
    0x0671: "\u0627",  # alef wasla -> alef
    0x0640: "",  # tatweel (stretching)
    0x200C: "",  # zero-width non-joiner (Persian half space)
    0x200D: "",
    **{0x0660 + n: str(n) for n in range(10)},  # Arabic-Indic digits
    **{0x06F0 + n: str(n) for n in range(10)},  # Persian digits
    **{code: " " for code in range(0x1361, 0x1369)},  # Ethiopic wordspace and punctuation
}


def fold(text: str) -> str:
    """A text as the index stores it (assets/search.js folds queries the same way)."""
    decomposed = unicodedata.normalize("NFKD", text)
    # The marks (short vowels, accents) among the page's few distinct characters: asking
    # for the category of each of its 1,500 characters took half the time of reading it.
    marks = {
        ord(char): None for char in set(decomposed) if unicodedata.category(char).startswith("M")
    }
    return decomposed.translate(marks).translate(_FOLD).lower()


# Parts of a page that are not its text: navigation, forms, notices, tools, print.
_SKIP_TAGS = {"nav", "form", "script", "style", "svg", "header", "footer", "template"}
_SKIP_CLASSES = {"wg-notice", "wg-next", "wg-print", "wg-keep", "wg-listen", "wg-feedback"}
_SKIP_CLASSES |= {"wg-offer", "wg-langs", "wg-first", "wg-review"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
_VOID |= {"track", "wbr"}


@dataclass
class PageText:
    title: str = ""
    description: str = ""
    text: str = ""
    fallback: bool = False
    words: str = ""  # title, description and text as the index stores them (fold)


class TextParser(TagTokenizer):
    def __init__(self) -> None:
        super().__init__()
        self.page = PageText()
        self.depth = 0
        self.skip_at: int | None = None
        self.in_article = False
        self.in_h1 = False
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if "data-wg-fallback" in attributes:
            self.page.fallback = True
        if tag == "meta" and attributes.get("name") == "description":
            self.page.description = attributes.get("content", "")
        if tag in _VOID:
            return
        self.depth += 1
        classes = set(attributes.get("class", "").split())
        if self.skip_at is None and (tag in _SKIP_TAGS or classes & _SKIP_CLASSES):
            self.skip_at = self.depth
        if tag == "article":
            self.in_article = True
        if tag == "h1" and self.in_article:
            self.in_h1 = True
        if tag in ("p", "li", "h2", "h3", "h4", "td", "dt", "dd", "br"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        if self.skip_at == self.depth:
            self.skip_at = None
        if tag == "h1":
            self.in_h1 = False
        if tag == "article":
            self.in_article = False
        self.depth -= 1

    def handle_data(self, data):
        if not self.in_article or self.skip_at is not None:
            return
        if self.in_h1:
            self.page.title += data
        self.parts.append(data)


def page_text(html: str) -> PageText:
    """The title, description and readable text of a built page."""
    parser = TextParser()
    parser.feed(html)
    return finish_text(parser)


def finish_text(parser: TextParser) -> PageText:
    """The page a parser has been fed, its text tidied and folded for the index."""
    parser.close()
    parser.page.title = " ".join(parser.page.title.split())
    parser.page.text = " ".join("".join(parser.parts).split())
    page = parser.page
    page.words = fold(f"{page.title} {page.description} {page.text}")
    return page


# Named by what it holds: a change to PageText or to fold needs a new name.
TEXT_CACHE = "search-text-2.json"


class TextCache:
    """page_text by the hash of the page's bytes, kept in a JSON file between builds."""

    def __init__(self, path: Path | None, given: dict[str, PageText] | None = None) -> None:
        """given: texts taken as the pages were written, by the same hash (sitegen.page_facts)."""
        self.path = path
        self.given = given or {}
        self.before: dict[str, dict] = {}
        if path is not None and path.is_file():
            try:
                self.before = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.before = {}  # a damaged cache is only slower
        self.now: dict[str, dict] = {}

    def page_text(self, data: bytes) -> PageText:
        key = content_key(data)
        known = self.now.get(key) or self.before.get(key)
        if known:
            text = PageText(**known)
        else:
            text = self.given.get(key) or page_text(data.decode("utf-8"))
        self.now[key] = asdict(text)
        return text

    def read_ahead(self, files: list[Path], jobs: int) -> None:
        """The texts of pages not in the cache, in `jobs` processes (a cold build: all)."""
        new: dict[str, str] = {}
        for path in files:
            data = path.read_bytes()
            key = content_key(data)
            if key not in self.now and key not in self.before and key not in self.given:
                new[key] = data.decode("utf-8")
        if jobs <= 1 or len(new) < 100:
            return  # page_text makes them one by one, as they are asked for
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            texts = pool.map(page_text, new.values(), chunksize=16)
            self.now.update((key, asdict(text)) for key, text in zip(new, texts, strict=True))

    def save(self) -> None:
        """Keep what this build used: the cache stays the size of one site."""
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps(self.now), encoding="utf-8")


def searchable_pages(
    site_dir: Path, language: Language, others: Iterable[str], cache: TextCache | None = None
):
    """(site path, text) of every page really written in the language."""
    cache = cache or TextCache(None)
    for parts, index in _page_files(site_dir, language, others):
        text = cache.page_text(index.read_bytes())
        if not text.fallback:
            yield language.prefix + "".join(f"{part}/" for part in parts), text


def _page_files(site_dir: Path, language: Language, others: Iterable[str]):
    """(path parts inside the language's folder, file) of the pages the index may hold."""
    folder = site_dir / language.prefix
    skip = set(NOT_INDEXED) | set(others)
    for index in sorted(folder.rglob("index.html")):
        parts = index.parent.relative_to(folder).parts
        if not (parts and parts[0] in skip):
            yield parts, index


@dataclass(frozen=True)
class LanguageIndex:
    code: str
    pages: int


def _record_html(code: str, text: PageText) -> str:
    """A page as Pagefind reads it: the folded words to index, the title and description
    as written (metadata outside the indexed body)."""
    return (
        f'<!doctype html><html lang="{escape(code)}"><head><meta charset="utf-8"></head><body>'
        f'<p data-pagefind-meta="title">{escape(text.title)}</p>'
        f'<p data-pagefind-meta="description">{escape(text.description)}</p>'
        f"<main data-pagefind-body>{escape(text.words)}</main></body></html>"
    )


class SearchIndexError(RuntimeError):
    """Pagefind failed; carries its own message."""


def _write_index(source: Path, output: Path) -> None:
    """Pagefind's indexer on a folder of records (its command line: one process, no polling)."""
    from pagefind_bin import get_executable

    command = [str(get_executable()), "--site", str(source), "--output-path", str(output)]
    done = subprocess.run([*command, "--quiet"], capture_output=True, text=True)
    if done.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index the pages: {done.stderr.strip()}")


def _store_plain(output: Path) -> None:
    """Drop what we do not use; store Pagefind's gzipped files plain: the compress phase
    writes their .br and .gz (sitegen.compress.TEXT_SUFFIXES names their suffixes)."""
    for pattern in UNUSED:
        for path in output.glob(pattern):
            path.unlink()
    for path in output.rglob("*"):
        if path.suffix in BINARY_SUFFIXES:
            path.write_bytes(gzip.decompress(path.read_bytes()))


def write_search_index(
    site_dir: Path,
    languages: tuple[Language, ...],
    cache_dir: Path | None = None,
    jobs: int = 1,
    given: dict[str, PageText] | None = None,
) -> list[LanguageIndex]:
    """Index every language's own pages into site/pagefind/; return the count per language.

    cache_dir: where the page texts and the last index are kept between builds.
    jobs: processes that read the texts of pages that are neither given nor cached.
    given: page texts taken as mkdocs wrote the pages, by the hash of their bytes.
    """
    codes = [lang.code for lang in languages]
    counts = []
    output = site_dir / SEARCH_DIR
    if output.exists():
        shutil.rmtree(output)
    texts = TextCache(cache_dir / TEXT_CACHE if cache_dir is not None else None, given)
    others = {lang.code: [code for code in codes if code != lang.code] for lang in languages}
    files = [
        path for lang in languages for _, path in _page_files(site_dir, lang, others[lang.code])
    ]
    texts.read_ahead(files, jobs)
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
    # The records beside the cache, not in the system's temporary folder: on the same disk.
    records = hashlib.sha256()  # of every record: the name of the index made from them
    with tempfile.TemporaryDirectory(dir=cache_dir) as folder:
        source = Path(folder)
        for language in languages:
            pages = list(searchable_pages(site_dir, language, others[language.code], texts))
            for url, text in pages:
                record = _record_html(language.code.lower(), text)
                records.update(f"{url}\0{record}\0".encode())
                target = source / url / "index.html"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(record, encoding="utf-8")
            counts.append(LanguageIndex(language.code, len(pages)))
        texts.save()
        name = records.hexdigest()
        last = cache_dir / "search-index" if cache_dir is not None else None
        if last is not None and (last / name).is_dir():
            shutil.copytree(last / name, output, copy_function=link_or_copy)
            return counts
        _write_index(source, output)
    _store_plain(output)  # before the cache shares these files: nothing writes them after
    if last is not None:
        shutil.rmtree(last, ignore_errors=True)
        shutil.copytree(output, last / name, copy_function=link_or_copy)
    return counts
