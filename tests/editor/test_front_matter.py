"""Front matter: required keys, known keys, types; each message names the fix."""

from __future__ import annotations

import pytest

from tests.editor.conftest import page_text


def errors_of(capsys) -> list[str]:
    return capsys.readouterr().err.splitlines()


def test_a_correct_page_passes(project, capsys):
    assert project.run("check") == 0
    err = capsys.readouterr().err
    assert "error" not in err.replace("0 error(s)", "")
    assert "front" not in err


def test_missing_description(project, capsys):
    project.write("nl/extra.md", "---\ntitle: Extra\n---\n\n# Extra\n\nKort.\n")
    assert project.run("check") == 1
    assert (
        "error: content/nl/extra.md:1: 'description' is missing from the front matter: add a "
        "line 'description: ...' between the two '---' lines at the top."
    ) in errors_of(capsys)


def test_unknown_key_suggests_the_known_one(project, capsys):
    project.write(
        "nl/extra.md", "---\ntitle: Extra\ndescription: Iets.\ntitel: Extra\n---\n\nKort.\n"
    )
    assert project.run("check") == 1
    assert (
        "error: content/nl/extra.md:4: 'titel' is not a front matter key Wegwijs knows (known "
        "keys: title, description, source_hash, translated, sources, reviewed). Did you mean "
        "'title'? Rename it or remove the line."
    ) in errors_of(capsys)


def test_wrong_type(project, capsys):
    project.write("nl/extra.md", "---\ntitle: [Extra]\ndescription: Iets.\n---\n\nKort.\n")
    assert project.run("check") == 1
    assert (
        "error: content/nl/extra.md:2: 'title' must be text on one line, not list: write "
        "'title: ...' and put the value in quotes if it contains a colon."
    ) in errors_of(capsys)


def test_invalid_yaml_names_the_line(project, capsys):
    project.write("nl/extra.md", "---\ntitle: Extra\ndescription: Let op: dit\n---\n\nKort.\n")
    assert project.run("check") == 1
    assert (
        "error: content/nl/extra.md:3: the front matter is not valid YAML (line 3): put quotes "
        "around a title or description that contains a colon."
    ) in errors_of(capsys)


def test_source_hash_on_a_dutch_page(project, capsys):
    project.write("nl/extra.md", page_text("Extra", "Kort.", "source_hash: 0123456789ab\n"))
    assert project.run("check") == 1
    assert (
        "error: content/nl/extra.md:4: 'source_hash' belongs in translations only: a Dutch "
        "page is the source. Remove the line."
    ) in errors_of(capsys)


def test_hand_written_source_hash(project, capsys):
    page = project.page("en/mo.md")
    page.write_text(
        page.read_text(encoding="utf-8").replace("source_hash: ", "source_hash: x"), "utf-8"
    )
    assert project.run("check") == 1
    line = next(line for line in errors_of(capsys) if "is not a hash" in line)
    assert line.startswith("error: content/en/mo.md:4: 'source_hash: x")
    assert line.endswith(
        "' is not a hash written by build.py stamp: do not edit it by hand; run 'build.py "
        "stamp content/en/mo.md' after checking the translation."
    )


def test_long_description_is_a_warning(project, capsys):
    text = page_text("Extra", "Kort.").replace("A test page.", "Lang " * 40)
    project.write("nl/extra.md", text)
    assert project.run("check") == 0
    assert (
        "warning: content/nl/extra.md:3: the description has 199 characters; search results "
        "show about 160: shorten it to one sentence."
    ) in errors_of(capsys)


def test_front_matter_that_never_ends(project, capsys):
    project.write("nl/extra.md", "---\ntitle: Extra\ndescription: Iets.\n\n# Extra\n")
    assert project.run("check") == 1
    assert (
        "error: content/nl/extra.md:1: the front matter starts with '---' but never ends: add "
        "a line '---'."
    ) in errors_of(capsys)


def test_front_matter_that_is_not_key_value_lines(project, capsys):
    project.write("nl/extra.md", "---\n- title\n- description\n---\n\n# Extra\n")
    assert project.run("check") == 1
    assert (
        "error: content/nl/extra.md:1: the front matter must be 'key: value' lines, such as "
        "'title: Welkom'."
    ) in errors_of(capsys)


