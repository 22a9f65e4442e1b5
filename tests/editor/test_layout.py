"""Markdown slips that change what readers see: a code block, a heading, a horizontal line,
a list run into the paragraph above it."""

from __future__ import annotations

import pytest

from tests.editor.conftest import page_text


def findings(capsys) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines() if "content/" in line]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Wat neem je mee?\n\n    - je paspoort\n    - je brief",
            "error: content/nl/slip.md:10: line 10 starts with 4 spaces or a tab, so readers "
            "see lines 10-11 as code in a grey box, not as text or a list. Remove the spaces or "
            "the tab at the start of the line.",
        ),
        (
            "Wat neem je mee?\n\n\t- je paspoort",
            "error: content/nl/slip.md:10: line 10 starts with 4 spaces or a tab, so readers "
            "see it as code in a grey box, not as text or a list. Remove the spaces or the tab "
            "at the start of the line.",
        ),
        (
            "Je schrijft je in.\n---\n\nMeer tekst.",
            "error: content/nl/slip.md:9: the line of '---' right under the text on line 8 "
            "makes that text a level-2 heading. Remove that line, or leave an empty line above "
            "it; write a heading as '## Heading'.",
        ),
        (  # under two lines the site draws a line (CommonMark would make them a heading)
            "Je schrijft je in.\nDat is gratis.\n---\n\nMeer tekst.",
            "warning: content/nl/slip.md:10: the line of '---' under the text on lines 8-9 "
            "draws a horizontal line across the page; pages here do not use them. Remove it; "
            "to start a new part, use a heading ('## ...').",
        ),
        (  # numbered from 2: no list in CommonMark either, the items run on in the paragraph
            "Wat doe je?\n2. je belt\n3. je komt",
            "error: content/nl/slip.md:9: the list starts right under the paragraph on line 8, "
            "with no empty line between them, so readers see its items run on in that "
            "paragraph ('... - item - item'). Leave an empty line before the list.",
        ),
        (
            "Wat neem je mee?\n- je paspoort\n- je brief",
            "error: content/nl/slip.md:9: the list starts right under the paragraph on line 8, "
            "with no empty line between them, so readers see its items run on in that "
            "paragraph ('... - item - item'). Leave an empty line before the list.",
        ),
        (
            "Je schrijft je in.\n\n***\n\nDat is gratis.",
            "warning: content/nl/slip.md:10: the line '***' draws a horizontal line across the "
            "page; pages here do not use them. Remove it; to start a new part, use a heading "
            "('## ...').",
        ),
    ],
)
def test_markdown_slips_are_reported_on_their_line(project, capsys, body, expected):
    project.write("nl/slip.md", page_text("Slip", body))
    project.run("check")
    assert [line for line in findings(capsys) if "slip.md" in line] == [expected]


def test_an_extra_rule_after_the_front_matter(project, capsys):
    project.write("nl/slip.md", "---\ntitle: Slip\ndescription: Een test.\n---\n---\n\n# Slip\n")
    assert project.run("check") == 0
    assert [line for line in findings(capsys) if "slip.md" in line] == [
        "warning: content/nl/slip.md:5: the line '---' comes after the end of the front matter, "
        "so readers see a horizontal line at the top of the page. Remove it."
    ]


def test_lists_admonitions_and_definitions_are_fine(project, capsys):
    body = (
        "Wat neem je mee?\n\n- je paspoort\n    - of je verblijfskaart\n- je brief\n\n"
        "1. Eerst.\n\n    Meer over de eerste stap.\n\n2. Dan.\n\n"
        # A paragraph of an item indented 6: code to CommonMark, text of the item on the site.
        "- Stap een:\n\n      uitleg bij stap een.\n\n"
        '!!! note "Let op"\n    Je komt op tijd.\n\n'
        "Inburgering\n:   Je leert Nederlands en over Vlaanderen.\n\n"
        "Schrijf `---` niet.\n\n```\n    zo niet\n---\n```"
    )
    project.write("nl/slip.md", page_text("Slip", body))
    assert project.run("check") == 0
    assert [line for line in findings(capsys) if "slip.md" in line] == []


def test_layout_reads_where_the_body_starts_once(project, capsys, monkeypatch):
    import sitegen.checks.layout as layout
    from sitegen.checks import source

    calls = []

    def counted(text):
        calls.append(text)
        return source.split_front_matter(text)

    monkeypatch.setattr(layout, "split_front_matter", counted)
    rules = "\n\n".join(["Tekst."] + ["***", "Meer."] * 5)
    project.write("nl/regels.md", page_text("Regels", rules))
    project.run("check")
    assert len([text for text in calls if "title: Regels" in text]) <= 1


def test_equals_signs_under_two_lines_are_text_on_the_site(project, capsys):
    # The heading checks still read the page as CommonMark does (a level-1 heading) and
    # say so too; what readers see is the paragraph with '===' at its end.
    project.write("nl/slip.md", page_text("Slip", "Je schrijft je in.\nDat is gratis.\n===\n"))
    project.run("check")
    assert (
        "warning: content/nl/slip.md:10: the line of '===' under the text on lines 8-9 is "
        "shown as text at the end of that paragraph. Remove it; write a heading as "
        "'# Heading'."
    ) in findings(capsys)
