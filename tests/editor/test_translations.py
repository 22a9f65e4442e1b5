"""Translation freshness: outdated when the Dutch page changes, up to date after a stamp."""

from __future__ import annotations

import subprocess

import pytest

from sitegen.freshness import changed_on, source_hash
from tests.editor.conftest import page_text


def findings(capsys) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines() if "content/" in line]


def edit(path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def dutch_hash(project, rel: str) -> str:
    return source_hash(project.page(f"nl/{rel}").read_text(encoding="utf-8"))


def test_stamped_translations_pass(project, capsys):
    assert project.run("check") == 0
    assert findings(capsys) == []


def test_translation_without_dutch_original(project, capsys):
    project.write("en/extra.md", page_text("Extra", "An orphan."))
    assert project.run("check") == 1
    assert (
        "error: content/en/extra.md:1: there is no Dutch page nl/extra.md: a translation must "
        "have the same path as its Dutch original. Rename the file or add the Dutch page first."
    ) in findings(capsys)


def test_dutch_change_makes_translations_outdated_until_stamped(project, capsys):
    edit(project.page("nl/mo.md"), "De cursus is in je eigen taal.", "De cursus is in jouw taal.")
    assert project.run("check") == 0  # warnings do not fail
    lines = findings(capsys)
    assert (
        "warning: content/en/mo.md:4: outdated: the Dutch page nl/mo.md changed after this "
        "translation was made; readers see a notice that it may be out of date. See what "
        "changed ('git diff content/nl/mo.md' shows what is not committed yet, 'git log -p "
        "content/nl/mo.md' what is), update the translation, then run 'build.py stamp "
        "content/en/mo.md'."
    ) in lines
    assert any(line.startswith("warning: content/ar/mo.md:4: outdated:") for line in lines)
    assert project.run("stamp", "content/en/mo.md") == 0
    assert capsys.readouterr().out == (
        f"content/en/mo.md: marked up to date (source_hash {dutch_hash(project, 'mo.md')})\n"
    )
    assert project.run("check") == 0
    assert [line.split(":")[1] for line in findings(capsys)] == [" content/ar/mo.md"]


def test_what_is_hashed(project, capsys):
    before = dutch_hash(project, "mo.md")
    # The translation's own front matter does not count, nor do spaces at line ends.
    edit(project.page("en/mo.md"), "MO course\n", "The MO course\n")  # title and heading
    edit(project.page("nl/mo.md"), "Cursus MO\n", "Cursus MO   \n")
    assert dutch_hash(project, "mo.md") == before
    assert project.run("check") == 0
    assert findings(capsys) == []
    # The Dutch description does.
    edit(project.page("nl/mo.md"), "description: Over", "description: Alles over")
    assert dutch_hash(project, "mo.md") != before


def test_stamp_changes_only_the_hash_line(project, capsys):
    page = project.page("en/mo.md")
    original = page.read_bytes()
    edit(project.page("nl/mo.md"), "Terug naar", "Ga terug naar")
    assert project.run("stamp", "content/en/mo.md") == 0
    new = page.read_bytes()
    old_lines, new_lines = original.split(b"\n"), new.split(b"\n")
    assert len(old_lines) == len(new_lines)
    changed = [n for n, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b]
    assert changed == [3]
    assert new_lines[3] == f"source_hash: {dutch_hash(project, 'mo.md')}".encode()


def test_stamp_adds_the_line_and_keeps_crlf(project, capsys):
    text = "---\r\ntitle: Extra\r\ndescription: An extra page.\r\n---\r\n\r\n# Extra\r\n"
    project.write("nl/extra.md", page_text("Extra", "Een pagina."))
    page = project.page("en/extra.md")
    page.write_bytes(text.encode())
    assert project.run("stamp", str(page)) == 0
    value = dutch_hash(project, "extra.md")
    assert (
        page.read_bytes()
        == text.replace("\r\n---\r\n", f"\r\nsource_hash: {value}\r\n---\r\n").encode()
    )


def test_stamp_refuses_a_dutch_page(project, capsys):
    assert project.run("stamp", "content/nl/mo.md") == 1
    assert capsys.readouterr().err == (
        "build.py stamp: content/nl/mo.md is a Dutch page, the source of the translations: "
        "stamp translations (content/<language>/mo.md). After a small change that needs no new "
        "translation, run 'build.py stamp --minor content/nl/mo.md'.\n"
    )


def git(project, *args: str, date: str = "2026-02-01T10:00:00+00:00") -> None:
    env = {
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "PATH": "/usr/bin:/bin:/usr/local/bin",
    }
    subprocess.run(["git", *args], cwd=project.root, env=env, check=True, capture_output=True)


def test_minor_change_keeps_up_to_date_translations_up_to_date(project, capsys):
    git(project, "init", "-q")
    # ar/mo.md was already outdated before the typo fix; en/mo.md was up to date.
    edit(
        project.page("ar/mo.md"),
        f"source_hash: {dutch_hash(project, 'mo.md')}",
        "source_hash: aaaaaaaaaaaa",
    )
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "content")
    edit(project.page("nl/mo.md"), "eigen taal.", "eigen taal!")  # a small change
    capsys.readouterr()
    assert project.run("stamp", "--minor", "content/nl/mo.md") == 0
    assert capsys.readouterr().out == (
        f"content/en/mo.md: still up to date (source_hash {dutch_hash(project, 'mo.md')})\n"
        "content/ar/mo.md: was already outdated before this change; update it, then stamp it\n"
    )
    assert project.run("check") == 0
    assert [line.split(":")[1] for line in findings(capsys)] == [" content/ar/mo.md"]
    # Committed, the change still counts as the one before: --minor works after a commit too.
    git(project, "commit", "-q", "-am", "typo", date="2026-02-02T10:00:00+00:00")
    assert project.run("stamp", "--minor", "content/nl/mo.md") == 0
    assert "content/en/mo.md: already up to date" in capsys.readouterr().out
    assert changed_on(project.page("nl/mo.md")) == "2026-02-02"


