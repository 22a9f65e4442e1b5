"""Build the site with mkdocs, one language per process.

mkdocs-static-i18n's folder mode builds every language in one process and
re-processes all languages' files on each language pass: the build time grows
with the square of the number of languages. Here each process sees only Dutch
(the fallback source) and its own language, so the total work grows linearly
and the processes run in parallel. What mkdocs itself is asked to do is in
sitegen.mkdocs_seams.
"""

from __future__ import annotations

import json
import multiprocessing
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath

from hooks.live_reload import BUILD_ID
from sitegen import collation
from sitegen.freshness import changed_on
from sitegen.mkdocs_seams import LanguagePages, MkdocsFailed, build_language_pages, preload
from sitegen.page_facts import PageFacts
from sitegen.search_index import SEARCH_DIR
from sitegen.settings import Settings
from sitegen.shared_files import link_or_copy
from wegwijs_shared.languages import SOURCE_LANGUAGE

__all__ = ["LanguageBuild", "MkdocsFailed", "build_language", "build_site"]


@dataclass
class LanguageBuild:
    code: str
    seconds: float
    warnings: list[str]
    # Per built page (relative to site_dir), the links that came from its Markdown.
    content_links: dict[str, frozenset[str]] = field(default_factory=dict)
    # Taken from the previous build (its inputs did not change), not rendered again.
    kept: bool = False
    # What the search and output phases read in each page, by its digest (sitegen.page_facts).
    facts: dict[str, PageFacts] = field(default_factory=dict)


def _wegwijs(settings: Settings, target: str, template_cache: Path | None) -> dict:
    """What the hooks read from config.extra.wegwijs in one language's process."""
    templates = template_cache or settings.work_dir / "templates"
    return {
        "languages": [asdict(lang) for lang in settings.languages],
        "target": target,
        "template_cache": str(templates),
        "qr_cache": str(templates.parent / "qr-codes"),  # sitegen.qr_codes
    }


def _render(
    settings: Settings, target: str, out_dir: Path, template_cache: Path | None
) -> LanguagePages:
    """Run mkdocs for one language."""
    wegwijs = _wegwijs(settings, target, template_cache)
    return build_language_pages(
        settings.config_file, settings.docs_dir, out_dir, settings.languages, target, wegwijs
    )


def _place(settings: Settings, target: str, out_dir: Path) -> None:
    """Move a language's pages into site_dir (Dutch at the root)."""
    # mkdocs-static-i18n's sitemap lists fallbacks as translations; sitegen.sitemap writes ours.
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        (out_dir / name).unlink(missing_ok=True)
    if target == SOURCE_LANGUAGE:
        for entry in out_dir.iterdir():
            shutil.move(entry, settings.site_dir / entry.name)
        return
    pages = out_dir / target
    # The last pass of a language's process renders its 404 page at the root.
    shutil.move(out_dir / "404.html", pages / "404.html")
    shutil.move(pages, settings.site_dir / target)


def build_language(
    settings: Settings, target: str, template_cache: Path | None = None
) -> LanguageBuild:
    """Build and place one language; return its time and mkdocs warnings.

    template_cache: compiled templates (checked against their source), kept between builds.
    """
    started = time.perf_counter()
    out_dir = settings.work_dir / target
    rendered = _render(settings, target, out_dir, template_cache)
    _place(settings, target, out_dir)
    seconds = time.perf_counter() - started
    return LanguageBuild(
        target, seconds, rendered.warnings, rendered.content_links, facts=rendered.facts
    )


def warm_up(settings: Settings, template_cache: Path | None) -> None:
    """Render one language once, into a folder thrown away.

    A preview's one-language rebuild runs in the builder's own process, and the first
    one there would pay for setting up templates and Markdown (about 0.3 s): the
    builder does this while the editor reads the first build.
    """
    target = next((lang.code for lang in settings.languages if not lang.is_source), None)
    with tempfile.TemporaryDirectory() as out_dir:
        try:
            _render(settings, target or SOURCE_LANGUAGE, Path(out_dir), template_cache)
        except MkdocsFailed:
            pass  # a real build reports it


