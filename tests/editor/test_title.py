"""The page's one level-1 heading is its title: readers see both, and they must agree."""

from __future__ import annotations

import pytest

HEAD = "---\ntitle: Wat kost het?\ndescription: Over de kosten.\n---\n\n"


def warnings_of(capsys) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines() if line.startswith("warning:")]


def test_heading_equal_to_the_title_passes(project, capsys):
    project.write("nl/extra.md", HEAD + "# Wat  kost het?\n\nKort.\n\n## Meer\n\nOok kort.\n")
    assert project.run("check") == 0
    assert warnings_of(capsys) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "# Wat kost dat?\n\nKort.\n",
            "warning: content/nl/extra.md:6: the heading '# Wat kost dat?' is not the title 'Wat "
            "kost het?': readers see the title in the browser tab, the topic list and the "
            "next-step link. Make them the same (change the heading or the title).",
        ),
        (
            "Kort, zonder kop.\n",
            "warning: content/nl/extra.md:1: the page has no level-1 heading: start the text with "
            "'# Wat kost het?', the title of the front matter.",
        ),
        (
            "## Inleiding\n\n# Wat kost het?\n",
            "warning: content/nl/extra.md:6: the heading 'Inleiding' comes before the level-1 "
            "heading: the page starts with '# Wat kost het?'.",
        ),
        (
            "# Wat kost het?\n\nKort.\n\n# Betalen\n\nOok kort.\n",
            "warning: content/nl/extra.md:10: a second level-1 heading ('# Betalen'): a page has "
            "one, its title. Make it '## Betalen'.",
        ),
    ],
)
def test_a_heading_that_is_not_the_title_is_a_warning(project, capsys, body, expected):
    project.write("nl/extra.md", HEAD + body)
    assert project.run("check") == 0  # a warning: the page is still built
    assert warnings_of(capsys) == [expected]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "#Wat kost het?\n\nKort.\n\n## Meer\n\nOok kort.\n",
            ["warning: content/nl/extra.md:6: the site shows '#Wat kost het?' as a level-1 "
             "heading: write '# Wat kost het?' if it is meant as one, or start the line with "
             "'\\#' (or rephrase it) if it is not."],
        ),
        (
            "# Wat kost het?\n\nKort.\n\n##Meer\n\nOok kort.\n\n```\n#include\n```\n",
            ["warning: content/nl/extra.md:10: the site shows '##Meer' as a level-2 heading: "
             "write '## Meer' if it is meant as one, or start the line with '\\##' (or "
             "rephrase it) if it is not."],
        ),
    ],
)  # fmt: skip
def test_a_heading_without_a_space_after_the_hash_is_named_on_its_line(
    project, capsys, body, expected
):
    project.write("nl/extra.md", HEAD + body)
    assert project.run("check") == 0
    assert warnings_of(capsys) == expected


def test_the_site_makes_a_line_starting_with_a_hash_a_heading():
    import markdown

    html = markdown.markdown(
        "#Kop\n\nTekst\n#1 tip hier", extensions=["toc", "attr_list", "def_list", "admonition"]
    )
    assert html == '<h1 id="kop">Kop</h1>\n<p>Tekst</p>\n<h1 id="1-tip-hier">1 tip hier</h1>'
