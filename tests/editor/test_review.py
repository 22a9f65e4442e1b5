"""Native-speaker review: one command signs a translation off; readers of the others are told.

Today's translations have no review line: they start as not reviewed.
"""

from __future__ import annotations

import datetime
import re

import pytest

import build
from sitegen.freshness import source_hash
from tests.editor.conftest import make_project
from tests.editor.test_translations import edit, git

ROLE = "native speaker, social interpreter"


def dutch_hash(project, rel: str = "mo.md") -> str:
    return source_hash(project.page(f"nl/{rel}").read_text(encoding="utf-8"))


def status_cells(out: str, table: str, page: str) -> list[str]:
    """One row of a status table, split on the two-space column gaps."""
    rows = out.split(f"\n{table} ", 1)[1] if table != "page" else out
    line = next(line for line in rows.splitlines() if line.startswith(page + " "))
    return re.split(r"\s{2,}", line.strip())


def test_review_writes_one_line_tied_to_the_dutch_text(project, capsys):
    page = project.page("ar/mo.md")
    before = page.read_text(encoding="utf-8")
    assert project.run("review", "content/ar/mo.md", "--role", ROLE, "--date", "2026-03-14") == 0
    assert capsys.readouterr().out == (
        f"content/ar/mo.md: reviewed by {ROLE} on 2026-03-14 (against the Dutch text "
        f"{dutch_hash(project)})\n"
    )
    line = f'reviewed: {{role: "{ROLE}", date: 2026-03-14, source_hash: "{dutch_hash(project)}"}}'
    # The line goes at the end of the front matter; nothing else changes.
    after = page.read_text(encoding="utf-8")
    head, rest = before.split("\n---\n", 1)
    assert after == f"{head}\n{line}\n---\n{rest}"
    assert project.run("check") == 0
    assert "content/ar/mo.md" not in capsys.readouterr().err
    # Reviewing again (a second reviewer) replaces the line.
    assert project.run("review", "content/ar/mo.md", "--role", "teacher, native speaker") == 0
    again = page.read_text(encoding="utf-8")
    assert again.count("reviewed:") == 1 and 'role: "teacher, native speaker"' in again


def test_status_shows_the_review_next_to_freshness(project, capsys):
    assert project.run("review", "content/ar/mo.md", "--role", ROLE) == 0
    edit(project.page("en/mo.md"), "source_hash:", "old_hash:")  # never stamped
    edit(project.page("en/mo.md"), "old_hash:", "# old_hash:")  # a YAML comment
    capsys.readouterr()
    assert project.run("status") == 0
    out = capsys.readouterr().out
    assert status_cells(out, "page", "mo.md") == ["mo.md", "source", "never stamped", "up to date",
                                                  "missing"]  # fmt: skip
    assert "never stamped: nobody recorded which Dutch version it translates" in out
    assert status_cells(out, "review", "mo.md") == ["mo.md", "source", "not reviewed", "reviewed",
                                                    "-"]  # fmt: skip
    assert status_cells(out, "review", "reviewed") == ["reviewed", "-", "0%", "33%", "0%"]
    # A Dutch change: the review no longer covers the page, even once the translation is stamped.
    edit(project.page("nl/mo.md"), "eigen taal.", "eigen taal. Je leert over Vlaanderen.")
    assert project.run("stamp", "content/ar/mo.md") == 0
    capsys.readouterr()
    assert project.run("status") == 0
    out = capsys.readouterr().out
    assert status_cells(out, "page", "mo.md")[3] == "up to date"
    assert status_cells(out, "review", "mo.md")[3] == "review outdated"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["content/nl/mo.md", "--role", ROLE], "is a Dutch page, the source: a review is of a"),
        (["content/ar/mo.md", "--role", " "], "--role is empty: say who checked the translation"),
        (["content/ar/mo.md", "--role", ROLE, "--date", "14-03-2026"], "write the date as"),
        (["content/ar/nieuw.md", "--role", ROLE], "content/ar/nieuw.md: no such file."),
    ],
)
def test_review_refuses_what_it_cannot_sign(project, capsys, args, message):
    assert project.run("review", *args) == 1
    assert message in capsys.readouterr().err


