"""mkdocs hooks: honest languages on every page.

Sets the theme language and direction of each mkdocs-static-i18n pass from
languages.yml, and gives templates a `wegwijs` context: the reader's language,
whether the page fell back to Dutch, hreflang alternates only for real
translations, and the language switcher's entries.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from mkdocs.plugins import event_priority
from rcssmin import cssmin

from sitegen.languages import Language, parse_languages
from sitegen.sitemap import page_path

_state: dict = {}


def _languages(config) -> dict[str, Language]:
    return {lang.code: lang for lang in parse_languages(config.extra["wegwijs"]["languages"])}


def _current_language(config) -> Language:
    return _languages(config)[config.plugins["i18n"].current_language]


@event_priority(-200)  # after mkdocs-static-i18n (-100) has chosen this pass's language
def on_config(config):
    language = _current_language(config)
    config.theme["language"] = language.code
    config.theme["direction"] = language.dir
    css_path = Path(config.theme.custom_dir) / "assets" / "wegwijs.css"
    _state["css"] = cssmin(css_path.read_text(encoding="utf-8"))
    return config


def _norm_path(url: str, language: Language) -> str:
    """Site path of a page without its language prefix: 'ar/mo/' -> 'mo/'."""
    return url[len(language.prefix) :] if url.startswith(language.prefix) else url


def _has_source(docs_dir: str, language: Language, src_uri: str) -> bool:
    return (Path(docs_dir) / language.code / PurePosixPath(src_uri)).is_file()


def build_context(config, page=None) -> dict:
    """The `wegwijs` template variable for a page (or for a page-less template such as 404)."""
    languages = _languages(config)
    current = _current_language(config)
    source = next(iter(languages.values()))
    site_url = config.site_url or "/"
    norm_url = _norm_path(page.url, current) if page else ""
    src_uri = page.file.norm_src_uri if page else None
    alternates = []
    for language in languages.values():
        available = page is None or _has_source(config.docs_dir, language, src_uri)
        path = language.prefix + norm_url
        alternates.append(
            {
                "code": language.code,
                "name": language.name,
                "dir": language.dir,
                "path": path or ".",
                "url": site_url + path,
                "available": available,
                "current": language.code == current.code,
            }
        )
    fallback = page is not None and page.file.locale != current.code
    hreflang = [
        {"hreflang": alt["code"], "url": alt["url"]} for alt in alternates if alt["available"]
    ]
    if page is not None:
        hreflang.append({"hreflang": "x-default", "url": site_url + norm_url})
    footer = [
        {"label": link["label"], "path": current.prefix + page_path(PurePosixPath(link["page"]))}
        for link in config.extra.get("footer", [])
        if _has_source(config.docs_dir, source, link["page"])
    ]
    return {
        "lang": current,
        "footer": footer,
        "source": source,
        "fallback": fallback,
        # A fallback page is a copy of the Dutch one: point search engines there.
        "canonical": site_url + norm_url if fallback else None,
        "alternates": alternates,
        # Fallbacks are not translations: a fallback page advertises no alternates.
        "hreflang": [] if fallback else hreflang,
        "home": current.prefix or ".",
        "css": _state.get("css", ""),
    }


@event_priority(-200)
def on_page_context(context, page, config, nav):
    context["wegwijs"] = build_context(config, page)
    return context


@event_priority(-200)
def on_template_context(context, template_name, config):
    context["wegwijs"] = build_context(config)
    return context


def _set_html_dir(output: str, config) -> str:
    """Material puts dir on <body> only; assistive tech and tests read it on <html>."""
    language = _current_language(config)
    opening = f'<html lang="{language.code}" class="no-js">'
    return output.replace(opening, f'<html lang="{language.code}" dir="{language.dir}">', 1)


def on_post_page(output, page, config):
    return _set_html_dir(output, config)


def on_post_template(output_content, template_name, config):
    return (
        _set_html_dir(output_content, config) if template_name.endswith(".html") else output_content
    )
