"""mkdocs hook: tell readers how far to trust a translation.

Sets, for the theme (after hooks/i18n_pages.py made `wegwijs`):
- `wegwijs.outdated`: `{"date": "YYYY-MM-DD", "written": "20 November 2026"}` on a
  translation whose recorded Dutch version (`source_hash`) is not the current Dutch
  page, else None. The date is when the Dutch page last changed (see
  sitegen.freshness.changed_on); `written` is that date as the page's language writes
  it, with the month's name and Latin digits (sitegen.dates.written_date).
- `wegwijs.unreviewed`: True on a translation that no native speaker has checked
  against the current Dutch page (sitegen.review): readers get a short notice with
  a link to the Dutch page.
Dutch pages and Dutch fallbacks are no translations: neither is set.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from mkdocs.plugins import event_priority

from sitegen.dates import written_date
from sitegen.freshness import changed_on, source_hash
from sitegen.mkdocs_seams import current_language, file_language, path_in_language
from sitegen.review import REVIEWED, review_state
from wegwijs_shared.languages import SOURCE_LANGUAGE, Language


def _dutch_original(page, config) -> Path | None:
    """The Dutch page a translation in this pass translates; None when it is no translation."""
    current = current_language(config)
    file = page.file
    if current == SOURCE_LANGUAGE or file_language(file) != current:
        return None  # Dutch, or a Dutch fallback: not a translation
    if page.meta.get("translated") is False:
        return None  # still the Dutch text: readers are told it is not translated
    dutch = Path(config.docs_dir) / SOURCE_LANGUAGE / path_in_language(file)
    return dutch if dutch.is_file() else None


@cache
def _hash(path: Path, mtime_ns: int) -> str:
    return source_hash(path.read_text(encoding="utf-8"))


def dutch_hash(dutch: Path) -> str:
    """The current Dutch page's hash, read once per build and file version."""
    return _hash(dutch, dutch.stat().st_mtime_ns)


def outdated_notice(page, config, language: Language) -> dict | None:
    """{"date": ..., "written": ...} when the page is an outdated translation, else None."""
    dutch = _dutch_original(page, config)
    if dutch is None:
        return None
    if page.meta.get("source_hash") == dutch_hash(dutch):
        return None
    date = changed_on(dutch)
    return {"date": date, "written": written_date(date, language)}


def unreviewed(page, config) -> bool:
    """Whether the page is a translation no native speaker checked against today's Dutch."""
    dutch = _dutch_original(page, config)
    if dutch is None:
        return False
    return review_state(page.meta, dutch_hash(dutch)) != REVIEWED


@event_priority(-300)  # after hooks/i18n_pages.py (-200) has made context["wegwijs"]
def on_page_context(context, page, config, nav):
    if "wegwijs" in context:
        language = context["wegwijs"]["lang"]
        context["wegwijs"]["outdated"] = outdated_notice(page, config, language)
        context["wegwijs"]["unreviewed"] = unreviewed(page, config)
    return context


@event_priority(-300)
def on_template_context(context, template_name, config):
    if "wegwijs" in context:
        context["wegwijs"]["outdated"] = None
        context["wegwijs"]["unreviewed"] = False
    return context