def test_minor_change_without_history_is_explained(project, capsys):
    assert project.run("stamp", "--minor", "content/nl/mo.md") == 1
    assert capsys.readouterr().err == (
        "build.py stamp: content/nl/mo.md: git knows no earlier version of this page with other "
        "text, so it is unclear which translations were up to date before your change. Stamp "
        "each translation you checked with 'build.py stamp content/<language>/mo.md'.\n"
    )


def test_changed_on_uses_the_file_time_outside_git(project):
    project.set_changed("nl/mo.md")
    assert changed_on(project.page("nl/mo.md")) == "2026-03-14"


def test_a_glob_with_the_dutch_page_stamps_the_translations(project, capsys):
    edit(project.page("nl/mo.md"), "De cursus is in je eigen taal.", "De cursus is in jouw taal.")
    names = ["content/ar/mo.md", "content/en/mo.md", "content/nl/mo.md"]  # content/*/mo.md
    assert project.run("stamp", *names) == 0
    out, err = capsys.readouterr()
    value = dutch_hash(project, "mo.md")
    assert out == (
        f"content/ar/mo.md: marked up to date (source_hash {value})\n"
        f"content/en/mo.md: marked up to date (source_hash {value})\n"
    )
    assert err == (
        "notice: content/nl/mo.md skipped: a Dutch page is the source of the translations, "
        "stamp is for translations.\n"
    )


def test_stamp_changes_nothing_when_one_page_is_refused(project, capsys):
    edit(project.page("nl/mo.md"), "De cursus is in je eigen taal.", "De cursus is in jouw taal.")
    before = project.page("ar/mo.md").read_bytes()
    assert project.run("stamp", "content/ar/mo.md", "content/en/nieuw.md") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "build.py stamp: content/en/nieuw.md: no such file. Nothing was stamped.\n"
    assert project.page("ar/mo.md").read_bytes() == before


