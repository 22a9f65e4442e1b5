"""Build the site with mkdocs, one language per process.

mkdocs-static-i18n's folder mode builds every language in one process and
re-processes all languages' files on each language pass: the build time grows
with the square of the number of languages. Here each process sees only Dutch
(the fallback source) and its own language, so the total work grows linearly
and the processes run in parallel.
"""

from __future__ import annotations

import logging
import multiprocessing
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from sitegen.settings import Settings
from wegwijs_shared.languages import SOURCE_LANGUAGE


@dataclass
class LanguageBuild:
    code: str
    seconds: float
    warnings: list[str]


class MkdocsFailed(Exception):
    """mkdocs stopped while building a language; carries its messages."""

    def __init__(self, code: str, messages: list[str]) -> None:
        super().__init__(f"mkdocs failed for '{code}': " + " | ".join(messages))
        self.code = code
        self.messages = messages


class _Collect(logging.Handler):
    """Keeps the warnings of the target language's pass.

    The Dutch pass in another language's process renders no pages, so its
    warnings (a nav without pages) are noise; mkdocs-static-i18n announces each
    pass with an info line, which tells which pass a warning belongs to.
    """

    def __init__(self, target: str) -> None:
        super().__init__(logging.INFO)
        self.target = target
        self.current: str | None = None
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.levelno < logging.WARNING:
            if message.startswith("Building '"):
                self.current = message.split("'")[1]
        elif self.current == self.target or record.levelno >= logging.ERROR:
            self.messages.append(message)


def _i18n_plugin_options(raw_plugins: list, settings: Settings, target: str) -> list:
    """mkdocs.yml's plugin list with the i18n languages filled in from languages.yml."""
    languages = [
        {
            "locale": lang.code,
            "name": lang.name,
            "default": lang.code == SOURCE_LANGUAGE,
            "build": lang.code in (SOURCE_LANGUAGE, target),
        }
        for lang in settings.languages
    ]
    plugins = []
    for entry in raw_plugins:
        if isinstance(entry, dict) and "i18n" in entry:
            entry = {"i18n": {**(entry["i18n"] or {}), "languages": languages}}
        plugins.append(entry)
    return plugins


def _load_config(settings: Settings, target: str, out_dir: Path):
    from mkdocs.config import load_config
    from mkdocs.utils.yaml import yaml_load

    with open(settings.config_file, encoding="utf-8") as handle:
        raw = yaml_load(handle)
    others = [
        lang.code for lang in settings.languages if lang.code not in (SOURCE_LANGUAGE, target)
    ]
    extra = dict(raw.get("extra") or {})
    extra["wegwijs"] = {
        "languages": [asdict(lang) for lang in settings.languages],
        "target": target,
        "template_cache": str(settings.work_dir / "templates"),
    }
    return load_config(
        str(settings.config_file),
        docs_dir=str(settings.docs_dir),
        site_dir=str(out_dir),
        plugins=_i18n_plugin_options(raw.get("plugins") or [], settings, target),
        # Other languages' folders are not even read by this process.
        exclude_docs="\n".join(f"/{code}/" for code in others),
        extra=extra,
    )


def _render(settings: Settings, target: str, out_dir: Path) -> list[str]:
    """Run mkdocs for one language; return the warnings of that language's pass."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, MkDocsException

    collect = _Collect(target)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    logger.setLevel(logging.INFO)
    try:
        build(_load_config(settings, target, out_dir))
    except (Abort, MkDocsException) as failure:
        # mkdocs logs the reason and raises a bare Abort: hand the reason to the caller.
        raise MkdocsFailed(target, collect.messages or [str(failure)]) from None
    finally:
        logger.removeHandler(collect)
    return collect.messages


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


def build_language(settings: Settings, target: str) -> LanguageBuild:
    """Build and place one language; return its time and mkdocs warnings."""
    started = time.perf_counter()
    out_dir = settings.work_dir / target
    warnings = _render(settings, target, out_dir)
    _place(settings, target, out_dir)
    return LanguageBuild(target, time.perf_counter() - started, warnings)


def build_site(settings: Settings) -> list[LanguageBuild]:
    """Build every language in parallel processes into a fresh site_dir."""
    for folder in (settings.work_dir, settings.site_dir):
        if folder.exists():
            shutil.rmtree(folder)
    settings.site_dir.mkdir(parents=True)
    codes = [lang.code for lang in settings.languages]
    if settings.jobs == 1:
        results = [build_language(settings, code) for code in codes]
    else:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=settings.jobs, mp_context=context) as pool:
            results = list(pool.map(build_language, [settings] * len(codes), codes))
    shutil.rmtree(settings.work_dir)
    return results
