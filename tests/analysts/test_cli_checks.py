"""What the commands refuse, each in one line before any work, and the report's filters and
--compare on a real SQLite file."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from analysts.cli import cli
from tests.analysts.conftest import make_record
from wegwijs_shared.store.sqlite import SqliteStore


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env={"FEEDBACK_STORE": None})


def test_a_reading_command_never_creates_a_store(runner: CliRunner, tmp_path: Path) -> None:
    typo = tmp_path / "var" / "feedbak.sqlite3"
    for args in (["report", "--out", str(tmp_path / "r.html")], ["export", "--format", "csv"]):
        result = runner.invoke(cli, [*args, "--store", f"sqlite:///{typo}"])
        assert result.exit_code == 1
        assert result.stderr == (
            f"Error: no store at {typo} (sqlite:///{typo}): check --store or FEEDBACK_STORE; "
            "the feedback app or `python -m analysts demo-data` creates one\n"
        )
    assert list(tmp_path.iterdir()) == []  # no file, no folder


def test_out_in_a_missing_folder_is_explained(
    runner: CliRunner, filled_store: SqliteStore, store_url: str, tmp_path: Path
) -> None:
    missing = tmp_path / "nope"
    for args in (["report"], ["export", "--format", "csv"]):
        out = missing / "x.out"
        result = runner.invoke(cli, [*args, "--out", str(out), "--store", store_url])
        assert result.exit_code == 2
        assert f"Invalid value for --out: the folder {missing} does not exist" in result.stderr
        assert "Traceback" not in result.output


@pytest.mark.parametrize("command", [["report"], ["export", "--format", "csv"]])
def test_since_at_or_after_until_is_an_error(
    runner: CliRunner, filled_store: SqliteStore, store_url: str, command: list[str]
) -> None:
    for since in ("2026-03-05", "2026-03-04"):
        window = ["--since", since, "--until", "2026-03-04"]
        result = runner.invoke(cli, [*command, *window, "--store", store_url])
        assert result.exit_code == 2
        assert "--since must come before --until" in result.stderr


def test_page_language_is_checked_and_any_case_works(
    runner: CliRunner, filled_store: SqliteStore, store_url: str
) -> None:
    result = runner.invoke(
        cli, ["export", "--format", "csv", "--page-lang", "AR", "--store", store_url]
    )
    assert result.exit_code == 0
    assert result.stderr == "Exported 1 record as csv to standard output.\n"
    result = runner.invoke(
        cli, ["export", "--format", "csv", "--page-lang", "xx", "--store", store_url]
    )
    assert result.exit_code == 2
    assert "'xx' is not a language of the site: choose one of nl, " in result.stderr


def test_every_controlled_code_is_taken_in_any_case(
    runner: CliRunner, filled_store: SqliteStore, store_url: str, tmp_path: Path
) -> None:
    # Like --page-lang AR and the feedback API's LETTER: the list's own code is what is used.
    args = ["export", "--format", "JSONL", "--channel", "Letter", "--part", " MO "]
    result = runner.invoke(cli, [*args, "--store", store_url])
    assert result.exit_code == 0, result.output
    assert result.stderr == "Exported 1 record as jsonl to standard output.\n"
    assert '"channel":"letter"' in result.stdout
    out = tmp_path / "r.html"
    args = ["report", "--lang", "en", "--channel", "LETTER", "--comment-channel", "Letter"]
    args += ["--comment-barrier", "LANGUAGE", "--comment-status", "Voluntary"]
    result = runner.invoke(cli, [*args, "--out", str(out), "--store", store_url])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Filter: channel = letter." in html and "الرسالة صعبة" in html
    result = runner.invoke(cli, ["export", "--format", "csv", "--channel", "Lettre"])
    assert result.exit_code == 2 and "'Lettre' is not one of 'website', " in result.stderr


def test_report_lang_is_the_reports_language_and_points_to_page_lang(
    runner: CliRunner, filled_store: SqliteStore, store_url: str, tmp_path: Path
) -> None:
    out = tmp_path / "r.html"
    result = runner.invoke(cli, ["report", "--lang", "ar", "--out", str(out), "--store", store_url])
    assert result.exit_code == 2
    assert (
        "Invalid value for '--lang': 'ar': the report is written in nl or en; to report on "
        "answers about pages in ar, use --page-lang ar"
    ) in " ".join(result.stderr.split())
    result = runner.invoke(cli, ["report", "--lang", "EN", "--out", str(out), "--store", store_url])
    assert result.exit_code == 0 and '<html lang="en">' in out.read_text(encoding="utf-8")
    assert not out.with_name("r.html.part").exists()


def test_the_old_export_lang_still_works_with_a_warning(
    runner: CliRunner, filled_store: SqliteStore, store_url: str
) -> None:
    result = runner.invoke(
        cli, ["export", "--format", "jsonl", "--lang", "ar", "--store", store_url]
    )
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "Warning: export --lang is deprecated and will be removed: use --page-lang ar "
        "(report --lang is the report's own language).",
        "Exported 1 record as jsonl to standard output.",
    ]
    clash = ["--lang", "ar", "--page-lang", "nl"]
    result = runner.invoke(cli, ["export", "--format", "csv", *clash, "--store", store_url])
    assert result.exit_code == 2 and "give --page-lang" in result.stderr


def test_report_filters_like_the_export_and_keeps_its_own_language(
    runner: CliRunner, filled_store: SqliteStore, store_url: str, tmp_path: Path
) -> None:
    out = tmp_path / "ar.html"
    args = ["report", "--page-lang", "ar", "--lang", "en", "--part", "mo", "--out", str(out)]
    result = runner.invoke(cli, [*args, "--store", store_url])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Report on 1 answer written to {out}.\n"
    html = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Filter: page-lang = ar, part = mo." in html
    result = runner.invoke(
        cli,
        ["report", "--channel", "phone", "--lang", "en", "--out", str(out), "--store", store_url],
    )
    assert result.exit_code == 0
    # No window given: the selection is every answer in the store, not a period "… – …".
    assert (
        "Not a single answer in this selection (all answers in the store, no period chosen; "
        "channel = phone)"
    ) in out.read_text(encoding="utf-8")
    # A window is shown as the days in it: --until's own day is not.
    window = ["--since", "2026-02-02", "--until", "2026-02-09", "--channel", "sms"]
    result = runner.invoke(cli, ["report", *window, "--out", str(out), "--store", store_url])
    assert result.exit_code == 0
    assert "(periode 2026-02-02 – 2026-02-08; channel = sms)" in out.read_text(encoding="utf-8")
    args = ["report", "--lang", "en", "--since", "2026-01-01", "--until", "2027-01-01T12:00"]
    result = runner.invoke(cli, [*args, "--out", str(out), "--store", store_url])
    assert "Filter: period = 2026-01-01 – &lt; 2027-01-01T12:00Z." in out.read_text("utf-8")


def test_a_window_given_to_the_second_is_shown_to_the_second(
    runner: CliRunner, filled_store: SqliteStore, store_url: str, tmp_path: Path
) -> None:
    out = tmp_path / "r.html"
    args = ["report", "--lang", "en", "--since", "2026-03-03T15:35:35Z"]
    args += ["--until", "2026-03-05T00:00:01Z", "--out", str(out), "--store", store_url]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Filter: period = 2026-03-03T15:35:35Z – &lt; 2026-03-05T00:00:01Z." in html
    args = ["report", "--since", "2026-03-03T15:35:35.250Z", "--until", "2026-03-03T15:36Z"]
    result = runner.invoke(cli, [*args, "--out", str(out), "--store", store_url])
    assert result.exit_code == 0, result.output
    assert "(periode 2026-03-03T15:35:35.25Z – &lt; 2026-03-03T15:36Z)" in out.read_text("utf-8")


def compare_store(path: Path) -> str:
    """Letter 40% in the first quarter, 80% in the second; website 70% in both."""
    store = SqliteStore(path)
    store.create_schema()
    number = 0
    for start, letter_share in ((datetime(2026, 1, 5, tzinfo=UTC), 0.4),
                                (datetime(2026, 4, 5, tzinfo=UTC), 0.8)):  # fmt: skip
        for channel, share in (("letter", letter_share), ("website", 0.7)):
            for index in range(100):
                number += 1
                rating = 5 if index < share * 100 else 2
                moment = start + timedelta(hours=index)
                store.put(make_record(number, moment, channel=channel, rating=rating))
    store.close()
    return f"sqlite:///{path}"


def test_compare_two_periods_per_channel(runner: CliRunner, tmp_path: Path) -> None:
    url, out = compare_store(tmp_path / "q.sqlite3"), tmp_path / "compare.html"
    args = ["report", "--since", "2026-04-01", "--until", "2026-07-01", "--lang", "en"]
    result = runner.invoke(
        cli, [*args, "--compare", "2026-01-01/2026-04-01", "--out", str(out), "--store", url]
    )
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    compare = html[html.index('<section id="compare"') :]
    compare = compare[: compare.index("</section>")]
    rows = {
        label: re.sub(r"<[^>]+>", " ", cells).split()
        for label, cells in re.findall(r'<th scope="row">([^<]+)</th>(.*?)</tr>', compare, re.S)
    }
    # earlier (share, interval, n), now, difference, its Newcombe interval, the verdict
    assert " ".join(rows["Letter"]) == (
        "40% 31% – 50% n = 100 80% 71% – 87% n = 100 +40.0 pp +26.8 pp … +51.2 pp higher"
    )
    assert " ".join(rows["Website"][-9:]) == "0.0 pp −12.6 pp … +12.6 pp not certain"
    assert "Newcombe" in compare
    # Each period by the days in it: the end day of --until is not in it, so no day
    # seems to be in both periods.
    assert "now (2026-04-01 – 2026-06-30) against earlier (2026-01-01 – 2026-03-31)" in compare


def test_compare_must_not_overlap_the_window(runner: CliRunner, tmp_path: Path) -> None:
    url = compare_store(tmp_path / "q.sqlite3")
    args = ["report", "--since", "2026-03-01", "--compare", "2026-01-01/2026-04-01"]
    result = runner.invoke(cli, [*args, "--out", str(tmp_path / "x.html"), "--store", url])
    assert result.exit_code == 2
    assert "overlaps the report's window (2026-03-01 – the last answer)" in result.stderr
    result = runner.invoke(cli, ["report", "--compare", "2026-04-01", "--store", url])
    assert result.exit_code == 2 and "write the period as SINCE/UNTIL" in result.stderr
    result = runner.invoke(cli, ["report", "--compare", "2026-04-01/2026-01-01", "--store", url])
    assert result.exit_code == 2 and "--since must come before --until" in result.stderr