def test_an_outdated_translation_is_updated_and_stamped_before_review(project, capsys):
    edit(project.page("nl/mo.md"), "eigen taal.", "eigen taal. Je leert over Vlaanderen.")
    text = project.page("ar/mo.md").read_text(encoding="utf-8")
    assert project.run("review", "content/ar/mo.md", "--role", ROLE) == 1
    assert capsys.readouterr().err == (
        "build.py review: content/ar/mo.md is not stamped against the current Dutch page "
        "nl/mo.md, and a review says which Dutch text the translation was checked against. "
        "Bring the translation up to date, run 'build.py stamp content/ar/mo.md', then review "
        "it.\n"
    )
    assert project.page("ar/mo.md").read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('reviewed: {role: "x", date: 2026-03-14, source_hash: "123"}', "its source_hash is not"),
        ('reviewed: {date: 2026-03-14, source_hash: "aaaaaaaaaaaa"}', "the reviewer's role is"),
        ('reviewed: {role: x, date: soon, source_hash: "aaaaaaaaaaaa"}', "the date is not a date"),
        ("reviewed: yes", "it must be the line that 'build.py review' writes"),
    ],
)
def test_a_review_line_edited_by_hand_is_an_error(project, capsys, line, message):
    edit(project.page("en/mo.md"), "---\n\n", f"{line}\n---\n\n")
    assert project.run("check") == 1
    error = next(x for x in capsys.readouterr().err.splitlines() if x.startswith("error:"))
    assert error.startswith("error: content/en/mo.md:5: 'reviewed' is not as 'build.py review' ")
    assert message in error
    assert error.endswith("run 'build.py review content/en/mo.md --role \"...\"'.")


def test_a_review_on_a_dutch_page_is_an_error(project, capsys):
    line = f'reviewed: {{role: x, date: 2026-03-14, source_hash: "{dutch_hash(project)}"}}'
    edit(project.page("nl/mo.md"), "---\n\n", f"{line}\n---\n\n")
    assert project.run("check") == 1
    assert (
        "error: content/nl/mo.md:4: 'reviewed' belongs in translations only: a Dutch page is the "
        "source. Remove the line."
    ) in capsys.readouterr().err


def commit_all(project, message: str = "content") -> None:
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", message)


def test_minor_stamp_keeps_the_review_and_refuses_a_new_sentence(project, capsys):
    git(project, "init", "-q")
    assert project.run("review", "content/ar/mo.md", "--role", ROLE, "--date", "2026-03-01") == 0
    commit_all(project)
    # A typo fix: the translations and the review stay current.
    edit(project.page("nl/mo.md"), "eigen taal.", "eigen taal!")
    assert project.run("stamp", "--minor", "content/nl/mo.md") == 0
    review = project.page("ar/mo.md").read_text(encoding="utf-8")
    assert f'date: 2026-03-01, source_hash: "{dutch_hash(project)}"' in review
    commit_all(project, "typo")
    # A sentence more is no small change: nothing is stamped, and the editor is told what to do.
    edit(project.page("nl/mo.md"), "eigen taal!", "eigen taal! Je leert over werk en wonen.")
    before = {rel: project.page(rel).read_bytes() for rel in ("en/mo.md", "ar/mo.md")}
    capsys.readouterr()
    assert project.run("stamp", "--minor", "content/nl/mo.md") == 1
    assert capsys.readouterr().err == (
        "build.py stamp: content/nl/mo.md: this is not a small change: it adds a sentence "
        '("Je leert over werk en wonen."), so its translations must say it too. Nothing was '
        "stamped. Update each translation, then stamp it: 'build.py stamp "
        "content/<language>/mo.md'. Until then readers of the translations this change made "
        "outdated (content/en/mo.md, content/ar/mo.md) are told that they may be out of date.\n"
    )
    assert {rel: project.page(rel).read_bytes() for rel in before} == before


