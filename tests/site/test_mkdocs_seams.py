"""What Wegwijs relies on inside mkdocs, mkdocs-static-i18n and Material: an upgrade fails here."""

from __future__ import annotations

import functools
import logging
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import jinja2
import material
import pytest

from sitegen.mkdocs_seams import (
    LINK_VALIDATION_OFF,
    MkdocsFailed,
    accepted_by_plugin,
    build_language_pages,
    content_links,
    list_only_own_static_files,
    load_mkdocs_config,
    plugin_languages,
    set_html_language,
)
from tests.site.conftest import FIXTURE, ROOT, build_site
from wegwijs_shared.languages import Language, load_languages

NL = Language("nl", "Nederlands", "Dutch", "ltr")
CKB = Language("ckb", "کوردی", "Kurdish (Sorani)", "rtl")
PT_BR = Language("pt-BR", "Português", "Portuguese (Brazil)", "ltr")


def test_the_plugin_refuses_three_letter_codes_and_takes_regions():
    # If the plugin starts accepting any BCP 47 tag, the stand-in can go.
    assert not accepted_by_plugin("ckb") and not accepted_by_plugin("prs")
    assert accepted_by_plugin("en") and accepted_by_plugin("pt-BR")


def test_plugin_languages_are_dutch_and_the_target_with_a_stand_in_where_needed():
    entries, stand_ins = plugin_languages((NL, PT_BR, CKB), "ckb")
    assert entries == [
        {"locale": "nl", "name": "Nederlands", "default": True, "build": True},
        {"locale": "qz", "name": "کوردی", "default": False, "build": True},
    ]
    assert stand_ins == {"qz": "ckb"}
    assert plugin_languages((NL, PT_BR, CKB), "pt-BR")[1] == {}


def test_loaded_configuration_has_the_real_code_and_our_link_validation(fixture_copy):
    config = load_mkdocs_config(
        fixture_copy / "mkdocs.yml",
        fixture_copy / "content",
        fixture_copy / "out",
        (NL, CKB),
        "ckb",
        {"languages": [], "target": "ckb"},
    )
    languages = config.plugins["i18n"].config.languages
    assert [(lang.locale, lang.link) for lang in languages] == [("nl", "/"), ("ckb", "/ckb/")]
    # 'ignore' is validated into the DEBUG log level: mkdocs no longer warns about links.
    assert set(LINK_VALIDATION_OFF) == set(config.validation.links)
    assert set(dict(config.validation.links).values()) == {logging.DEBUG}
    assert config.validation.nav.not_found == logging.WARNING  # nav entries: still mkdocs
    assert content_links(config) == {}


def test_mkdocs_failure_survives_the_trip_from_a_worker_process():
    failure = pickle.loads(pickle.dumps(MkdocsFailed("ckb", ["first", "second"])))
    assert (failure.code, failure.messages) == ("ckb", ["first", "second"])
    assert str(failure) == "mkdocs failed for 'ckb': first | second"
    with ProcessPoolExecutor(max_workers=1) as pool:
        with pytest.raises(MkdocsFailed, match="mkdocs failed for 'en': boom"):
            pool.submit(_raise_failure).result()


def _raise_failure():
    raise MkdocsFailed("en", ["boom"])


def test_a_configuration_error_reaches_the_editor_whatever_the_jobs(fixture_copy, tmp_path, capsys):
    config = fixture_copy / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "plugins:\n  - i18n:\n      docs_structure: nested\n",
        encoding="utf-8",
    )
    for jobs in ("1", "2"):
        content, languages = fixture_copy / "content", fixture_copy / "languages.yml"
        site = tmp_path / f"out{jobs}"
        assert build_site(config, content, site, languages, "--jobs", jobs) == 1
        err = capsys.readouterr().err
        assert "mkdocs failed for 'nl': Config value 'plugins': Plugin 'i18n' option " in err
        assert "'docs_structure': Expected one of: ['folder', 'suffix']" in err
        assert "TypeError" not in err and "BrokenProcessPool" not in err


def test_a_warning_of_a_translations_process_is_said_once(fixture_copy, tmp_path):
    # mkdocs warns when README.md and index.md would both become the index page. The
    # English process says it once (it used to run a Dutch pass too, which said it again).
    (fixture_copy / "content" / "en" / "README.md").write_text("# Readme\n", encoding="utf-8")
    languages = load_languages(fixture_copy / "languages.yml")
    warnings, links, _ = build_language_pages(
        fixture_copy / "mkdocs.yml",
        fixture_copy / "content",
        tmp_path / "out",
        languages,
        "en",
        {
            "languages": [vars(lang) for lang in languages],
            "target": "en",
            "template_cache": str(tmp_path / "templates"),
        },
    )
    readme = [message for message in warnings if "README.md" in message]
    assert len(readme) == 1, warnings
    # Links of the English pages' Markdown, by built page.
    assert links["en/index.html"] == frozenset({"mo/", "kosten/"})


