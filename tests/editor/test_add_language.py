"""build.py add-language: one command starts a language; the build explains what is missing."""

from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml

import build
from tests.site.conftest import ROOT
from tests.site.test_languages import string_keys


@pytest.fixture
def own_theme(project):
    """The project with a theme and feedback messages of its own, which the command writes to."""
    shutil.copytree(ROOT / "theme", project.root / "theme")
    # The real theme has the partials of every real site language (ckb among them); keep only
    # the fixture project's own, so that adding one is as in a project that lacks it.
    entries = yaml.safe_load(project.languages.read_text(encoding="utf-8"))
    codes = {entry["code"] for entry in entries}
    for folder in ("wegwijs/strings", "languages"):
        for partial in (project.root / "theme" / "partials" / folder).glob("*.html"):
            if partial.stem not in codes:
                partial.unlink()
    messages = project.root / "feedback_fn" / "messages"
    messages.mkdir(parents=True)
    shutil.copy(ROOT / "feedback_fn" / "messages" / "en.yml", messages / "en.yml")
    text = project.config.read_text(encoding="utf-8")
    custom = re.search(r"custom_dir: (.*)", text).group(1)
    project.config.write_text(text.replace(custom, "theme"), encoding="utf-8")
    return project


def test_a_new_language_in_one_command(own_theme, tmp_path, capsys):
    project = own_theme
    args = ("ckb", "--name", "کوردی", "--english", "Kurdish (Sorani)", "--dir", "rtl")
    assert project.run("add-language", *args) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:5] == [
        "languages.yml: Kurdish (Sorani) (ckb) added",
        "content/ckb/index.md: created",
        "theme/partials/wegwijs/strings/ckb.html: created",
        "theme/partials/languages/ckb.html: created",
        "feedback_fn/messages/ckb.yml: created",
    ]
    # The home page is not translated yet, and its two links lead to Dutch pages.
    assert "content: 0 error(s), 0 warning(s), 6 notice(s) in 5 languages." in out
    assert "Left to translate into Kurdish (Sorani):\n- 3 pages: index.md, kosten.md, mo.md" in out
    english = ROOT / "theme" / "partials" / "wegwijs" / "strings" / "en.html"
    assert f"- {len(string_keys(english))} UI strings in ckb.html, copied from English" in out
    assert "copied from Material's ku-IQ.html; check them in ckb.html" in out
    assert "- the feedback function's messages in ckb.yml, copied from English" in out

    entry = yaml.safe_load(project.languages.read_text(encoding="utf-8"))[-1]
    assert entry == {
        "code": "ckb", "name": "کوردی", "english": "Kurdish (Sorani)", "dir": "rtl",
        "script": "Arab",
    }  # fmt: skip
    assert "- nothing for the fonts: they follow the script Arab" in out
    home = project.page("ckb/index.md").read_text(encoding="utf-8")
    assert home.startswith("---\ntranslated: false\ntitle: Welkom\n")
    strings = project.root / "theme" / "partials" / "wegwijs" / "strings"
    assert string_keys(strings / "ckb.html") == string_keys(strings / "nl.html")
    material = (project.root / "theme" / "partials" / "languages" / "ckb.html").read_text("utf-8")
    assert '"language": "ckb",\n  "direction": "rtl",' in material

    # Until it is translated, readers get the home page as Dutch, and it is no translation.
    site = tmp_path / "site"
    assert project.build(site) == 0
    page = (site / "ckb" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ckb" dir="rtl">' in page
    assert '<div lang="nl" dir="ltr" data-wg-fallback>' in page
    # Sorani is set like Arabic, Farsi and Pashto (its script, Arab), Dutch inside it as Latin.
    naskh = re.search(r"}([^{}]*)\{font-family:\"Noto Naskh Arabic\"[^}]*line-height:1.8", page)
    assert naskh.group(1).split(",") == [":lang(ar)", ":lang(ps)", ":lang(ckb)"]
    assert ":lang(nl),:lang(en){font-family:var(--wg-font);line-height:1.6}" in page
    assert 'hreflang="ckb"' not in page and "/ckb/" not in (site / "sitemap.xml").read_text()
    capsys.readouterr()
    assert project.run("status") == 0
    assert capsys.readouterr().out.splitlines()[1].split() == [
        "index.md", "source", "up", "to", "date", "up", "to", "date", "up", "to", "date", "missing"
    ]  # fmt: skip


def test_material_own_partial_is_used_when_it_exists(own_theme, capsys):
    assert own_theme.run("add-language", "tr", "--name", "Türkçe", "--english", "Turkish",
                         "--dir", "ltr") == 0  # fmt: skip
    out = capsys.readouterr().out
    assert not (own_theme.root / "theme" / "partials" / "languages" / "tr.html").exists()
    assert "mkdocs-material's own tr.html gives its UI strings" in out


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("ckb_IQ", "build.py add-language: 'ckb_IQ': write the code as 'ckb-IQ'"),
        ("ar", "build.py add-language: 'ar' is already in languages.yml"),
        ("Sorani", "'Sorani' is not a BCP 47 language tag"),
    ],
)
def test_a_code_that_cannot_be_added_is_explained(own_theme, capsys, code, message):
    before = own_theme.languages.read_text(encoding="utf-8")
    args = ("--name", "x", "--english", "X", "--dir", "rtl")
    assert own_theme.run("add-language", code, *args) == 1
    assert message in capsys.readouterr().err
    assert own_theme.languages.read_text(encoding="utf-8") == before