def test_minor_stamp_when_every_translation_is_already_current(project, capsys):
    git(project, "init", "-q")
    commit_all(project)
    # A sentence more, and every translation updated and stamped: none is outdated.
    edit(project.page("nl/mo.md"), "eigen taal.", "eigen taal. Je leert over werk en wonen.")
    for rel in ("content/en/mo.md", "content/ar/mo.md"):
        assert project.run("stamp", rel) == 0
    before = {rel: project.page(rel).read_bytes() for rel in ("en/mo.md", "ar/mo.md")}
    capsys.readouterr()
    assert project.run("stamp", "--minor", "content/nl/mo.md") == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out == (
        f"content/en/mo.md: already up to date (source_hash {dutch_hash(project)})\n"
        f"content/ar/mo.md: already up to date (source_hash {dutch_hash(project)})\n"
    )
    assert {rel: project.page(rel).read_bytes() for rel in before} == before


@pytest.mark.parametrize(
    ("old", "new", "why"),
    [
        ("De cursus is in je eigen taal. ", "", 'it removes a sentence ("De cursus is in je'),
        ("## In je eigen taal", "## In je eigen taal\n\n## Wanneer", "it adds a sentence"),
        ("- Tweede", "- Tweede\n- Derde", 'it adds a sentence ("Derde")'),
        ("12 lessen", "14 lessen", "it changes a number (12 -> 14)"),
    ],
)
def test_what_is_not_a_minor_change(project, capsys, old, new, why):
    git(project, "init", "-q")
    edit(
        project.page("nl/mo.md"),
        "Terug naar",
        "Het zijn 12 lessen.\n\n- Eerste\n- Tweede\n\nTerug naar",
    )
    for rel in ("content/en/mo.md", "content/ar/mo.md"):
        assert project.run("stamp", rel) == 0
    commit_all(project)
    edit(project.page("nl/mo.md"), old, new)
    assert project.run("stamp", "--minor", "content/nl/mo.md") == 1
    assert f"this is not a small change: {why}" in capsys.readouterr().err


MEANING = "Je doet de test niet thuis. Je doet de test in een testcentrum."


def with_meaning(project) -> None:
    """nl/mo.md with two sentences, its translations up to date, committed."""
    git(project, "init", "-q")
    edit(project.page("nl/mo.md"), "Terug naar", f"{MEANING}\n\nTerug naar")
    for rel in ("content/en/mo.md", "content/ar/mo.md"):
        assert project.run("stamp", rel) == 0
    commit_all(project)


def test_a_reversed_sentence_is_not_a_minor_change(project, capsys):
    with_meaning(project)
    reversed_ = "Je doet de test thuis. Je doet de test niet in een testcentrum."
    edit(project.page("nl/mo.md"), MEANING, reversed_)
    before = {rel: project.page(rel).read_bytes() for rel in ("en/mo.md", "ar/mo.md")}
    assert project.run("stamp", "--minor", "content/nl/mo.md") == 1
    assert capsys.readouterr().err.startswith(
        "build.py stamp: content/nl/mo.md: this is not a small change: it adds or removes "
        '"niet", which can turn what a sentence says around, in 2 sentences: "Je doet de test '
        'thuis." (removed "niet"); "Je doet de test niet in een testcentrum." (added "niet"), '
        "so its translations must say it too. Nothing was stamped."
    )
    assert {rel: project.page(rel).read_bytes() for rel in before} == before


