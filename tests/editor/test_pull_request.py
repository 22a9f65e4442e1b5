"""check --format github in a pull request: its own lines first, then what it caused, then the rest.

A real git repository: a base branch with old findings, a pull request branch that
changes a Dutch page (making a translation outdated) and breaks a link.
"""

from __future__ import annotations

import re

import pytest

from tests.editor.test_translations import edit, git

LONG = (
    "Wie een contract tekende voor de eerste dag van september van het jaar tweeduizend "
    "drieëntwintig betaalt voor de cursus en de test samen minder dan wie later tekende."
)


@pytest.fixture
def pull_request(project):
    """main: ar/mo.md already outdated, a long sentence in nl/kosten.md; the pull request:
    a sentence more in nl/mo.md (committed) and a broken link in en/index.md (not yet)."""
    edit(project.page("ar/mo.md"), "source_hash: ", "source_hash: aaaaaaaaaaaa\n# was: ")
    edit(project.page("nl/kosten.md"), "Deze pagina", f"{LONG} Deze pagina")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "base")
    git(project, "checkout", "-q", "-b", "change")
    mo = project.page("nl/mo.md")
    mo.write_text(mo.read_text(encoding="utf-8") + "\nJe leert over werk en wonen.\n", "utf-8")
    git(project, "commit", "-q", "-am", "mo: werk en wonen")
    index = project.page("en/index.md")
    index.write_text(index.read_text(encoding="utf-8") + "\n[Old](oud.md)\n", "utf-8")
    return project


def annotations(out: str) -> list[tuple[str, str, str]]:
    """(level, file:line, message start) of each annotation, in order."""
    found = re.findall(r"^::(\w+) file=([^,]+),line=(\d+),title=[^:]+::(.{0,30})", out, re.M)
    return [(level, f"{path}:{line}", text) for level, path, line, text in found]


def test_the_pull_requests_own_lines_come_first(pull_request, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)
    summary = tmp_path / "summary.md"
    assert pull_request.run("check", "--format", "github", "--base", "main",
                            "--summary", str(summary)) == 1  # fmt: skip
    out = capsys.readouterr().out
    found = annotations(out)
    assert found[:2] == [
        ("error", "content/en/index.md:11", "link to oud.md leads nowhere: "),
        ("warning", "content/nl/mo.md:11", "this change makes 1 translatio"),
    ]  # fmt: skip
    assert (
        "::warning file=content/nl/mo.md,line=11,title=translations::this change makes 1 "
        "translation(s) outdated: content/en/mo.md. Readers of them are told they may be out "
        "of date. Update each and stamp it ('build.py stamp content/<language>/mo.md'); if the "
        "change is a typo fix, run 'build.py stamp --minor content/nl/mo.md' instead.\n"
    ) in out
    # Then what the pull request did not cause: ar/mo.md was outdated before it, and the
    # long sentence of nl/kosten.md was there before it.
    rest = found[2:]
    assert {where for _, where, _ in rest} == {"content/nl/kosten.md:8", "content/ar/mo.md:4"}
    assert all(level == "warning" for level, _, _ in rest)
    assert "content/en/mo.md" not in {where.split(":")[0] for _, where, _ in found[2:]}

    table = summary.read_text(encoding="utf-8")
    assert table.startswith("## Content checks\n\n1 error(s), 3 warning(s), 3 notice(s) in 4")
    mine, caused, elsewhere = re.split(r"\n### ", table)[1:]
    assert mine.startswith("On the lines this pull request changed (compared with main)")
    assert "| error | `content/en/index.md:11` | links | link to oud.md leads nowhere" in mine
    assert "`content/nl/mo.md:11` | translations | this change makes 1" in caused
    assert elsewhere.startswith("On lines this pull request did not change\n")
    assert "`content/ar/mo.md:4` | translations | outdated:" in elsewhere
    assert "| notice |" in elsewhere  # the full table: notices too


def test_the_base_and_the_summary_come_from_github(pull_request, tmp_path, capsys, monkeypatch):
    summary = tmp_path / "step-summary.md"
    summary.write_text("## Earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_BASE_REF", "main")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert pull_request.run("check", "--format", "github") == 1
    assert annotations(capsys.readouterr().out)[1][1] == "content/nl/mo.md:11"
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Earlier step\n## Content checks\n")  # appended, as GitHub wants


