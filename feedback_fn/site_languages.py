"""The site's languages for the app, read once from languages.yml through sitegen."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, current_app, request

from wegwijs_shared.languages import LANGUAGES_FILE, Language, load_languages

EXTENSION = "feedback_languages"


def init_app(app: Flask) -> None:
    path = Path(app.config["LANGUAGES_FILE"] or LANGUAGES_FILE)
    app.extensions[EXTENSION] = {language.code: language for language in load_languages(path)}


def site_languages() -> dict[str, Language]:
    languages: dict[str, Language] = current_app.extensions[EXTENSION]
    return languages


def submitter_language(claimed: object = None) -> Language:
    """The language the submitter reads: the form's `lang` if valid, else the browser's, else nl."""
    languages = site_languages()
    if isinstance(claimed, str) and claimed.strip() in languages:
        return languages[claimed.strip()]
    # By every tag a browser names a language with: a phone set to Dari says fa-AF, which
    # matched Persian (fa) by its first part. A language's own code comes first.
    by_tag = {tag: language for language in languages.values() for tag in language.tags}
    best = request.accept_languages.best_match(list(languages) + list(by_tag))
    return by_tag[best] if best else next(iter(languages.values()))


def site_path(language: Language, path: str) -> str:
    """A page of the static site in this language, e.g. /ar/feedback/thanks/."""
    return f"{current_app.config['SITE_URL']}/{language.prefix}{path.lstrip('/')}"