def test_only_our_own_theme_files_are_listed_as_static_files(tmp_path):
    config = load_mkdocs_config(
        FIXTURE / "mkdocs.yml", FIXTURE / "content", tmp_path, (NL,), "nl", {"target": "nl"}
    )
    list_only_own_static_files(config.theme)
    list_only_own_static_files(config.theme)  # once per language pass: patched once
    env = config.theme.get_env()
    listed = set(env.list_templates())
    assert "assets/wegwijs.css" in listed and "main.html" in listed
    assert not [name for name in listed if name.startswith((".icons/", "assets/javascripts/"))]
    # Material's templates still load.
    assert isinstance(env.get_template("base.html"), jinja2.Template)


@pytest.mark.parametrize(
    "material",
    ['<html lang="ckb" class="no-js">', '<html lang="ku" class="no-js">', "<html>"],
)
def test_html_element_gets_our_language_and_direction(material):
    page = f'<!doctype html>\n{material}\n<head></head><body dir="rtl"><html-ish></body></html>'
    patched = set_html_language(page, "ckb", "rtl")
    assert patched == (
        '<!doctype html>\n<html lang="ckb" dir="rtl">\n<head></head><body dir="rtl">'
        "<html-ish></body></html>"
    )


def test_material_still_writes_the_html_element_we_replace():
    template = Path(material.__file__).parent / "templates" / "base.html"
    opening = '<html lang="{{ lang.t(\'language\') }}" class="no-js">'
    assert opening in template.read_text(encoding="utf-8")


def _pages(folder: Path) -> dict[str, bytes]:
    """What the build takes from a translation's process (sitegen.mkdocs_run._place):
    the language's folder and the 404 page."""
    files = [folder / "404.html", *sorted((folder / "ar").rglob("*"))]
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in files if path.is_file()
    }


def test_a_translations_process_runs_its_own_pass_only(fixture_copy, tmp_path, monkeypatch):
    """Arabic's process runs no Dutch pass, and writes the same files as when the plugin
    runs the Dutch pass first (the fallback pages included: kosten is Dutch only)."""
    import sitegen.mkdocs_seams as seams

    languages = load_languages(fixture_copy / "languages.yml")

    class Said(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            said.append(record.getMessage())

    def passes(out: Path) -> list[str]:
        said.clear()
        wegwijs = {
            "languages": [vars(lang) for lang in languages],
            "target": "ar",
            "template_cache": str(tmp_path / "templates"),
        }
        config, content = fixture_copy / "mkdocs.yml", fixture_copy / "content"
        handler = Said()
        logging.getLogger("mkdocs").addHandler(handler)  # mkdocs' loggers do not propagate
        try:
            build_language_pages(config, content, out, languages, "ar", wegwijs)
        finally:
            logging.getLogger("mkdocs").removeHandler(handler)
        # mkdocs-static-i18n says "Building 'ar' documentation to directory: ..." per pass
        return [m.split("'")[1] for m in said if m.split(": ", 1)[-1].startswith("Building '")]

    said: list[str] = []

    assert passes(tmp_path / "ours") == ["ar"]
    assert (tmp_path / "ours" / "ar" / "kosten" / "index.html").is_file()
    monkeypatch.setattr(seams, "only_the_target_pass", lambda config, target: None)
    assert passes(tmp_path / "both") == ["nl", "ar"]
    assert _pages(tmp_path / "ours") == _pages(tmp_path / "both")


def test_yaml_read_with_libyaml_gives_mkdocs_own_values(tmp_path, monkeypatch):
    import mkdocs.utils.yaml as mkdocs_yaml
    import yaml

    from sitegen import mkdocs_seams

    assert mkdocs_yaml.get_yaml_loader().__mro__[1] is yaml.CLoader  # switched on at import
    tags = tmp_path / "tags.yml"
    tags.write_text(
        "INHERIT: " + str(ROOT / "mkdocs.yml") + "\n"
        'site_url: !ENV [WEGWIJS_SITE_URL, "http://127.0.0.1:8000/"]\n'
        "extra:\n  when: 2026-03-14\n  yes_no: [yes, no, on, off]\n  number: 1.5e3\n"
        "  quoted: '07'\n  octal: 0o17\n  empty:\n  text: |\n    two\n    lines\n",
        encoding="utf-8",
    )
    theme = Path(material.__file__).parent / "templates" / "mkdocs_theme.yml"
    files = [ROOT / "mkdocs.yml", FIXTURE / "mkdocs.yml", tags, theme]

    def plain(value):
        """Values as they compare: a made object (the slugify function) by what made it."""
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        if isinstance(value, list):
            return [plain(item) for item in value]
        if isinstance(value, functools.partial):
            return ("partial", value.func, value.args, value.keywords)
        return value

    def read_all() -> list:
        values = []
        for path in files:
            with open(path, encoding="utf-8") as handle:
                values.append(plain(mkdocs_yaml.yaml_load(handle)))
        return values

    for site_url in (None, "https://wegwijs.example.org/"):
        if site_url:
            monkeypatch.setenv("WEGWIJS_SITE_URL", site_url)
        ours = read_all()
        try:
            mkdocs_seams.mkdocs_own_yaml()
            theirs = read_all()
        finally:
            mkdocs_seams.quick_yaml()
        assert ours == theirs
        assert ours[2]["site_url"] == (site_url or "http://127.0.0.1:8000/")
        assert ours[2]["extra"]["yes_no"] == [True, False, True, False]
