"""mkdocs hook: the offline page of each language, and what the pack control needs.

The service worker (theme/sw.js) shows `<lang>/offline/` in place of a page the
reader never saved, when the network fails. It lists every page of the language;
assets/offline.js hides those that are not saved on this phone. The build phase
sitegen/offline_packs.py writes the manifest each language's "Keep this language
on my phone" control reads (`<lang>/offline.json`).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from sitegen.mkdocs_seams import current_language, file_language
from sitegen.offline_packs import OFFLINE_PAGE
from wegwijs_shared.languages import SOURCE_LANGUAGE

TEMPLATE = "wegwijs-offline.html"


def _prefix(config) -> str:
    code = current_language(config)
    return "" if code == SOURCE_LANGUAGE else f"{code}/"


@event_priority(-300)  # after mkdocs-static-i18n (-100) and hooks/lean_output.py (-200)
def on_files(files: Files, config) -> Files:
    """In each language's own pass, add its offline page."""
    if current_language(config) != config.extra["wegwijs"]["target"]:
        return files
    content = f"---\ntemplate: {TEMPLATE}\n---\n"
    files.append(File.generated(config, f"{_prefix(config)}{OFFLINE_PAGE}.md", content=content))
    return files


def is_offline_page(page, config) -> bool:
    return page.file.generated_by is not None and page.url == f"{_prefix(config)}{OFFLINE_PAGE}/"


def language_pages(nav, config) -> list[dict]:
    """The pages of the reader's navigation: title, site path, and whether it is Dutch text."""
    code = current_language(config)
    return [
        {
            "title": item.title,
            "url": item.url,
            "fallback": (file_language(item.file) or code) != code
            or item.meta.get("translated") is False,
        }
        for item in nav.pages
    ]


# After hooks/i18n_pages.py (-200) has made context["wegwijs"]; before
# hooks/feedback_assets.py (-300) reads its "form" to give a page a print QR code.
@event_priority(-250)
def on_page_context(context, page, config, nav):
    wegwijs = context.get("wegwijs")
    if wegwijs is None:
        return context
    # Every page of a language offers to keep it (the home page openly, others after a
    # second visit): the manifest's address, from this page.
    wegwijs["pack"] = f"{_prefix(config)}offline.json"
    wegwijs["pack_home"] = page.url in ("", _prefix(config))
    if is_offline_page(page, config):
        wegwijs["form"] = False
        wegwijs["hreflang"] = []
        context["offline_pages"] = language_pages(nav, config)
    return context
