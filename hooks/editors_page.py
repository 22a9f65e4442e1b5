"""mkdocs hook: the translation status page for editors, at /_editors/translations/.

Generated in the Dutch build from content/ (the same tables as `build.py
status`: freshness and native-speaker review, then the terms of
docs/review-terms.yml a reviewer should check first); not in the readers'
navigation nor in the sitemap; the theme marks pages under _*/ noindex and
robots.txt keeps crawlers out. Registered in
mkdocs.yml only: the fixture sites of the tests leave it out unless they test it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from sitegen.freshness import all_states
from sitegen.mkdocs_seams import current_language
from sitegen.review_terms import load_review_terms
from sitegen.status_report import render_page
from wegwijs_shared.languages import SOURCE_LANGUAGE, parse_languages

SRC_URI = "_editors/translations.md"


def _is_editors_page(page) -> bool:
    return page is not None and page.file.src_uri == SRC_URI


@event_priority(-300)  # after mkdocs-static-i18n (-100) and hooks/lean_output.py (-200)
def on_files(files: Files, config) -> Files:
    target = config.extra["wegwijs"]["target"]
    if target != SOURCE_LANGUAGE or current_language(config) != target:
        return files
    languages = parse_languages(config.extra["wegwijs"]["languages"])
    docs_dir = Path(config.docs_dir)
    states = all_states(docs_dir, languages)
    # The project is the folder of mkdocs.yml (docs/review-terms.yml is beside content/).
    terms, _ = load_review_terms(Path(config.config_file_path).parent, docs_dir, languages)
    content = render_page(states, {lang.code: lang for lang in languages}, terms)
    # hooks/i18n_pages.py treats a generated page as a page of its own language only.
    files.append(File.generated(config, SRC_URI, content=content))
    return files


@event_priority(-300)  # after hooks/i18n_pages.py (-200)
def on_page_context(context, page, config, nav):
    if _is_editors_page(page) and "wegwijs" in context:
        context["wegwijs"]["hreflang"] = []  # not for search engines: no alternates
    return context
