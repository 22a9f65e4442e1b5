"""`build.py add-language`: start a new site language in one command.

It adds the languages.yml entry and the files a translator fills in: the home
page (the Dutch text, marked `translated: false`, so readers get it as a Dutch
page until it is translated), our UI strings (copied from English), Material's
UI strings when Material has none for the language (copied from its closest
language), and the feedback function's messages (copied from English).
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sitegen.freshness import dutch_pages
from sitegen.mkdocs_seams import MATERIAL_TEMPLATES
from wegwijs_shared.languages import (
    SOURCE_LANGUAGE,
    Language,
    LanguageFileError,
    load_languages,
    parse_languages,
    script_problem,
    tag_problem,
)

MATERIAL_LANGUAGES = MATERIAL_TEMPLATES / "partials" / "languages"
# Languages that Material has under another code: the macrolanguage's file is the
# closest start (Sorani is Kurdish as written in Iraq; Dari is Persian).
CLOSEST_MATERIAL = {"ckb": "ku-IQ", "kmr": "ku-IQ", "prs": "fa", "pes": "fa", "pbt": "ps"}
STRINGS = Path("partials") / "wegwijs" / "strings"
MATERIAL_PARTIALS = Path("partials") / "languages"
NOT_TRANSLATED = "translated: false"
_PLAIN_YAML = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:,\[\]{}#]*(?<!\s)$")


class AddLanguageError(ValueError):
    """The language cannot be added; the message says why and what to do."""


@dataclass
class Started:
    """What add-language wrote, and what is left for the translator."""

    created: list[Path] = field(default_factory=list)
    todo: list[str] = field(default_factory=list)


def _yaml_value(value: str) -> str:
    """A value for a flow mapping in languages.yml: plain when YAML reads it back as is."""
    return value if _PLAIN_YAML.match(value) else json.dumps(value, ensure_ascii=False)


def languages_line(language: Language) -> str:
    values = {"code": language.code, "name": language.name}
    values |= {"english": language.english, "dir": language.dir, "script": language.script}
    return "- {" + ", ".join(f"{k}: {_yaml_value(v)}" for k, v in values.items()) + "}\n"


def _check_new(language: Language, languages_file: Path, docs_dir: Path, theme_dir: Path) -> None:
    problem = tag_problem(language.code)
    if problem:
        raise AddLanguageError(f"'{language.code}': {problem}")
    if language.dir not in ("ltr", "rtl"):
        raise AddLanguageError("--dir must be 'ltr' (left to right) or 'rtl' (right to left).")
    problem = script_problem(language.code, language.script)
    if problem:
        raise AddLanguageError(f"--script: {problem}")
    if language.code in {lang.code for lang in load_languages(languages_file)}:
        raise AddLanguageError(
            f"'{language.code}' is already in {languages_file.name}: translate its pages in "
            f"content/{language.code}/ (build.py status shows what is left)."
        )
    for path in (
        docs_dir / language.code / "index.md",
        theme_dir / STRINGS / f"{language.code}.html",
    ):
        if path.exists():
            raise AddLanguageError(
                f"{path} exists already: remove it, or add the line to {languages_file.name} "
                "by hand if the language's files are all there."
            )


def _with_entry(language: Language, languages_file: Path) -> str:
    """languages.yml with the new line at the end, checked as the build will read it."""
    text = languages_file.read_text(encoding="utf-8")
    new = text + ("" if text.endswith("\n") else "\n") + languages_line(language)
    try:
        parse_languages(yaml.safe_load(new), languages_file.name)
    except (yaml.YAMLError, LanguageFileError) as error:
        raise AddLanguageError(f"{languages_file.name} would not be valid: {error}") from None
    return new


def _home_page(docs_dir: Path, code: str) -> Path:
    """content/<code>/index.md: the Dutch home page, marked as not translated yet."""
    dutch = (docs_dir / SOURCE_LANGUAGE / "index.md").read_text(encoding="utf-8")
    if dutch.startswith("---\n"):
        text = f"---\n{NOT_TRANSLATED}\n" + dutch[4:]
    else:
        text = f"---\n{NOT_TRANSLATED}\n---\n\n{dutch}"
    target = docs_dir / code / "index.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def _ui_strings(theme_dir: Path, language: Language) -> tuple[Path, int]:
    """Our UI strings, copied from English with a header that says they wait for a translator."""
    english = (theme_dir / STRINGS / "en.html").read_text(encoding="utf-8")
    body = english[english.index("{% macro") :]
    header = (
        f"{{#- Wegwijs UI strings, {language.english}: COPIED FROM ENGLISH, to translate. "
        "Same keys as nl.html. -#}\n"
    )
    target = theme_dir / STRINGS / f"{language.code}.html"
    target.write_text(header + body, encoding="utf-8")
    return target, len(re.findall(r'^\s*"[^"]+":', body, re.M))


def material_start(code: str) -> Path | None:
    """Material's own partial for the code, or the one to start ours from (None: English)."""
    primary = code.split("-")[0]
    for name in (code, CLOSEST_MATERIAL.get(code), CLOSEST_MATERIAL.get(primary), primary):
        if name and (MATERIAL_LANGUAGES / f"{name}.html").is_file():
            return MATERIAL_LANGUAGES / f"{name}.html"
    return None