@pytest.mark.parametrize(
    ("old", "new", "why"),
    [
        (
            "in een testcentrum.",
            "in een testcentrum van het agentschap.",
            'it changes the words of a sentence: "Je doet de test in een testcentrum van het '
            'agentschap." (added "van het agentschap")',
        ),
        ("de test niet thuis", "de test thuis", 'removed "niet"'),
        ("de test niet thuis", "de test net thuis", '("niet" became "net")'),
        ("de test niet thuis", "de test nu thuis", 'it adds or removes "niet"'),
        ("Je doet de test in", "Je doet het examen in", '("de test" became "het examen")'),
        ("in een testcentrum", "op een testcentrum", '("in" became "op")'),
        ("test in een", "test in geen", 'it adds or removes "geen"'),
        ("title: Cursus MO", "title: Cursus Nederlands", '"Cursus Nederlands" ("mo" became'),
    ],
)
def test_a_changed_word_is_not_a_minor_change(project, capsys, old, new, why):
    with_meaning(project)
    edit(project.page("nl/mo.md"), old, new)
    assert project.run("stamp", "--minor", "content/nl/mo.md") == 1
    assert why in capsys.readouterr().err


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # Each is committed as `new` first, then changed back to `old`: a typo fixed.
        ("in een testcentrum.", "in een tetscentrum."),  # two letters swapped
        ("Je doet de test in", "Je doet de tset in"),
        ("de test niet thuis.", "de test niet thuis!"),  # punctuation
        ("Je doet de test in", "je doet de Test in"),  # capitals
        ("niet thuis. Je", "niet thuis, je"),  # two sentences made one
        ("niet thuis. Je", "niet\nthuis.\n\nJe"),  # line breaks, a paragraph split
        ("een testcentrum", "een test centrum"),  # a space
        ("Over de cursus", "Over de cusus"),  # in the description
        ("Je doet de test in een", "Je doet de test in ee"),  # a short word
        ("doet de test in", "doet ed test in"),
        ("Je doet de test in", "Je doet de tets in"),
        ("Je doet de test in", "Je doet de tesst in"),
    ],
)
def test_typo_fixes_punctuation_capitals_and_spaces_are_minor(project, capsys, old, new):
    with_meaning(project)
    edit(project.page("nl/mo.md"), old, new)
    for rel in ("content/en/mo.md", "content/ar/mo.md"):
        assert project.run("stamp", rel) == 0
    commit_all(project, "with a typo")
    edit(project.page("nl/mo.md"), new, old)
    capsys.readouterr()
    assert project.run("stamp", "--minor", "content/nl/mo.md") == 0, capsys.readouterr().err
    assert "content/en/mo.md: still up to date" in capsys.readouterr().out


@pytest.fixture(scope="module")
def reviewed_site(tmp_path_factory):
    """The fixture project with ar/index.md reviewed and a review-terms list, built once."""
    project = make_project(tmp_path_factory.mktemp("reviewed"))
    argv = ["review", *project.options(), str(project.page("ar/index.md")), "--role", ROLE]
    assert build.main(argv) == 0
    (project.root / "docs").mkdir()
    (project.root / "docs" / "review-terms.yml").write_text(
        "ar:\n"
        "  - term: بلغتك\n    page: mo.md\n    why: Is 'in your language' said like this?\n"
        "  - term: register\n    why: The whole translation's register.\n",
        encoding="utf-8",
    )
    site = project.root.parent / "site"
    assert project.build(site) == 0
    return project, site


def build_check(project) -> int:
    return build.main(["check", *project.options()])