def test_settings_name_a_missing_strings_file(own_theme, capsys):
    (own_theme.root / "theme" / "partials" / "wegwijs" / "strings" / "ps.html").unlink()
    assert own_theme.run("check") == 1
    err = capsys.readouterr().err
    assert "theme/partials/wegwijs/strings/ps.html is missing: the UI strings of Pashto" in err
    assert "Copy en.html to ps.html and translate it" in err


def test_a_missing_ui_string_is_named_and_never_builds_an_empty_button(own_theme, tmp_path, capfd):
    strings = own_theme.root / "theme" / "partials" / "wegwijs" / "strings" / "ps.html"
    text = strings.read_text(encoding="utf-8")
    for key in ("form.send", "fallback.notice"):
        text = re.sub(rf'^\s*"{re.escape(key)}": .*\n', "", text, flags=re.M)
    strings.write_text(text.replace('"menu":', '"menu.typo": "x",\n  "menu":', 1), "utf-8")
    end = text.count("\n", 0, text.index("}[key]")) + 2  # the line of '}[key]', one line added
    assert own_theme.build(tmp_path / "site") == 0  # the build goes on ...
    out, err = capfd.readouterr()
    settings = next(line for line in out.splitlines() if line.startswith("settings"))
    assert settings.endswith("0 error(s), 3 warning(s), 0 notice(s)")
    # ... and names the file, the line and the key, in the settings phase.
    shown = "theme/partials/wegwijs/strings/ps.html"
    assert (
        f"warning: {shown}:{end}: the UI string 'form.send' is missing: readers of Pashto get "
        'the English text there. Add "form.send": "...", translated from en.html (line '
    ) in err
    assert f"warning: {shown}:{end}: the UI string 'fallback.notice' is missing" in err
    assert f"warning: {shown}:5: 'menu.typo' is not a UI string of en.html" in err
    # The page shows the English text, never an empty button or notice.
    page = (tmp_path / "site" / "ps" / "kosten" / "index.html").read_text(encoding="utf-8")
    assert '<button type="submit" class="wg-send">Send</button>' in page
    assert "This page is not yet available in English. Here is the Dutch version." in page
    assert own_theme.run("check", "--format", "github") == 0
    assert f"::warning file={shown},line={end},title=ui-strings::" in capfd.readouterr().out


def test_settings_name_a_missing_material_partial(own_theme, capsys):
    (own_theme.root / "theme" / "partials" / "languages" / "ps.html").unlink()
    assert own_theme.run("check") == 1
    assert (
        "mkdocs-material has no partials/languages/ps.html for Pashto: add "
        in capsys.readouterr().err
    )


def test_a_content_folder_that_is_no_language_is_one_message(project, capsys):
    project.write("ti/index.md", "---\ntitle: x\ndescription: y\n---\n")
    assert project.run("check") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "content/ti is not a language in languages.yml: to start the language, run " in err[0]
    assert "'build.py add-language ti --name ... --english ... --dir ltr|rtl'" in err[0]


@pytest.mark.parametrize(
    ("folder", "new"),
    [("ara", False), ("AR", False), ("ar_SY", False), ("ar-SY", True), ("arabic", False)],
)
def test_a_misnamed_language_folder_names_the_language_it_means(project, capsys, folder, new):
    project.write(f"{folder}/index.md", "---\ntitle: x\ndescription: y\n---\n")
    assert project.run("check") == 1
    err = capsys.readouterr().err
    assert err.startswith(
        f"build.py check: content/{folder} is not a language in languages.yml: did you mean "
        "content/ar/? Move its pages there; "
    )
    assert ("'build.py add-language" in err) is new
    assert str(project.root) not in err


