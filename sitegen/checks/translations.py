"""Translations: each one has a Dutch original and records which version it translates."""

from __future__ import annotations

from sitegen.checks.findings import ERROR, NOTICE, WARNING, Finding
from sitegen.checks.source import ContentSite, SourcePage, display_path
from sitegen.freshness import recorded_hash, source_hash
from wegwijs_shared.languages import SOURCE_LANGUAGE


def _finding(page: SourcePage, line: int, message: str, level: str) -> Finding:
    return Finding(page.display, line, message, level, "translations")


def check_translation(page: SourcePage, site: ContentSite) -> list[Finding]:
    docs_dir = site.docs_dir
    if page.language.is_source:
        return []
    rel = page.rel.as_posix()
    dutch = docs_dir / SOURCE_LANGUAGE / page.rel
    if not dutch.is_file():
        return [
            _finding(
                page,
                1,
                f"there is no Dutch page {SOURCE_LANGUAGE}/{rel}: a translation must have the "
                "same path as its Dutch original. Rename the file or add the Dutch page first.",
                ERROR,
            )
        ]
    stamp = f"build.py stamp {page.display}"
    dutch_file = display_path(dutch, site.root)
    if page.meta.get("translated") is False:
        return [
            _finding(
                page,
                page.key_line("translated"),
                f"not translated yet: this is the Dutch text of {SOURCE_LANGUAGE}/{rel}, shown "
                f"to readers as the Dutch page. Translate it, remove the line 'translated: "
                f"false', then run '{stamp}'.",
                NOTICE,
            )
        ]
    recorded = recorded_hash(page.text)
    if page.front_matter[1] or recorded == source_hash(dutch.read_text(encoding="utf-8")):
        return []
    if recorded is None:
        return [
            _finding(
                page,
                1,
                f"the translation does not record which version of {SOURCE_LANGUAGE}/{rel} "
                f"it translates, so readers are told it may be out of date. When it matches "
                f"the Dutch page, run '{stamp}'.",
                WARNING,
            )
        ]
    return [
        _finding(
            page,
            page.key_line("source_hash"),
            f"outdated: the Dutch page {SOURCE_LANGUAGE}/{rel} changed after this "
            f"translation was made; readers see a notice that it may be out of date. See what "
            f"changed ('git diff {dutch_file}' shows what is not committed yet, 'git log -p "
            f"{dutch_file}' what is), update the translation, then run '{stamp}'.",
            WARNING,
        )
    ]