def test_a_base_git_does_not_know(pull_request, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert pull_request.run("check", "--format", "github", "--base", "mian") == 1
    assert capsys.readouterr().err == (
        "build.py check: git knows no branch or commit 'mian' here, so the changed lines are "
        "unknown. Fetch it (in a workflow: actions/checkout with fetch-depth: 0), or name "
        "another with --base.\n"
    )
    # From GITHUB_BASE_REF (a shallow checkout): a warning, then every finding, errors first.
    monkeypatch.setenv("GITHUB_BASE_REF", "mian")
    assert pull_request.run("check", "--format", "github") == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("::warning title=check::git knows no branch or commit 'mian'")
    assert out[1].startswith("::error file=content/en/index.md,line=11")
    warned = [line.split(",")[0] for line in out if line.startswith("::warning file=")]
    assert warned == [  # nothing gathered, in file order
        "::warning file=content/nl/kosten.md",
        "::warning file=content/en/mo.md",
        "::warning file=content/ar/mo.md",
    ]


def test_a_new_page_with_a_name_beyond_ascii_is_the_pull_requests_own(pull_request, capsys):
    page = "---\ntitle: Oriëntatie\ndescription: Nieuw.\n---\n\n# Oriëntatie\n\n[Weg](weg.md)\n"
    pull_request.write("nl/oriëntatie.md", page)
    git(pull_request, "add", "content/nl/oriëntatie.md")
    git(pull_request, "commit", "-q", "-m", "nieuwe pagina")
    assert pull_request.run("check", "--format", "github", "--base", "main") == 1
    found = annotations(capsys.readouterr().out)
    assert [where for level, where, _ in found if level == "error"] == [
        "content/nl/oriëntatie.md:8",
        "content/en/index.md:11",
    ]
    assert found.index(("error", "content/en/index.md:11", "link to oud.md leads nowhere: ")) < (
        next(i for i, (_, where, _) in enumerate(found) if where == "content/nl/kosten.md:8")
    )


def test_a_long_sentence_on_a_changed_line_is_the_pull_requests_own(pull_request, capsys):
    # nl/kosten.md line 8: the long sentence of main; a second line of that paragraph now
    # gets a long sentence of its own.
    page = pull_request.page("nl/kosten.md")
    text = page.read_text(encoding="utf-8")
    page.write_text(text.rstrip("\n") + f"\n{LONG.replace('eerste', 'tweede')}\n", "utf-8")
    assert pull_request.run("check", "--format", "github", "--base", "main") == 1
    found = annotations(capsys.readouterr().out)
    warnings = [where for level, where, text in found if text.startswith("sentence of")]
    assert warnings == ["content/nl/kosten.md:9", "content/nl/kosten.md:8"]
    # The pull request's own warning comes before those on lines it did not change.
    order = [where for _, where, _ in found]
    assert order.index("content/nl/kosten.md:9") < order.index("content/nl/mo.md:11")


def summary_of(project, tmp_path, *args: str) -> str:
    summary = tmp_path / "summary.md"
    summary.unlink(missing_ok=True)
    project.run("check", "--format", "github", *args, "--summary", str(summary))
    return summary.read_text(encoding="utf-8")


def test_the_base_is_the_ref_the_editor_named(pull_request, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)
    # A remote's HEAD at main, as in a clone: --base HEAD still means this HEAD, so only the
    # change not committed yet (the broken link) is the pull request's own.
    git(pull_request, "update-ref", "refs/remotes/origin/HEAD", "main")
    table = summary_of(pull_request, tmp_path, "--base", "HEAD")
    mine = table.split("\n### ")[1]
    assert mine.startswith("On the lines this pull request changed (compared with HEAD)")
    assert "content/en/index.md:11" in mine
    assert "content/nl/mo.md" not in mine
    # A branch git knows only on the remote: the summary says which ref was compared.
    git(pull_request, "update-ref", "refs/remotes/origin/release", "main")
    table = summary_of(pull_request, tmp_path, "--base", "release")
    mine = table.split("\n### ")[1]
    assert mine.startswith("On the lines this pull request changed (compared with origin/release)")
    assert "content/nl/mo.md:11" in table.split("\n### ")[2]