def read(site, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


NOTICE = re.compile(r'<p class="wg-review" role="note">(.*?)</p>', re.S)


def test_readers_of_an_unreviewed_translation_are_told_with_a_link_to_dutch(reviewed_site):
    _, site = reviewed_site
    notice = NOTICE.search(read(site, "en/mo/index.html"))
    assert notice.group(1) == (
        "A native speaker has not checked this translation yet. The original is the Dutch page: "
        '<a href="../../mo/" hreflang="nl" lang="nl" dir="ltr">Nederlands</a>'
    )
    assert '<a href=".." hreflang="nl" lang="nl" dir="ltr">Nederlands</a>' in read(
        site, "en/index.html"
    )
    arabic = NOTICE.search(read(site, "ar/mo/index.html")).group(1)
    assert arabic.startswith("لم يراجع متحدث أصلي للعربية هذه الترجمة بعد.")
    # Not on the reviewed translation, nor on Dutch pages, nor on Dutch fallbacks.
    for rel in ("ar/index.html", "index.html", "mo/index.html", "ps/mo/index.html", "404.html"):
        assert 'class="wg-review"' not in read(site, rel), rel


def test_editors_page_shows_reviews_and_the_terms_to_check(reviewed_site):
    _, site = reviewed_site
    text = read(site, "_editors/translations/index.html")
    today = re.search(r"reviewed \((\d{4}-\d\d-\d\d), " + ROLE, text).group(1)
    assert (
        f'<td><a href="../../ar/">up to date</a><br><small>reviewed ({today}, {ROLE})</small></td>'
    ) in text
    assert '<tr><th scope="row">Reviewed</th><td>-</td><td>0%</td><td>33%</td><td>0%</td>' in text
    assert (
        '<tr><td lang="ar" dir="rtl">بلغتك</td><td><a href="../../ar/mo/">mo.md</a> '
        "(not reviewed)</td><td>Is &#x27;in your language&#x27; said like this?</td></tr>"
    ) in text
    assert "<tr><td>register</td><td>every page</td>" in text


def test_a_term_no_longer_on_its_page_is_a_warning(reviewed_site, capsys):
    project, _ = reviewed_site  # the last test of the module: it changes the project
    assert build_check(project) == 0
    assert "review-terms" not in capsys.readouterr().err
    edit(project.page("ar/mo.md"), "بلغتك", "بلغة")
    assert build_check(project) == 0
    assert (
        "warning: docs/review-terms.yml:2: 'بلغتك' is no longer on content/ar/mo.md: if a "
        "reviewer changed it, remove it from the list; otherwise correct it as it is written on "
        "the page."
    ) in capsys.readouterr().err


def test_review_of_several_pages_skips_dutch_and_writes_all_or_nothing(project, capsys):
    pages = ["content/ar/mo.md", "content/en/mo.md", "content/nl/mo.md"]
    before = project.page("ar/mo.md").read_bytes()
    edit(project.page("en/mo.md"), "source_hash:", "old_hash:")  # not stamped: refused
    assert project.run("review", *pages, "--role", ROLE) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "notice: content/nl/mo.md skipped: a Dutch page is the source" in err
    assert err.endswith("then review it. Nothing was reviewed.\n")
    assert project.page("ar/mo.md").read_bytes() == before
    assert project.run("stamp", "content/en/mo.md") == 0
    assert project.run("review", *pages, "--role", ROLE) == 0
    assert capsys.readouterr().out.count(": reviewed by ") == 2


def test_review_refuses_a_future_date_and_says_the_role_is_published(project, capsys):
    text = project.page("ar/mo.md").read_text(encoding="utf-8")
    args = ["content/ar/mo.md", "--role", ROLE]
    assert project.run("review", *args, "--date", "2999-01-01") == 1
    assert capsys.readouterr().err == (
        "build.py review: --date 2999-01-01 is in the future: give the day the translation was "
        "checked, or leave --date out for today.\n"
    )
    assert project.page("ar/mo.md").read_text(encoding="utf-8") == text
    assert project.run("review", *args) == 0
    assert capsys.readouterr().err == (
        f"notice: the role '{ROLE}' is published: it is in the page's file, which anyone can "
        "read. Write a role (what the reviewer is), never a person's name.\n"
    )
    assert project.run("review", "content/ar/mo.md", "--role", "Fatima El Amrani") == 0
    assert capsys.readouterr().err.startswith(
        "warning: the role 'Fatima El Amrani' looks like a person's name, and it is published"
    )


def test_a_review_line_with_a_future_date_is_an_error(project, capsys):
    line = 'reviewed: {role: x, date: 2999-01-01, source_hash: "aaaaaaaaaaaa"}'
    edit(project.page("en/mo.md"), "---\n\n", f"{line}\n---\n\n")
    assert project.run("check") == 1
    assert "the date 2999-01-01 is in the future" in capsys.readouterr().err


def test_review_and_check_allow_one_day_ahead_for_time_zones(project, capsys):
    today = datetime.date.today()
    tomorrow, later = (today + datetime.timedelta(days=n) for n in (1, 2))
    args = ["content/ar/mo.md", "--role", ROLE]
    assert project.run("review", *args, "--date", later.isoformat()) == 1
    assert f"--date {later.isoformat()} is in the future" in capsys.readouterr().err
    # In the reviewer's time zone it can be tomorrow already: review and check agree.
    assert project.run("review", *args, "--date", tomorrow.isoformat()) == 0
    assert project.run("check") == 0
    assert "in the future" not in capsys.readouterr().err


def help_text(command: str) -> str:
    sub = next(a for a in build.parser()._actions if a.dest == "command")
    return " ".join(sub.choices[command].format_help().split())


def test_the_help_says_what_stamp_and_review_refuse_and_skip():
    stamp, review = help_text("stamp"), help_text("review")
    assert "a Dutch page among translations (content/*/mo.md) is skipped" in stamp
    assert "refused when a word is added, removed or replaced" in stamp
    assert "a negation word (niet, geen ...) changes" in stamp
    assert "a day later than tomorrow is refused" in review


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("voor", "door"),
        ("naar", "maar"),
        ("moet", "moest"),
        ("werk", "week"),
        ("betalen", "bepalen"),
        ("ouder", "onder"),
        ("leerkracht", "leerkrant"),
        ("de", "den"),
    ],
)
def test_a_dutch_word_made_another_is_no_typo_fix(project, capsys, old, new):
    git(project, "init", "-q")
    sentence = f"Je {old} het weten."
    edit(
        project.page("nl/mo.md"),
        "Terug naar",
        f"{sentence}\n\nOok voor werk, naar de leerkracht: betalen moet de ouder.\n\nTerug naar",
    )
    for rel in ("content/en/mo.md", "content/ar/mo.md"):
        assert project.run("stamp", rel) == 0
    commit_all(project)
    edit(project.page("nl/mo.md"), sentence, f"Je {new} het weten.")
    assert project.run("stamp", "--minor", "content/nl/mo.md") == 1
    assert f'("{old}" became "{new}")' in capsys.readouterr().err


def test_an_admonition_title_is_compared_and_a_bom_is_no_text(project, capsys):
    git(project, "init", "-q")
    note = '\n\n!!! note "Let op"\n    Kom op tijd.\n\nTerug naar'
    edit(project.page("nl/mo.md"), " Terug naar", note)
    for rel in ("content/en/mo.md", "content/ar/mo.md"):
        assert project.run("stamp", rel) == 0
    page = project.page("nl/mo.md")
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    commit_all(project)
    page.write_bytes(page.read_bytes().removeprefix(b"\xef\xbb\xbf"))  # the BOM removed
    capsys.readouterr()
    assert project.run("stamp", "--minor", "content/nl/mo.md") == 0, capsys.readouterr().err
    commit_all(project, "no BOM")
    edit(page, '"Let op"', '"Belangrijk"')
    assert project.run("stamp", "--minor", "content/nl/mo.md") == 1
    assert '"Belangrijk" ("let op" became "belangrijk")' in capsys.readouterr().err


def test_removing_a_bom_changes_no_sentence():
    from sitegen.minor_change import major_change

    page = "---\ntitle: Cursus MO\ndescription: De cursus.\n---\n\n# Cursus MO\n\nTekst.\n"
    assert major_change("\ufeff" + page, page) is None