def test_stamp_refuses_when_the_dutch_page_has_a_front_matter_error(project, capsys):
    edit(project.page("nl/mo.md"), "\ndescription:", "\n  description:")
    before = project.page("ar/mo.md").read_bytes()
    assert project.run("stamp", "content/ar/mo.md") == 1
    assert capsys.readouterr().err == (
        "build.py stamp: content/ar/mo.md: its Dutch page has an error in its front matter, "
        "content/nl/mo.md:3: line 3 is indented (or starts with a tab): start every key at the "
        "beginning of the line ('description: ...'). Fix the Dutch page first (build.py check "
        "shows every error), then stamp the translation.\n"
    )
    assert project.page("ar/mo.md").read_bytes() == before


def test_minor_with_several_pages_stamps_all_or_nothing(project, capsys):
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "content")
    edit(project.page("nl/mo.md"), "eigen taal.", "eigen taal!")  # punctuation: small
    edit(project.page("nl/index.md"), "Lees eerst", "Lees eerst rustig")  # a word more
    before = {rel: project.page(rel).read_bytes() for rel in ("en/mo.md", "ar/mo.md")}
    capsys.readouterr()
    assert project.run("stamp", "--minor", "content/nl/mo.md", "content/nl/index.md") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("build.py stamp: content/nl/index.md: this is not a small change")
    assert err.count("Nothing was stamped.") == 1
    assert {rel: project.page(rel).read_bytes() for rel in before} == before
    # With the word removed again, both pages are done, and every line is printed.
    edit(project.page("nl/index.md"), "Lees eerst rustig", "Lees eerst")
    assert project.run("stamp", "--minor", "content/nl/mo.md") == 0
    assert capsys.readouterr().out.count("still up to date") == 2


def test_a_translation_not_saved_as_utf8_is_named_and_nothing_is_stamped(project, capsys):
    edit(project.page("nl/mo.md"), "De cursus is in je eigen taal.", "De cursus is in jouw taal.")
    with project.page("en/mo.md").open("ab") as file:
        file.write(b"Caf\xe9\n")  # saved as Latin-1
    before = project.page("ar/mo.md").read_bytes()
    names = ["content/ar/mo.md", "content/en/mo.md", "content/nl/mo.md"]
    assert project.run("stamp", *names) == 1
    assert capsys.readouterr().err.endswith(
        "build.py stamp: content/en/mo.md is not saved as UTF-8: save it as UTF-8 and run "
        "again. Nothing was stamped.\n"
    )
    assert project.page("ar/mo.md").read_bytes() == before
    assert project.run("review", "content/en/mo.md", "--role", "tolk") == 1
    assert capsys.readouterr().err == (
        "build.py review: content/en/mo.md is not saved as UTF-8: save it as UTF-8 and run again.\n"
    )


def test_minor_names_a_translation_not_saved_as_utf8(project, capsys):
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "content")
    edit(project.page("nl/mo.md"), "eigen taal.", "eigen taal!")
    with project.page("en/mo.md").open("ab") as file:
        file.write(b"Caf\xe9\n")
    assert project.run("stamp", "--minor", "content/nl/mo.md") == 1
    assert capsys.readouterr().err == (
        "build.py stamp: content/en/mo.md is not saved as UTF-8: save it as UTF-8 and run again.\n"
    )


def test_stamp_gives_every_byte_back_whatever_goes_wrong(project, capsys, monkeypatch):
    import sitegen.stamping

    edit(project.page("nl/mo.md"), "De cursus is in je eigen taal.", "De cursus is in jouw taal.")
    before = project.page("ar/mo.md").read_bytes()
    write_hash = sitegen.stamping.write_hash

    def fails_on_en(path, value):
        if "en" in path.parts:
            raise OSError("disk full")
        return write_hash(path, value)

    monkeypatch.setattr(sitegen.stamping, "write_hash", fails_on_en)
    with pytest.raises(OSError):
        project.run("stamp", "content/ar/mo.md", "content/en/mo.md")
    assert project.page("ar/mo.md").read_bytes() == before