def _material_partial(theme_dir: Path, language: Language) -> tuple[Path | None, str]:
    """Material's UI strings: its own file if it has one, else ours from its closest one."""
    ours = theme_dir / MATERIAL_PARTIALS / f"{language.code}.html"
    start = material_start(language.code)
    if ours.is_file() or (start is not None and start.stem == language.code):
        return None, f"mkdocs-material's own {language.code}.html gives its UI strings"
    source = start or MATERIAL_LANGUAGES / "en.html"
    text = source.read_text(encoding="utf-8")
    text = text[text.index("{% macro") :]  # Material's "generated, do not edit" header goes
    header = (
        f"{{#- mkdocs-material's UI strings for {language.english}: copied from Material's "
        f"{source.name} by build.py add-language; check them and translate what is not "
        f"{language.english}. Material ships no {language.code}.html. -#}}\n"
    )
    text = header + re.sub(r'"language": "[^"]*"', f'"language": "{language.code}"', text, count=1)
    text = re.sub(r'"direction": "[^"]*"', f'"direction": "{language.dir}"', text, count=1)
    ours.write_text(text, encoding="utf-8")
    why = f"copied from Material's {source.name}" + ("" if start else " (English)")
    return ours, why


def start_language(
    language: Language,
    languages_file: Path,
    docs_dir: Path,
    theme_dir: Path,
    messages_dir: Path | None,
) -> Started:
    """Add the language and its files; return what was written and what is left to translate."""
    _check_new(language, languages_file, docs_dir, theme_dir)
    languages_text = _with_entry(language, languages_file)
    started = Started()
    home = _home_page(docs_dir, language.code)
    strings, count = _ui_strings(theme_dir, language)
    partial, why = _material_partial(theme_dir, language)
    started.created += [home, strings] + ([partial] if partial else [])
    pages = [rel.as_posix() for rel in dutch_pages(docs_dir)]
    started.todo.append(
        f"{len(pages)} pages: {', '.join(pages)} (index.md is the Dutch text, marked "
        f"'{NOT_TRANSLATED}': translate it, remove that line, then run 'build.py stamp')"
    )
    started.todo.append(f"{count} UI strings in {strings.name}, copied from English")
    started.todo.append(
        f"nothing for the fonts: they follow the script {language.script} (languages.yml; "
        "if that is not how the language is written, correct 'script' there)"
    )
    started.todo.append(
        f"Material's UI strings (skip link, search): {why}"
        + (f"; check them in {partial.name}" if partial else "")
    )
    if messages_dir is not None and messages_dir.is_dir():
        target = messages_dir / f"{language.code}.yml"
        if not target.exists():
            shutil.copy(messages_dir / "en.yml", target)
            started.created.append(target)
            started.todo.append(
                f"the feedback function's messages in {target.name}, copied from English"
            )
    languages_file.write_text(languages_text, encoding="utf-8")
    return started
