"""Build settings: defaults, then command-line overrides, validated with fix-it messages."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path

from babel.core import get_global

from sitegen.checks.findings import Finding
from sitegen.checks.source import display_path
from sitegen.mkdocs_seams import MATERIAL_TEMPLATES, read_config_file
from sitegen.ui_strings import check_ui_strings
from wegwijs_shared.languages import (
    LANGUAGES_FILE,
    RESERVED_CODES,
    ROOT,
    Language,
    LanguageFileError,
    canonical_case,
    is_language_tag,
    load_languages,
)

BUDGET_BYTES = 14 * 1024  # first round trip of a new TCP connection (initcwnd 10 x MSS)


class SettingsError(ValueError):
    """A setting is wrong; the message says what to change.

    `path`: the file to annotate in a pull request (relative to the project), when there is one.
    """

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


@dataclass(frozen=True)
class Settings:
    config_file: Path
    docs_dir: Path
    site_dir: Path
    languages: tuple[Language, ...]
    site_url: str
    languages_file: Path = LANGUAGES_FILE
    theme_dir: Path | None = None  # the theme's custom_dir
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    budget_bytes: int = BUDGET_BYTES
    # Warnings of the settings phase (a UI string missing from a language's file).
    findings: tuple[Finding, ...] = ()

    @property
    def work_dir(self) -> Path:
        """Per-language build output before it is assembled into site_dir."""
        return self.site_dir.parent / f".{self.site_dir.name}-build"


def _site_url(raw: dict) -> str:
    url = str(raw.get("site_url") or "/")
    return url if url.endswith("/") else url + "/"


def _theme_dir(config_file: Path, raw: dict) -> Path | None:
    """The theme's custom_dir (relative to mkdocs.yml, as mkdocs reads it)."""
    custom = (raw.get("theme") or {}).get("custom_dir")
    return (config_file.parent / custom).resolve() if custom else None


def _alias(name: str) -> str | None:
    """The code CLDR gives for another code of the same language ('ara' -> 'ar')."""
    alias = get_global("language_aliases").get(canonical_case(name).split("-")[0].lower())
    return canonical_case(str(alias)) if alias else None


def _close_code(name: str, languages) -> str | None:
    """The language a wrongly named folder most likely means: 'AR', 'ar_SY', 'ar-SY',
    'ara' and 'arabic' all mean 'ar' (None when nothing is close)."""
    codes = [language.code for language in languages]
    folded = canonical_case(name)
    for candidate in (folded, folded.split("-")[0], _alias(name)):
        if candidate in codes:
            return candidate
    for language in languages:
        names = {language.english.casefold(), language.name.casefold()}
        names |= {part.strip() for n in names for part in n.replace(")", "").split("(")}
        if name.casefold() in names:
            return language.code
    close = difflib.get_close_matches(name.casefold(), codes, n=1, cutoff=0.6)
    return close[0] if close else None


def _new_code(name: str) -> bool:
    """Whether a folder name could be the code of a new language (not 'ara', which is 'ar')."""
    return is_language_tag(name) and name not in RESERVED_CODES and _alias(name) is None


def _check_language_folders(docs: Path, languages, project: Path) -> None:
    """A folder of content/ that is no language would be built inside every language."""
    codes = {language.code for language in languages}
    for folder in sorted(docs.iterdir()):
        if folder.is_dir() and folder.name not in codes and not folder.name.startswith((".", "_")):
            shown = display_path(folder, project)
            close = _close_code(folder.name, languages)
            hints = []
            if close:
                meant = display_path(docs / close, project)
                hints.append(f"did you mean {meant}/? Move its pages there")
            if _new_code(folder.name):
                hints.append(
                    f"{'or, ' if close else ''}to start the language, run 'build.py "
                    f"add-language {folder.name} --name ... --english ... --dir ltr|rtl' "
                    "(see CONTRIBUTING.md)"
                )
            elif not close:
                hints.append(
                    "a language folder is named by its code in languages.yml (such as ar, "
                    "prs, pt-BR); to start a new language, run 'build.py add-language <code> "
                    "--name ... --english ... --dir ltr|rtl' (see CONTRIBUTING.md)"
                )
            first = next(iter(sorted(folder.rglob("*.md"))), None)
            raise SettingsError(
                f"{shown} is not a language in languages.yml: {'; '.join(hints)}; otherwise "
                "move the folder out of content/.",
                display_path(first, project) if first else shown,
            )


def _check_theme_files(theme: Path, languages, project: Path) -> None:
    """Every language has our UI strings and Material's (ours where Material has none)."""
    for language in languages:
        strings = theme / "partials" / "wegwijs" / "strings" / f"{language.code}.html"
        if not strings.is_file():
            raise SettingsError(
                f"{display_path(strings, project)} is missing: the UI strings of "
                f"{language.english} "
                f"(buttons, notices, the feedback form). Copy en.html to {strings.name} and "
                "translate it ('build.py add-language' does this for a new language)."
            )
        partial = Path("partials") / "languages" / f"{language.code}.html"
        if not (theme / partial).is_file() and not (MATERIAL_TEMPLATES / partial).is_file():
            own = display_path(theme / partial, project)
            raise SettingsError(
                f"mkdocs-material has no {partial.as_posix()} for {language.english}: add "
                f"{own}, a copy of Material's closest language (or en.html) with "
                f'"language": "{language.code}" and "direction": "{language.dir}" '
                "(see CONTRIBUTING.md, 'Add a language')."
            )


def load_settings(
    config_file: str | Path | None = None,
    docs_dir: str | Path | None = None,
    site_dir: str | Path | None = None,
    languages_file: str | Path | None = None,
    jobs: int | None = None,
    budget_bytes: int | None = None,
) -> Settings:
    """Merge defaults with overrides and check that the paths exist."""
    config = Path(config_file or ROOT / "mkdocs.yml").resolve()
    if not config.is_file():
        raise SettingsError(f"{config}: no such mkdocs configuration file.")
    docs = Path(docs_dir or config.parent / "content").resolve()
    if not (docs / "nl").is_dir():
        raise SettingsError(f"{docs}: expected a content folder with a 'nl' subfolder.")
    languages_path = Path(languages_file or LANGUAGES_FILE).resolve()
    if languages_file and not languages_path.is_file():
        raise SettingsError(
            f"--languages takes the path of a languages file such as languages.yml; "
            f"{languages_file} is not a file. Leave --languages out for the project's "
            "languages.yml."
        )
    try:
        languages = load_languages(languages_path)
    except LanguageFileError as error:
        raise SettingsError(str(error)) from None
    for language in languages:
        if not (docs / language.code).is_dir():
            folder = display_path(docs / language.code, config.parent)
            raise SettingsError(
                f"languages.yml lists '{language.code}' but {folder} does not exist: create the "
                "folder (at least an index.md) or remove the entry."
            )
    _check_language_folders(docs, languages, config.parent)
    raw = read_config_file(config)
    theme = _theme_dir(config, raw)
    findings: list[Finding] = []
    if theme is not None:
        _check_theme_files(theme, languages, config.parent)
        findings = check_ui_strings(theme, languages, config.parent)
    return Settings(
        config_file=config,
        languages_file=languages_path,
        theme_dir=theme,
        site_url=_site_url(raw),
        docs_dir=docs,
        site_dir=Path(site_dir or config.parent / "site").resolve(),
        languages=languages,
        jobs=max(1, jobs or os.cpu_count() or 1),
        budget_bytes=budget_bytes or BUDGET_BYTES,
        findings=tuple(findings),
    )
