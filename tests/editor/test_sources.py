"""Sources: pages name sources by id; ids must exist; numbers on Dutch pages need a source."""

from __future__ import annotations

import json

import pytest

from sitegen.checks.sources import normalise, numbers_in
from tests.editor.conftest import page_text
from tests.site.conftest import ROOT

SOURCES = """\
sources:
  - id: agii-verplichting
    title: Wat houdt de verplichting in?
    url: https://www.agii.be/thema/inburgering
    facts:
      - "Register within 3 months of the registered letter."
      - Prove oral B1 within 24 months of the attest.
  - id: vvsg-kosten
    title: Inburgering betalend
    url: https://www.vvsg.be/nieuws/inburgering
    date: 7 June 2023
    facts:
      - For contracts from 1 September 2023 the MO course and test cost at most €180.
      - Fines go up to €5,000.
"""


@pytest.fixture
def sourced(project):
    """The fixture project with a sources list (and its readable copy written)."""
    (project.root / "docs").mkdir()
    (project.root / "docs" / "sources.yml").write_text(SOURCES, encoding="utf-8")
    for rel in ("nl/index.md", "nl/mo.md", "nl/kosten.md"):
        page = project.page(rel)
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("---\n", "---\nsources: []\n", 1), encoding="utf-8")
    assert project.run("sources") == 0
    return project


def source_findings(capsys) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines() if "sources" in line]


def check_json(project, capsys) -> list[dict]:
    capsys.readouterr()
    project.run("check", "--format", "json")
    found = json.loads(capsys.readouterr().out)["findings"]
    return [f for f in found if f["check"] == "sources"]


def test_a_page_whose_numbers_its_sources_state_passes(sourced, capsys):
    sourced.write(
        "nl/termijn.md",
        page_text(
            "Termijn",
            "Je schrijft je in binnen 3 maanden.\n\n1. Na je attest heb je 24 maanden tijd.",
            "sources: [agii-verplichting]\n",
        ),
    )
    assert sourced.run("check") == 0
    assert source_findings(capsys) == []


def test_an_unknown_source_id_is_an_error_naming_the_line(sourced, capsys):
    sourced.write(
        "nl/termijn.md",
        "---\ntitle: Termijn\ndescription: Een test.\nsources:\n  - vvsg-kosten\n"
        "  - agii-verplichtng\n---\n\n# Termijn\n\nKort.\n",
    )
    assert sourced.run("check") == 1
    assert (
        "error: content/nl/termijn.md:6: 'agii-verplichtng' is not a source in "
        "docs/sources.yml. Did you mean 'agii-verplichting'? Fix the id, or add the source to "
        "docs/sources.yml with its address and the facts it states."
    ) in source_findings(capsys)


def test_an_unknown_id_in_a_translation_is_an_error_too(sourced, capsys):
    page = sourced.page("en/mo.md")
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("---\n", "---\nsources: [nope]\n", 1), encoding="utf-8")
    assert sourced.run("check") == 1
    assert any(
        line.startswith("error: content/en/mo.md:2: 'nope' is not a source")
        for line in source_findings(capsys)
    )


def test_a_number_no_source_states_is_a_warning(sourced, capsys):
    sourced.write(
        "nl/termijn.md",
        page_text(
            "Termijn",
            "Je hebt 3 maanden tijd.\n\nDe boete is minstens 50 euro. Soms 50 euro of 5.000 "
            "euro.\n\nLees [kosten](kosten.md#kosten). Zie https://example.org/2024/.",
            "sources: [agii-verplichting, vvsg-kosten]\n",
        ),
    )
    assert sourced.run("check") == 0  # warnings do not fail
    found = source_findings(capsys)
    assert found == [
        "warning: content/nl/termijn.md:11: the number 50 is in none of the facts of this "
        "page's sources (agii-verplichting, vvsg-kosten). Add the id of the source that states "
        "it to 'sources:' in the front matter, or add the fact and its address to "
        "docs/sources.yml. If no source confirms it, take the number out of the page."
    ]  # 3 and 5.000 (written 5,000 in the source) are backed; link targets are not text


def test_numbers_in_the_title_and_description_count(sourced, capsys):
    text = page_text("Binnen 60 dagen", "Kort.", "sources: [agii-verplichting]\n")
    sourced.write("nl/werk.md", text.replace("A test page.", "Schrijf je in binnen 60 dagen."))
    findings = check_json(sourced, capsys)
    assert [(f["file"], f["line"], f["level"]) for f in findings] == [
        ("content/nl/werk.md", 2, "warning")
    ]
    assert findings[0]["message"].startswith("the number 60 (also line 3, 7) is in none")