def test_an_impossible_date_is_a_message_not_a_crash(project, capsys):
    page = project.page("en/mo.md")
    text = page.read_text(encoding="utf-8")
    line = 'reviewed: {role: "x", date: 2026-02-30, source_hash: "aaaaaaaaaaaa"}'
    page.write_text(text.replace("\n---\n", f"\n{line}\n---\n", 1), encoding="utf-8")
    project.write("nl/extra.md", "---\ntitle: Extra\ndescription: 2026-02-30\n---\n\n# Extra\n")
    assert project.run("check") == 1
    err = errors_of(capsys)
    assert any(
        x.startswith("error: content/en/mo.md:5: 'reviewed' is not as 'build.py review' writes "
                     "it: the date is not a date (YYYY-MM-DD).")
        for x in err
    )  # fmt: skip
    assert (
        "error: content/nl/extra.md:3: 'description' must be text, not a date: YAML reads "
        "'2026-02-30' as a date. Put the value in quotes: description: \"2026-02-30\""
    ) in err
    assert project.run("check", "--format", "github") == 1
    assert "::error file=content/nl/extra.md,line=3,title=front-matter::" in capsys.readouterr().out
    # What the editor typed is what every command reads: none of them stops on it.
    assert project.run("status") == 0
    assert project.run("stamp", "content/en/mo.md") == 0
    assert project.run("review", "content/en/mo.md", "--role", "native speaker") == 0
    assert "date: 2026-02-30" not in page.read_text(encoding="utf-8")


def test_a_date_in_quotes_is_text(project, capsys):
    text = '---\ntitle: "2026-03-14"\ndescription: Iets.\n---\n\n# 2026-03-14\n'
    project.write("nl/extra.md", text)
    project.run("check")
    assert "content/nl/extra.md:2" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("start", "found"),
    [
        ("\ufeff---\n", "a byte-order mark, an invisible character some editors write at the "
                      "start: save the file as UTF-8 without BOM"),
        ("\n---\n", "a blank line: remove the empty lines above the '---'"),
        ("--\n", "'--': write three dashes, '---'"),
        ("", "'title: Extra': add a line '---' above it"),
    ],
)  # fmt: skip
def test_front_matter_that_does_not_start_on_line_one_is_one_message(project, capsys, start, found):
    project.write("nl/extra.md", f"{start}title: Extra\ndescription: Iets.\nsources: []\n---\n")
    assert project.run("check") == 1
    err = [line for line in errors_of(capsys) if "content/nl/extra.md" in line]
    assert err == [
        f"error: content/nl/extra.md:1: the file must start with a line '---' (found: {found})."
    ]


@pytest.mark.parametrize(
    ("front", "line", "key"),
    [
        ("title: Extra\n  description: Iets.\nsources: []\n", 3, "description"),
        (" title: Extra\ndescription: Iets.\nsources: []\n", 2, "title"),
        ("title: Extra\ndescription: Iets.\n\tsources: []\n", 4, "sources"),
        ("  title: Extra\n  description: Iets.\n  sources: []\n", 2, "title"),
    ],
)
def test_an_indented_key_is_named_with_its_line(project, capsys, front, line, key):
    project.write("nl/extra.md", f"---\n{front}---\n\n# Extra\n")
    assert project.run("check") == 1
    assert (
        f"error: content/nl/extra.md:{line}: line {line} is indented (or starts with a tab): "
        f"start every key at the beginning of the line ('{key}: ...')."
    ) in errors_of(capsys)


@pytest.mark.parametrize(
    "front",
    [
        "title: Extra\ndescription: Een lange\n  zin.\n",
        "title: Extra\ndescription: >\n  Opgelet: een lange\n  zin.\n",
    ],
)
def test_indented_lines_of_a_long_value_are_fine(project, capsys, front):
    project.write("nl/extra.md", f"---\n{front}---\n\n# Extra\n\nKort.\n")
    project.run("check")
    assert "content/nl/extra.md" not in capsys.readouterr().err


def test_an_open_quote_names_its_line(project, capsys):
    project.write("nl/extra.md", '---\ntitle: "Extra\ndescription: Iets.\n---\n\nKort.\n')
    assert project.run("check") == 1
    assert (
        "error: content/nl/extra.md:2: the front matter is not valid YAML (line 2): check that "
        "line: close every quote and bracket, and put a value that contains a colon or starts "
        "with a quote, '[' or '{' in quotes."
    ) in errors_of(capsys)
