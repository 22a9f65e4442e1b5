"""build.py check --format github|json, and build.py status."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from sitegen.checks.findings import Finding
from sitegen.checks.report import as_github
from tests.site.conftest import ROOT


def break_pages(project) -> None:
    """One error (a broken link) and one warning (an outdated translation)."""
    page = project.page("en/index.md")
    page.write_text(page.read_text(encoding="utf-8") + "\n[Old](oud.md)\n", encoding="utf-8")
    dutch = project.page("nl/mo.md")
    dutch.write_text(dutch.read_text(encoding="utf-8") + "\nNieuw.\n", encoding="utf-8")


def test_github_annotations(project, capsys):
    break_pages(project)
    assert project.run("check", "--format", "github") == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "::error file=content/en/index.md,line=11,title=links::link to oud.md leads nowhere: "
        "there is no en/oud.md (and no Dutch nl/oud.md). Check the file name; links point to "
        "the .md file, relative to this page."
    )
    assert out[1].startswith(
        "::warning file=content/en/mo.md,line=4,title=translations::outdated: the Dutch page"
    )
    assert out[-1] == (
        "content: 1 error(s), 2 warning(s), 3 notice(s) in 4 languages "
        "(--notices shows the notices)."
    )


def test_github_escapes_what_would_break_an_annotation():
    finding = Finding("content/a,b.md", 2, "50% done:\nnext", "notice", "links")
    assert (
        as_github(finding)
        == "::notice file=content/a%2Cb.md,line=2,title=links::50%25 done:%0Anext"
    )


def test_json_for_tools(project, capsys):
    break_pages(project)
    assert project.run("check", "--format", "json") == 1
    report = json.loads(capsys.readouterr().out)
    assert report["counts"] == {"error": 1, "warning": 2, "notice": 3}
    # In file and line order, notices included.
    assert [f["level"] for f in report["findings"]][:2] == ["notice", "error"]
    assert report["findings"][1] == {
        "file": "content/en/index.md",
        "line": 11,
        "level": "error",
        "check": "links",
        "message": "link to oud.md leads nowhere: there is no en/oud.md (and no Dutch "
        "nl/oud.md). Check the file name; links point to the .md file, relative to this page.",
    }
    assert {f["check"] for f in report["findings"]} == {"links", "translations"}


def test_status_table(project, capsys):
    dutch = project.page("nl/mo.md")
    dutch.write_text(dutch.read_text(encoding="utf-8") + "\nNieuw.\n", encoding="utf-8")
    project.run("stamp", "content/ar/mo.md")
    capsys.readouterr()
    assert project.run("status") == 0
    assert capsys.readouterr().out == (
        "page       nl      en          ar          ps\n"
        "index.md   source  up to date  up to date  up to date\n"
        "kosten.md  source  missing     missing     missing\n"
        "mo.md      source  outdated    up to date  missing\n"
        "complete   100%    33%         67%         33%\n"
        "\n"
        "up to date: translated from the current Dutch page; outdated: the Dutch page changed "
        "after the translation was made; never stamped: nobody recorded which Dutch version it "
        "translates (run build.py stamp once it matches); missing: readers get the Dutch page "
        "(fallback). Complete: pages up to date.\n"
        "\n"
        "review     nl      en            ar            ps\n"
        "index.md   source  not reviewed  not reviewed  not reviewed\n"
        "kosten.md  source  -             -             -\n"
        "mo.md      source  not reviewed  not reviewed  -\n"
        "reviewed   -       0%            0%            0%\n"
        "\n"
        "reviewed: a native speaker checked it against the current Dutch page (build.py review); "
        "review outdated: checked against an earlier Dutch text; not reviewed: nobody has checked "
        "it yet, and readers are told so. Reviewed: pages reviewed against the current Dutch "
        "page.\n"
    )


def test_output_into_a_closed_pipe_ends_quietly(project):
    """build.py status | head: the reader goes away; no BrokenPipeError traceback."""
    command = [sys.executable, str(ROOT / "build.py"), "status", *project.options()]
    for _ in range(3):  # the reader may go before or after the first write
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert child.stdout is not None and child.stderr is not None
        child.stdout.close()
        err = child.stderr.read().decode()
        child.wait(timeout=60)
        assert "Traceback" not in err and "BrokenPipeError" not in err, err
        assert err == ""


def test_a_broken_pipe_in_a_command_is_a_quiet_exit(project, capsys, monkeypatch):
    class Gone(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", Gone())
    assert project.run("status") == 1
    assert capsys.readouterr().err == ""


def test_a_summary_file_of_ones_own_is_written_afresh(project, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    break_pages(project)
    summary = project.root / "summary.md"
    for _ in range(2):
        assert project.run("check", "--format", "github", "--summary", "summary.md") == 1
    assert summary.read_text(encoding="utf-8").count("## Content checks") == 1
    # GitHub's job summary file is appended to: other steps write to it too.
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert project.run("check", "--format", "github") == 1
    assert summary.read_text(encoding="utf-8").count("## Content checks") == 2