def test_a_dutch_page_without_sources_is_told_to_name_them(sourced, capsys):
    sourced.write("nl/termijn.md", page_text("Termijn", "Je hebt 3 maanden tijd."))
    findings = check_json(sourced, capsys)
    assert [(f["line"], f["message"][:40]) for f in findings] == [
        (1, "the page names no sources: add 'sources:"),
        (8, "the number 3 is in none of the facts of "),
    ]


def test_translations_are_not_checked_for_numbers(sourced, capsys):
    sourced.write("nl/termijn.md", page_text("Termijn", "Kort.", "sources: []\n"))
    sourced.write("en/termijn.md", page_text("Deadline", "You have 7 months."))
    assert [f for f in check_json(sourced, capsys) if "en/" in f["file"]] == []


def test_sources_must_be_a_list_of_ids(sourced, capsys):
    sourced.write("nl/termijn.md", page_text("Termijn", "Kort.", "sources: vvsg-kosten\n"))
    assert sourced.run("check") == 1
    assert (
        "error: content/nl/termijn.md:4: 'sources' must be a list of ids in square brackets, "
        "such as 'sources: [agii-verplichting, vvsg-kosten]'."
    ) in capsys.readouterr().err.splitlines()


def test_a_broken_sources_list_is_reported_on_its_lines(sourced, capsys):
    broken = SOURCES.replace("    url: https://www.vvsg.be/nieuws/inburgering\n", "")
    broken = broken.replace("  - id: vvsg-kosten", "  - id: agii-verplichting", 1)
    broken += "  - id: geen-feiten\n    url: https://example.org/\n"
    (sourced.root / "docs" / "sources.yml").write_text(broken, encoding="utf-8")
    assert sourced.run("check") == 1
    found = [line for line in source_findings(capsys) if "docs/sources.yml" in line]
    assert found == [
        "error: docs/sources.yml:8: the id 'agii-verplichting' is used twice (also line 2): "
        "rename one.",
        "error: docs/sources.yml:14: the source 'geen-feiten' has no facts: add 'facts:' with "
        "one line of text per fact the source states (the numbers on the pages are checked "
        "against them).",
    ]


def test_an_unquoted_fact_with_a_colon_is_explained(sourced, capsys):
    bad = SOURCES.replace('"Register within 3 months of the registered letter."', "Note: 3")
    (sourced.root / "docs" / "sources.yml").write_text(bad, encoding="utf-8")
    assert sourced.run("check") == 1
    assert any(
        "a fact of the source 'agii-verplichting' is not one line of text: put the fact in "
        "double quotes" in line
        for line in source_findings(capsys)
    )


def test_the_readable_list_must_match(sourced, capsys):
    readable = sourced.root / "docs" / "sources.md"
    readable.write_text("# Old list\n", encoding="utf-8")
    findings = check_json(sourced, capsys)
    assert [(f["file"], f["level"]) for f in findings] == [("docs/sources.md", "warning")]
    assert "run 'build.py sources'" in findings[0]["message"]
    assert sourced.run("sources") == 0
    assert "vvsg-kosten" in readable.read_text(encoding="utf-8")
    assert "https://www.vvsg.be/nieuws/inburgering" in readable.read_text(encoding="utf-8")
    assert check_json(sourced, capsys) == []


def test_naming_sources_without_a_sources_list_is_an_error(project, capsys):
    project.write("nl/termijn.md", page_text("Termijn", "Kort.", "sources: [x]\n"))
    assert project.run("check") == 1
    assert (
        "error: content/nl/termijn.md:4: the page names sources, but there is no sources list "
        "docs/sources.yml in this project: add it (see CONTRIBUTING.md, 'Sources')."
    ) in capsys.readouterr().err.splitlines()


def test_numbers_are_read_as_readers_read_them():
    assert numbers_in("A2, B1 en 60 uur; €180; 5.000 euro; WCAG 2.1; 1 sep 2023.") == [
        "60",
        "180",
        "5000",
        "2.1",
        "1",
        "2023",
    ]
    assert normalise("5,000") == normalise("5.000") == "5000"


def test_the_real_sources_list_and_pages_have_no_source_errors(capsys):
    import build

    build.main(["check", "--format", "json", "--config", str(ROOT / "mkdocs.yml")])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [f for f in findings if f["check"] == "sources" and f["level"] == "error"] == []
    assert (ROOT / "docs" / "sources.yml").is_file()
