"""Links: internal links and anchors resolve per language; fallback links are notices."""

from __future__ import annotations

import re

import pytest


def add_line(project, rel: str, line: str) -> None:
    page = project.page(rel)
    page.write_text(page.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def findings(capsys) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines() if "content/" in line]


def test_fixture_links_and_anchors_pass(project, capsys):
    # nl/kosten.md links to mo.md#in-je-eigen-taal; an Arabic anchor resolves too.
    add_line(project, "ar/index.md", "[بلغتك](mo.md#بلغتك)")
    assert project.run("check") == 0
    assert not [line for line in findings(capsys) if "link" in line]


def test_missing_page_is_an_error(project, capsys):
    add_line(project, "en/index.md", "See [the old page](oud.md).")
    assert project.run("check") == 1
    assert (
        "error: content/en/index.md:11: link to oud.md leads nowhere: there is no en/oud.md "
        "(and no Dutch nl/oud.md). Check the file name; links point to the .md file, relative "
        "to this page."
    ) in findings(capsys)


def test_missing_dutch_page_says_it_once_and_suggests_a_close_name(project, capsys):
    add_line(project, "nl/index.md", "Zie [kosten](koste.md) en [MO](../mo.md).")
    assert project.run("check") == 1
    lines = findings(capsys)
    assert (
        "error: content/nl/index.md:10: link to koste.md leads nowhere: there is no "
        "nl/koste.md. Did you mean kosten.md? Check the file name; links point to the .md "
        "file, relative to this page."
    ) in lines
    assert (
        "error: content/nl/index.md:10: link to ../mo.md leads nowhere: it goes up out of the "
        "nl/ folder ('../'), where there are no pages. Did you mean mo.md? Check the file "
        "name; links point to the .md file, relative to this page."
    ) in lines


def test_missing_anchor_lists_the_existing_ones(project, capsys):
    add_line(project, "en/index.md", "See [your language](mo.md#in-je-eigen-taal).")
    assert project.run("check") == 1
    assert (
        "error: content/en/index.md:11: link to mo.md#in-je-eigen-taal: mo.md has no heading "
        "with the anchor '#in-je-eigen-taal'. Anchors are made from the heading text; existing "
        "ones: #in-your-own-language, #mo-course."
    ) in findings(capsys)


def test_anchor_on_the_same_page(project, capsys):
    add_line(project, "nl/mo.md", "Naar [boven](#cursus-mo) en [nergens](#nergens).")
    assert project.run("check") == 1
    lines = findings(capsys)
    assert not [line for line in lines if "#cursus-mo:" in line]
    assert (
        "error: content/nl/mo.md:12: link to #nergens: this page has no heading with the "
        "anchor '#nergens'. Anchors are made from the heading text; existing ones: "
        "#cursus-mo, #in-je-eigen-taal."
    ) in lines


def test_link_to_an_untranslated_page_is_a_fallback_notice(project, capsys):
    assert project.run("check", "--notices") == 0
    assert (
        "notice: content/ps/index.md:9: link to mo.md: there is no Pashto page ps/mo.md yet, "
        "so readers get the Dutch page (fallback). Nothing to fix now; translate mo.md when "
        "you can."
    ) in findings(capsys)


def test_notices_are_hidden_unless_asked(project, capsys):
    assert project.run("check") == 0
    err = capsys.readouterr().err
    assert "notice:" not in err
    assert err.splitlines()[-1] == (
        "content: 0 error(s), 0 warning(s), 3 notice(s) in 4 languages "
        "(--notices shows the notices)."
    )


def test_web_address_and_absolute_links_are_warnings(project, capsys):
    add_line(project, "nl/index.md", "Zie [MO](mo/) en [kosten](/kosten/).")
    assert project.run("check") == 0
    lines = findings(capsys)
    assert (
        "warning: content/nl/index.md:10: link to mo/: link to the Markdown file (mo.md), not "
        "to the web address, so that the build can check it."
    ) in lines
    assert (
        "warning: content/nl/index.md:10: link to /kosten/ starts with '/': link to the "
        "Markdown file relative to this page (for example 'mo.md'), so that it works in every "
        "language."
    ) in lines


def test_heading_without_meaningful_anchor(project, capsys):
    add_line(project, "nl/mo.md", "## ???\n\nTekst.")
    assert project.run("check") == 0
    assert (
        "warning: content/nl/mo.md:12: the heading '???' gets the anchor '#_1', which says "
        "nothing to readers who share a link: give it one with '{#a-short-name}' at the end "
        "of the heading line."
    ) in findings(capsys)
    add_line(project, "nl/mo.md", "## !!! {#uitroep}")
    assert project.run("check") == 0
    assert not [line for line in findings(capsys) if "'!!!'" in line]