LINKS_FILE = "content-links.json"  # in the cache: the content links of a kept language


# What later phases make again for the whole site: the compressed variants (linked
# from the compression cache) and the search index; and the preview's build id, which
# the watcher writes for each build it swaps in.
_NOT_KEPT = ("*.br", "*.gz", PurePosixPath(BUILD_ID).name)


def _keep_languages(settings: Settings, previous: Path, kept: set[str]) -> None:
    """Link the kept languages' pages of the previous build into site_dir (Dutch: the root).

    Linked, not copied: no phase writes through them (sitegen.shared_files).
    """
    codes = {lang.code for lang in settings.languages}
    skip = shutil.ignore_patterns(*_NOT_KEPT)
    for entry in previous.iterdir():
        code = entry.name if entry.name in codes else SOURCE_LANGUAGE
        if code not in kept or entry.name == SEARCH_DIR or skip("", [entry.name]):
            continue
        target = settings.site_dir / entry.name
        if entry.is_dir():
            shutil.copytree(entry, target, ignore=skip, copy_function=link_or_copy)
        else:
            link_or_copy(entry, target)


def _kept_links(cache_dir: Path | None, code: str) -> dict[str, frozenset[str]]:
    saved = {}
    if cache_dir is not None and (cache_dir / LINKS_FILE).is_file():
        saved = json.loads((cache_dir / LINKS_FILE).read_text(encoding="utf-8"))
    return {page: frozenset(urls) for page, urls in saved.get(code, {}).items()}


def _save_links(cache_dir: Path, results: list[LanguageBuild]) -> None:
    links = {
        r.code: {page: sorted(urls) for page, urls in r.content_links.items()} for r in results
    }
    cache_dir.mkdir(parents=True, exist_ok=True)
    (cache_dir / LINKS_FILE).write_text(json.dumps(links), encoding="utf-8")


def build_site(
    settings: Settings,
    only: set[str] | None = None,
    previous: Path | None = None,
    cache_dir: Path | None = None,
) -> list[LanguageBuild]:
    """Build every language (or those in `only`) in parallel processes into a fresh site_dir.

    With `only`, the other languages are copied from the `previous` build, whose inputs
    for them have not changed (sitegen.watch decides which languages an edit affects).
    """
    for folder in (settings.work_dir, settings.site_dir):
        if folder.exists():
            shutil.rmtree(folder)
    changed_on.cache_clear()  # a page may have changed or been committed since the last build
    settings.site_dir.mkdir(parents=True)
    codes = [lang.code for lang in settings.languages]
    kept = set()
    if only is not None and previous is not None and (previous / "index.html").is_file():
        kept = set(codes) - set(only)
        _keep_languages(settings, previous, kept)
    todo = [code for code in codes if code not in kept]
    templates = cache_dir / "templates" if cache_dir is not None else None
    if settings.jobs == 1 or len(todo) == 1:
        built = [build_language(settings, code, templates) for code in todo]
    else:
        # Once here, not in each forked process: mkdocs and its plugins, and the
        # collation table (hooks/topic_index.py).
        wegwijs = _wegwijs(settings, SOURCE_LANGUAGE, templates)
        preload(settings.config_file, settings.docs_dir, settings.languages, wegwijs)
        collation.load()
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=settings.jobs, mp_context=context) as pool:
            count = len(todo)
            built = list(pool.map(build_language, [settings] * count, todo, [templates] * count))
    shutil.rmtree(settings.work_dir)
    by_code = {r.code: r for r in built}
    for code in kept:
        by_code[code] = LanguageBuild(code, 0.0, [], _kept_links(cache_dir, code), kept=True)
    results = [by_code[code] for code in codes]
    if cache_dir is not None:
        _save_links(cache_dir, results)
    return results
