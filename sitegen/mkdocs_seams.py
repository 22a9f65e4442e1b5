"""Every place Wegwijs relies on how mkdocs, mkdocs-static-i18n or Material work inside.

Hooks use mkdocs' documented hook API (events, File.generated); whatever goes
beyond it is here, so that an upgrade (or a move to another generator) breaks
this module and its tests (tests/site/test_mkdocs_seams.py), not the hooks:

- mkdocs-static-i18n accepts only ISO 639-1 style locales ('en', 'pt-BR'), though
  it uses a locale only as a folder name and a URL prefix: a language such as
  `ckb` or `prs` is validated under a stand-in name, then given its own name back.
- the plugin's pass: which language it is building now, which language a file is
  in, and a file's path inside its language folder (attributes of the plugin).
- the plugin always builds the default language (Dutch) first, then the others
  from its on_post_build: a translation's process starts it at its own pass and
  marks it as building, so the Dutch pages are not rendered again in every process.
- mkdocs' own link validation is switched off: links in content are checked once,
  with file and line, by sitegen.checks.links.
- the theme's template listing (mkdocs copies every file it lists, and listing
  Material's thousands of icons costs more than rendering the pages).
- Material writes `<html lang=... class="no-js">` from its language partial and the
  direction on <body> only: the page's <html> gets our language and direction.
- a build that fails: mkdocs logs the reason and raises a bare Abort, and a
  worker's exception must survive pickling to reach the editor.
- mkdocs reads YAML files (mkdocs.yml, what it INHERITs, the theme's) with PyYAML's
  pure-Python loader: every language's process reads them again. They are read with
  PyYAML's C parser (libyaml) instead, with the same constructors and resolver, so the
  same values (quick_yaml).
"""

from __future__ import annotations

import logging
import re
import traceback
from pathlib import Path
from typing import Any, NamedTuple

import jinja2
import material
import mkdocs.utils.yaml

from sitegen.page_facts import PageFacts, PageFactsPlugin

_mkdocs_yaml_loader = mkdocs.utils.yaml.get_yaml_loader

PLUGIN = "i18n"
# Material's templates: its partials/languages/<code>.html give its UI strings.
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
# Stand-in locale for a language whose code the plugin's validation refuses: it
# matches the plugin's pattern and is never a site language (q* is not in ISO 639-1
# except 'qu', which is not 'qz').
STAND_IN = "qz"
# Links written in content are checked by sitegen.checks.links; nav entries still by mkdocs.
LINK_VALIDATION_OFF = {
    "not_found": "ignore",
    "anchors": "ignore",
    "absolute_links": "ignore",
    "unrecognized_links": "ignore",
}


class MkdocsFailed(Exception):
    """mkdocs stopped while building a language; carries its messages.

    The arguments are kept as they are given, so the exception survives the trip
    from a worker process back to build.py (pickling calls the class with them).
    """

    def __init__(self, code: str, messages: list[str]) -> None:
        super().__init__(code, messages)
        self.code = code
        self.messages = messages

    def __str__(self) -> str:
        return f"mkdocs failed for '{self.code}': " + " | ".join(self.messages)


def quick_yaml() -> None:
    """mkdocs' YAML loader parses with libyaml from now on (in this process), when PyYAML
    was built with it; the constructors (mkdocs' !ENV and !relative tags included) and
    the resolver stay PyYAML's own, so the values are the same (0.5 instead of 5-7 ms
    for mkdocs.yml)."""
    import yaml

    quick = getattr(yaml, "CLoader", None)
    if quick is None or mkdocs.utils.yaml.get_yaml_loader is not _mkdocs_yaml_loader:
        return

    def get_yaml_loader(loader=quick, config=None):
        return _mkdocs_yaml_loader(loader, config)

    mkdocs.utils.yaml.get_yaml_loader = get_yaml_loader


def mkdocs_own_yaml() -> None:
    """mkdocs' own YAML loader again (for the test that compares the two)."""
    mkdocs.utils.yaml.get_yaml_loader = _mkdocs_yaml_loader


def read_config_file(config_file: Path) -> dict:
    """mkdocs.yml as mkdocs reads it: !ENV tags resolved, INHERIT followed."""
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, encoding="utf-8") as handle:
        return yaml_load(handle) or {}


def accepted_by_plugin(code: str) -> bool:
    """Whether mkdocs-static-i18n's validation takes this code as a locale."""
    from mkdocs_static_i18n.config import RE_LOCALE

    return bool(RE_LOCALE.match(code))


def plugin_languages(languages, target: str) -> tuple[list[dict], dict[str, str]]:
    """The plugin's languages for one process (Dutch and the target) and the stand-ins used."""
    stand_ins: dict[str, str] = {}
    entries = []
    for language in languages:
        if not (language.is_source or language.code == target):
            continue
        locale = language.code
        if not accepted_by_plugin(locale):
            stand_ins[STAND_IN] = locale
            locale = STAND_IN
        entries.append(
            {"locale": locale, "name": language.name, "default": language.is_source, "build": True}
        )
    return entries, stand_ins


