"""mkdocs hook: a topic index per language, `<lang>/a-z/`, linked from the header.

Every page of the reader's navigation and every heading in it, in the A-Z order of
the language's script (the Unicode Collation Algorithm), grouped by first letter.
It needs no JavaScript; with JavaScript the same page also offers search
(assets/search.js, over the index that sitegen/search_index.py writes).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from sitegen.collation import sort_key
from sitegen.letters import initial, letter_order
from sitegen.mkdocs_seams import current_language, file_language
from sitegen.search_index import TOPICS_PAGE
from wegwijs_shared.languages import SOURCE_LANGUAGE

TEMPLATE = "wegwijs-topics.html"
HEADING_LEVELS = (2, 3)


def _prefix(config) -> str:
    code = current_language(config)
    return "" if code == SOURCE_LANGUAGE else f"{code}/"


@event_priority(-300)  # after mkdocs-static-i18n (-100) and hooks/lean_output.py (-200)
def on_files(files: Files, config) -> Files:
    """In each language's own pass, add its topic index."""
    if current_language(config) != config.extra["wegwijs"]["target"]:
        return files
    content = f"---\ntemplate: {TEMPLATE}\n---\n"
    files.append(File.generated(config, f"{_prefix(config)}{TOPICS_PAGE}.md", content=content))
    return files


def topic_entries(nav, config) -> list[dict]:
    """Pages and their headings, each with where it leads and whether it is Dutch text."""
    code = current_language(config)
    entries = []
    for page in nav.pages:
        dutch = (file_language(page.file) or code) != code or page.meta.get("translated") is False
        title = page.title or ""
        page_url = page.url or "./"  # the Dutch home page is "" (an anchor alone stays here)
        entries.append({"text": title, "url": page_url, "dutch": dutch, "page": None})
        stack = list(page.toc)
        while stack:
            item = stack.pop(0)
            if item.level in HEADING_LEVELS and item.title != title:
                url = page_url + item.url
                entries.append({"text": item.title, "url": url, "dutch": dutch, "page": title})
            stack = list(item.children) + stack
    return entries


def letter_groups(entries: list[dict], code: str = "", script: str = "") -> list[dict]:
    """Entries grouped by the letter the language files them under (sitegen/letters.py),
    the letters in the language's order (its own script first), each group's entries in
    collation order."""
    key = sort_key
    groups: dict[str, list[dict]] = {}
    for entry in sorted(entries, key=lambda e: (key(e["text"]), key(e["page"] or ""))):
        groups.setdefault(initial(entry["text"], code), []).append(entry)
    order = letter_order(code, key, script)
    return [{"letter": letter, "entries": groups[letter]} for letter in sorted(groups, key=order)]


def _is_topics_page(page, config) -> bool:
    return page.file.generated_by is not None and page.url == f"{_prefix(config)}{TOPICS_PAGE}/"


@event_priority(-250)  # after hooks/i18n_pages.py (-200), before hooks/feedback_assets.py (-300)
def on_page_context(context, page, config, nav):
    wegwijs = context.get("wegwijs")
    if wegwijs is not None:
        wegwijs["topics"] = f"{_prefix(config)}{TOPICS_PAGE}/"
        if _is_topics_page(page, config):
            wegwijs["form"] = False
            wegwijs["indexed"] = True  # no feedback form, but a page for search engines too
            wegwijs["hreflang"] = []
            entries = topic_entries(nav, config)
            language = wegwijs["lang"]  # hooks/i18n_pages.py
            context["topic_groups"] = letter_groups(entries, language.code, language.script)
    return context


@event_priority(-250)
def on_template_context(context, template_name, config):
    """The 404 page's header links to the index too."""
    if "wegwijs" in context:
        context["wegwijs"]["topics"] = f"{_prefix(config)}{TOPICS_PAGE}/"
    return context