def test_a_misnamed_language_folder_is_an_annotation_and_in_the_summary(project, capsys):
    project.write("ara/index.md", "---\ntitle: x\ndescription: y\n---\n")
    summary = project.root / "summary.md"
    assert project.run("check", "--format", "github", "--summary", str(summary)) == 1
    out = capsys.readouterr().out
    assert out.startswith(
        "::error file=content/ara/index.md,line=1,title=settings::content/ara is not a language "
        "in languages.yml: did you mean content/ar/?"
    )
    assert "| `content/ara/index.md` | content/ara is not a language" in summary.read_text("utf-8")
    assert project.run("check", "--format", "json") == 1
    assert json.loads(capsys.readouterr().out)["findings"][0]["file"] == "content/ara/index.md"


def test_a_bad_code_in_languages_yml_stops_every_command(project, capsys):
    text = project.languages.read_text(encoding="utf-8")
    project.languages.write_text(text.replace("code: ps", "code: PS"), encoding="utf-8")
    assert project.run("check") == 1
    assert "entry 4 (PS): write the code as 'ps'" in capsys.readouterr().err


def test_translated_false_is_a_notice_and_not_on_dutch_pages(project, capsys):
    mo = project.page("ps/mo.md")
    mo.write_text(
        project.page("nl/mo.md")
        .read_text(encoding="utf-8")
        .replace("---\n", "---\ntranslated: false\n", 1),
        encoding="utf-8",
    )
    dutch = project.page("nl/kosten.md")
    dutch.write_text(
        dutch.read_text(encoding="utf-8").replace("---\n", "---\ntranslated: false\n", 1)
    )
    assert project.run("check", "--notices") == 1
    lines = capsys.readouterr().err.splitlines()
    assert (
        "notice: content/ps/mo.md:2: not translated yet: this is the Dutch text of nl/mo.md, "
        "shown to readers as the Dutch page. Translate it, remove the line 'translated: false', "
        "then run 'build.py stamp content/ps/mo.md'."
    ) in lines
    assert (
        "error: content/nl/kosten.md:2: 'translated' belongs in translations only: a Dutch page "
        "is the source. Remove the line."
    ) in lines


@pytest.mark.parametrize("command", ["check", "status", "build"])
def test_languages_takes_a_file_not_a_language(project, capsys, command):
    argv = [command, "--config", str(project.config), "--languages", "nl"]
    assert build.main(argv + (["--preview"] if command == "build" else [])) == 1
    assert capsys.readouterr().err.endswith(
        f"build.py {command}: --languages takes the path of a languages file such as "
        "languages.yml; nl is not a file. Leave --languages out for the project's "
        "languages.yml.\n"
    )


def test_languages_yml_that_is_not_yaml_is_named(project, capsys):
    text = project.languages.read_text(encoding="utf-8")
    project.languages.write_text(text + "- {code: xx, name: [\n", encoding="utf-8")
    assert project.run("check") == 1
    assert "languages.yml:" in capsys.readouterr().err


def test_a_ui_string_given_twice_is_an_error_naming_both_lines(own_theme, capsys):
    """A second "form.more" (a new string under a name already taken) replaced the
    feedback form's own text on every page, without a word."""
    strings = own_theme.root / "theme" / "partials" / "wegwijs" / "strings" / "en.html"
    text = strings.read_text(encoding="utf-8")
    first = text.count("\n", 0, text.index('"form.thanks"')) + 1
    text = text.replace('  "form.thanks"', '  "form.thanks": "Thanks",\n  "form.thanks"', 1)
    strings.write_text(text, encoding="utf-8")
    assert own_theme.run("check") == 1
    err = capsys.readouterr().err
    shown = "theme/partials/wegwijs/strings/en.html"
    assert (
        f"error: {shown}:{first + 1}: the UI string 'form.thanks' is given twice "
        f"(lines {first} and {first + 1})"
    ) in err


def test_no_ui_strings_file_of_the_theme_gives_a_key_twice():
    from sitegen.ui_strings import repeated_keys

    folder = ROOT / "theme" / "partials" / "wegwijs" / "strings"
    for path in sorted(folder.glob("*.html")):
        assert repeated_keys(path.read_text(encoding="utf-8")) == [], path.name


def test_a_translation_that_drops_a_placeholder_is_an_error(own_theme, capsys):
    """'Next step: {title}' translated without '{title}' would lose the page's name."""
    strings = own_theme.root / "theme" / "partials" / "wegwijs" / "strings" / "ps.html"
    text = strings.read_text(encoding="utf-8")
    line = text.count("\n", 0, text.index('"next"')) + 1
    strings.write_text(re.sub(r'"next": "[^"]*"', '"next": "بل ګام"', text, count=1), "utf-8")
    assert own_theme.run("check") == 1
    assert (
        f"error: theme/partials/wegwijs/strings/ps.html:{line}: the UI string 'next' must hold "
        "the same placeholders as in en.html ({title})"
    ) in capsys.readouterr().err