def _give_names_back(config, stand_ins: dict[str, str]) -> None:
    """After validation: each stand-in locale becomes the language's own code again."""
    for entry in config.plugins[PLUGIN].config.languages:
        if entry.locale in stand_ins:
            entry.locale = stand_ins[entry.locale]
            entry.link = f"/{entry.locale}/"


def load_mkdocs_config(
    config_file: Path,
    docs_dir: Path,
    site_dir: Path,
    languages,
    target: str,
    wegwijs: dict[str, Any],
):
    """The mkdocs configuration of one language's process, with its i18n languages filled in."""
    from mkdocs.config import load_config

    raw = read_config_file(config_file)
    plugin_entries, stand_ins = plugin_languages(languages, target)
    plugins = []
    for entry in raw.get("plugins") or []:
        if isinstance(entry, dict) and PLUGIN in entry:
            entry = {PLUGIN: {**(entry[PLUGIN] or {}), "languages": plugin_entries}}
        plugins.append(entry)
    others = [lang.code for lang in languages if not lang.is_source and lang.code != target]
    validation = dict(raw.get("validation") or {})
    validation["links"] = LINK_VALIDATION_OFF
    config = load_config(
        str(config_file),
        docs_dir=str(docs_dir),
        site_dir=str(site_dir),
        plugins=plugins,
        # Other languages' folders are not even read by this process.
        exclude_docs="\n".join(f"/{code}/" for code in others),
        extra={**(raw.get("extra") or {}), "wegwijs": wegwijs},
        validation=validation,
    )
    _give_names_back(config, stand_ins)
    config.plugins["wegwijs/other-languages"] = OtherLanguagesLeftOut(others)
    config.plugins["wegwijs/content-links"] = ContentLinks()
    config.plugins["wegwijs/page-facts"] = PageFactsPlugin()
    return config


class OtherLanguagesLeftOut:
    """Takes the other languages' files out of the file list before mkdocs-static-i18n
    reads it (its priority is -100; ours, 0, runs first).

    exclude_docs keeps them in the list, marked excluded, and the plugin still makes a
    localized copy of each: with 20 languages of 40 pages, a third of every language's
    rendering time went to pages it never builds.
    """

    def __init__(self, others: list[str]) -> None:
        self.prefixes = tuple(f"{code}/" for code in others)

    def on_files(self, files, config):
        for file in [file for file in files if file.src_uri.startswith(self.prefixes)]:
            files.remove(file)
        return files


def current_language(config) -> str:
    """The language mkdocs-static-i18n is building in this pass."""
    return config.plugins[PLUGIN].current_language


def file_language(file) -> str | None:
    """The language a page's file is in (the Dutch code for a fallback); None if not i18n."""
    return getattr(file, "locale", None)


def path_in_language(file) -> str:
    """A page's path inside its language folder: ar/mo.md -> mo.md (as is for generated files)."""
    return getattr(file, "norm_src_uri", file.src_uri)


class ContentLinks:
    """Records, per built page, the links and images that came from its Markdown.

    Those are checked in content/ with file and line (sitegen.checks.links); the
    output check then checks only what the theme and the hooks add.
    """

    def __init__(self) -> None:
        self.by_page: dict[str, frozenset[str]] = {}

    def on_page_content(self, html, page, config, files):
        from sitegen.html_scan import scan_page

        if not page.file.generated_by:
            # Markdown's output: well-formed (a link the quick scan missed is only checked
            # again, by the output check).
            urls = frozenset(ref.url for ref in scan_page(html).references)
            self.by_page[page.file.dest_uri] = urls
        return html


def content_links(config) -> dict[str, frozenset[str]]:
    return config.plugins["wegwijs/content-links"].by_page


def page_facts(config) -> dict[str, PageFacts]:
    """What the search and output phases read in each page mkdocs wrote, by its digest."""
    return config.plugins["wegwijs/page-facts"].by_digest


class LanguagePages(NamedTuple):
    """What one language's mkdocs run leaves besides its files."""

    warnings: list[str]  # of the target language's pass
    content_links: dict[str, frozenset[str]]  # per page: the links its Markdown made
    facts: dict[str, PageFacts]  # sitegen.page_facts


class PassWarnings(logging.Handler):
    """Keeps the warnings of the target language's pass, and every error.

    A translation's process runs that pass only (only_the_target_pass); should the
    plugin run another pass, its warnings are about pages this process does not
    write. The plugin says which pass is running.
    """

    def __init__(self, target: str) -> None:
        super().__init__(logging.WARNING)
        self.target = target
        self.plugin = None  # known once the configuration is loaded
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        current = getattr(self.plugin, "current_language", None)
        if current == self.target or record.levelno >= logging.ERROR:
            self.messages.append(record.getMessage())