def test_links_in_code_are_not_checked(project, capsys):
    add_line(
        project, "nl/mo.md", "```\n[voorbeeld](bestaat-niet.md)\n```\n\nOf `[zo](ook-niet.md)`."
    )
    assert project.run("check") == 0
    assert not re.search("bestaat-niet|ook-niet", capsys.readouterr().err)


def test_anchor_on_a_fallback_page_is_checked_against_the_dutch_headings(project, capsys):
    add_line(project, "ps/index.md", "[a](mo.md#in-je-eigen-taal) [b](mo.md#in-your-own-language)")
    assert project.run("check", "--notices") == 1
    lines = findings(capsys)
    assert (
        "error: content/ps/index.md:11: link to mo.md#in-your-own-language: nl/mo.md has no "
        "heading with the anchor '#in-your-own-language'. Anchors are made from the heading "
        "text; existing ones: #cursus-mo, #in-je-eigen-taal."
    ) in lines
    assert [line.split(":")[0] for line in lines if "#in-je-eigen-taal:" in line] == ["notice"]


def test_links_in_admonitions_tables_and_references_are_checked_but_not_in_comments(
    project, capsys
):
    add_line(
        project,
        "nl/mo.md",
        '!!! note "Let op"\n    Zie [a](weg-a.md).\n\n| Wat | Waar |\n|---|---|\n'
        "| Kosten | [b](weg-b.md) |\n\nZie [c][ref].\n\n[ref]: weg-c.md\n\n"
        "<!-- [d](weg-d.md) -->",
    )
    assert project.run("check") == 1
    nowhere = [line for line in findings(capsys) if "leads nowhere" in line]
    assert [line.split(": link to ")[0] for line in nowhere] == [
        "error: content/nl/mo.md:13",
        "error: content/nl/mo.md:17",
        "error: content/nl/mo.md:19",
    ]
    assert [line.split(": link to ")[1].split(" ")[0] for line in nowhere] == [
        "weg-a.md",
        "weg-b.md",
        "weg-c.md",
    ]


@pytest.mark.parametrize(
    ("rel", "url", "instead"),
    [
        ("nl/index.md", "http://127.0.0.1:8000/mo/", "link to the page file instead, e.g. mo.md"),
        (
            "nl/index.md",
            "http://localhost:8001/kosten/#x",
            "link to the page file instead, e.g. kosten.md#x",
        ),
        (
            "nl/index.md",
            "http://127.0.0.1:8000/ar/mo/#in-je-eigen-taal",
            "link to the page file instead, e.g. mo.md#in-je-eigen-taal (the address is of the "
            "Arabic page; a link here cannot lead to another language's page: readers get the "
            "Dutch page)",
        ),
        ("ar/mo.md", "http://0.0.0.0:8000/ar/", "link to the page file instead, e.g. index.md"),
        ("en/index.md", "http://[::1]:8000/en/mo/", "link to the page file instead, e.g. mo.md"),
        (
            "nl/feedback/x.md",
            "https://127.0.0.2/mo/",
            "link to the page file instead, e.g. ../mo.md",
        ),
        (
            "nl/index.md",
            "http://localhost/nergens/",
            "link to the page's .md file instead, relative to this page (for example 'mo.md')",
        ),
    ],
)
def test_a_link_to_the_local_preview_is_an_error(project, capsys, rel, url, instead):
    if not project.page(rel).exists():
        project.write(rel, "---\ntitle: X\ndescription: X.\n---\n\n# X\n")
    page = project.page(rel)
    line = page.read_text(encoding="utf-8").count("\n") + 2
    add_line(project, rel, f"Zie [de intake]({url}).")
    assert project.run("check") == 1
    assert (
        f"error: content/{rel}:{line}: link to {url}: this link points to the preview on your "
        f"own computer, which readers cannot open; {instead}."
    ) in findings(capsys)


def test_a_link_to_another_site_is_not_a_preview_link(project, capsys):
    add_line(
        project, "nl/index.md", "Zie [de VDAB](https://www.vdab.be/) en [x](http://10.0.0.1/)."
    )
    assert project.run("check") == 0
    assert "preview" not in capsys.readouterr().err


def test_links_name_the_source_language_by_its_constant():
    import inspect

    import sitegen.checks.links as links

    assert '"nl"' not in inspect.getsource(links)
