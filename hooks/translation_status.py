"""mkdocs hook: tell readers when a translation may be out of date.

Sets `wegwijs.outdated` for the theme (after hooks/i18n_pages.py made
`wegwijs`): `{"date": "YYYY-MM-DD"}` on a translation whose recorded Dutch
version (`source_hash`) is not the current Dutch page, else None. The date is
when the Dutch page last changed (see sitegen.freshness.changed_on).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from sitegen.freshness import changed_on, source_hash
from sitegen.mkdocs_seams import current_language, file_language, path_in_language
from wegwijs_shared.languages import SOURCE_LANGUAGE


def outdated_notice(page, config) -> dict | None:
    """{"date": ...} when the page is an outdated translation in this pass, else None."""
    current = current_language(config)
    file = page.file
    if current == SOURCE_LANGUAGE or file_language(file) != current:
        return None  # Dutch, or a Dutch fallback: not a translation
    if page.meta.get("translated") is False:
        return None  # still the Dutch text: readers are told it is not translated
    dutch = Path(config.docs_dir) / SOURCE_LANGUAGE / path_in_language(file)
    if not dutch.is_file():
        return None
    if page.meta.get("source_hash") == source_hash(dutch.read_text(encoding="utf-8")):
        return None
    return {"date": changed_on(dutch)}


@event_priority(-300)  # after hooks/i18n_pages.py (-200) has made context["wegwijs"]
def on_page_context(context, page, config, nav):
    if "wegwijs" in context:
        context["wegwijs"]["outdated"] = outdated_notice(page, config)
    return context


@event_priority(-300)
def on_template_context(context, template_name, config):
    if "wegwijs" in context:
        context["wegwijs"]["outdated"] = None
    return context