def _explain(error: BaseException) -> str:
    """An unexpected error as one line: what it is and where (a template or a hook, usually)."""
    if isinstance(error, jinja2.TemplateNotFound):
        return (
            f"the theme has no template '{error.name}': add it (a language needs "
            "theme/partials/wegwijs/strings/<code>.html, and theme/partials/languages/"
            "<code>.html when mkdocs-material has none; see CONTRIBUTING.md, 'Add a language')"
        )
    frames = traceback.extract_tb(error.__traceback__)
    where = f" (at {frames[-1].filename}:{frames[-1].lineno})" if frames else ""
    return f"{type(error).__name__}: {error}{where}"


def build_language_pages(
    config_file: Path, docs_dir: Path, site_dir: Path, languages, target: str, wegwijs: dict
) -> LanguagePages:
    """Build one language's process with mkdocs.

    Raises MkdocsFailed with mkdocs' own messages when the configuration or the build fails.
    """
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, MkDocsException

    collect = PassWarnings(target)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    logger.setLevel(logging.INFO)
    try:
        config = load_mkdocs_config(config_file, docs_dir, site_dir, languages, target, wegwijs)
        collect.plugin = config.plugins[PLUGIN]
        if not any(language.is_source and language.code == target for language in languages):
            only_the_target_pass(config, target)
        build(config)
    except (Abort, MkDocsException) as failure:
        # mkdocs logs the reason and raises a bare Abort: hand the reason to the caller.
        raise MkdocsFailed(target, collect.messages or [str(failure)]) from None
    except Exception as error:  # noqa: BLE001 - a template or hook error, for the editor
        raise MkdocsFailed(target, [*collect.messages, _explain(error)]) from None
    finally:
        logger.removeHandler(collect)
    return LanguagePages(collect.messages, content_links(config), page_facts(config))


def only_the_target_pass(config, target: str) -> None:
    """Let mkdocs-static-i18n build the target's pass only, not the Dutch one first.

    Its first pass is its current language (set on first use to the default one), and
    the passes of the other languages are started by its on_post_build unless it is
    already building. The Dutch pages a translation falls back on come from the file
    list of the target's own pass, not from the Dutch pass's output (which the process
    threw away): the pages are the same, byte for byte (tests/site/test_mkdocs_seams.py).
    """
    plugin = config.plugins[PLUGIN]
    plugin.current_language = target
    plugin.building = True


def preload(config_file: Path, docs_dir: Path, languages, wegwijs: dict) -> None:
    """Import mkdocs, its plugins, theme and hooks once, in a process about to fork the
    language processes: they then start warm (about 0.6 s each otherwise)."""
    import tempfile

    import mkdocs.commands.build  # noqa: F401 - imported for the processes forked next

    target = wegwijs["target"]
    logger = logging.getLogger("mkdocs")
    logger.disabled = True  # the language processes say it all
    try:
        with tempfile.TemporaryDirectory() as site_dir:
            load_mkdocs_config(config_file, docs_dir, Path(site_dir), languages, target, wegwijs)
    except (Exception, SystemExit):  # noqa: BLE001, S110 - mkdocs' Abort is a SystemExit
        # Only a head start: each language's process meets the error again and
        # reports it with mkdocs' own messages.
        pass
    finally:
        logger.disabled = False


class _OwnStaticFiles(jinja2.BaseLoader):
    """Loads templates from every theme folder but lists only our custom_dir.

    mkdocs uses the listing only to copy a theme's static files to site/.
    """

    def __init__(self, loader: jinja2.BaseLoader, custom_dir: str) -> None:
        self.loader = loader
        self.own = jinja2.FileSystemLoader(custom_dir)

    def get_source(self, environment, template):
        return self.loader.get_source(environment, template)

    def list_templates(self):
        return self.own.list_templates()


def list_only_own_static_files(theme) -> None:
    """Make mkdocs copy only our custom_dir's files; Material's bundle, fonts, icons stay out."""
    if getattr(theme, "wegwijs_lean", False):  # on_config runs once per language pass
        return
    make_env = theme.get_env

    def get_env():
        env = make_env()
        env.loader = _OwnStaticFiles(env.loader, theme.custom_dir)
        return env

    theme.get_env = get_env
    theme.wegwijs_lean = True


_HTML_TAG = re.compile(r"<html\b[^>]*>")


def set_html_language(output: str, code: str, direction: str) -> str:
    """The page's <html> with our language and direction, whatever Material's partial wrote."""
    return _HTML_TAG.sub(f'<html lang="{code}" dir="{direction}">', output, count=1)


quick_yaml()  # in every process that imports this module: the settings phase does
