"""`python -m analysts export | report | demo-data` on real SQLite files: exact output."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from analysts import report_labels, selection
from analysts.cli import ANALYTICS_COMMANDS, cli
from analysts.selection import SYNTHETIC_PAGE_PREFIX
from tests.analysts.conftest import make_record
from tests.analysts.test_export import EXPECTED_CSV
from wegwijs_shared.store.sqlite import SqliteStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env={"FEEDBACK_STORE": None})


def test_export_csv_to_standard_output_is_exact(
    runner: CliRunner, filled_store: SqliteStore, store_url: str
) -> None:
    result = runner.invoke(cli, ["export", "--format", "csv", "--store", store_url])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == EXPECTED_CSV
    assert result.stderr == "Exported 8 records as csv to standard output.\n"


def test_export_filters_to_a_file(
    runner: CliRunner, filled_store: SqliteStore, store_url: str, tmp_path: Path
) -> None:
    out = tmp_path / "sms.jsonl"
    args = ["export", "--format", "jsonl", "--channel", "sms", "--page-lang", "nl"]
    window = ["--since", "2026-03-04", "--until", "2026-03-06T00:00:00Z"]
    result = runner.invoke(cli, [*args, *window, "--out", str(out), "--store", store_url])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"Exported 2 records as jsonl to {out}.\n"
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [line[:48] for line in lines] == [
        '{"id":"00000000-0000-4000-8000-000000000004","re',
        '{"id":"00000000-0000-4000-8000-000000000005","re',
    ]
    assert not list(tmp_path.glob("*.part"))


def test_answers_that_name_no_channel_can_be_exported_and_quoted_alone(
    runner: CliRunner, sqlite_store: SqliteStore, store_url: str, tmp_path: Path
) -> None:
    moment = datetime(2026, 3, 2, 10, tzinfo=UTC)
    sqlite_store.put(make_record(1, moment, channel="letter", comment="per brief"))
    sqlite_store.put(make_record(2, moment, channel="unknown", comment="geen kanaal"))
    sqlite_store.put(make_record(3, moment, channel="unknown", rating=2))
    out = tmp_path / "unknown.jsonl"
    args = ["export", "--format", "jsonl", "--channel", "unknown", "--out", str(out)]
    result = runner.invoke(cli, [*args, "--store", store_url])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"][-1] for line in lines] == ["2", "3"]
    report = tmp_path / "report.html"
    args = ["report", "--lang", "en", "--comment-channel", "unknown", "--out", str(report)]
    result = runner.invoke(cli, [*args, "--store", store_url])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Report on 3 answers written to {report}.\n"
    html = report.read_text(encoding="utf-8")
    assert "geen kanaal" in html and "per brief" not in html


def test_export_parquet_file(
    runner: CliRunner, filled_store: SqliteStore, store_url: str, tmp_path: Path
) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "all.parquet"
    result = runner.invoke(
        cli, ["export", "--format", "parquet", "--out", str(out), "--store", store_url]
    )
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).num_rows == 8


def test_bad_input_is_explained(runner: CliRunner, store_url: str) -> None:
    result = runner.invoke(cli, ["export", "--format", "xls", "--store", store_url])
    assert result.exit_code == 2
    assert "'xls' is not one of 'csv', 'jsonl', 'parquet', 'xlsx'" in result.stderr
    result = runner.invoke(cli, ["export", "--format", "csv", "--since", "March"])
    assert result.exit_code == 2
    assert "'March' is not a date: write 2026-03-01 or 2026-03-01T12:00Z" in result.stderr
    result = runner.invoke(cli, ["export", "--format", "csv", "--store", "mysql://x"])
    assert result.exit_code == 2
    assert "the store URL must start with sqlite:// or dynamodb://" in result.stderr


def test_demo_data_then_report(runner: CliRunner, store_url: str, tmp_path: Path) -> None:
    args = ["demo-data", "--n", "300", "--seed", "5", "--end", "2026-06-30", "--store", store_url]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Added 300 synthetic records (seed 5) to {store_url}.\n"
    again = runner.invoke(cli, args)  # same seed, same ids: nothing new
    assert again.stderr == f"Added 0 synthetic records (seed 5) to {store_url}.\n"
    store = SqliteStore(store_url.removeprefix("sqlite:///"))
    records = list(store.iter_records())
    assert len(records) == 300
    assert all(record.page.startswith(SYNTHETIC_PAGE_PREFIX) for record in records)

    out = tmp_path / "rapport.html"
    result = runner.invoke(cli, ["report", "--out", str(out), "--store", store_url])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Report on 300 answers written to {out}.\n"
    html = out.read_text(encoding="utf-8")
    assert '<html lang="nl">' in html and "300 in totaal" in html


@pytest.mark.parametrize("command", [command.name for command in ANALYTICS_COMMANDS])
def test_every_command_has_help(runner: CliRunner, command: str) -> None:
    result = runner.invoke(cli, [command, "--help"], prog_name="python -m analysts")
    assert result.exit_code == 0
    assert result.output.startswith(f"Usage: python -m analysts {command} [OPTIONS]\n")
    assert "--store URL" in result.output and "FEEDBACK_STORE" in result.output


def test_commands_are_listed_by_the_group(runner: CliRunner) -> None:
    listing = runner.invoke(cli, ["--help"]).output
    for command in ANALYTICS_COMMANDS:
        assert f"  {command.name} " in listing


def test_web_app_path_never_imports_the_analysis_libraries() -> None:
    # A fresh interpreter, as on a Lambda cold start: the handler and the app factory.
    script = (
        "import sys, feedback_fn.handler, feedback_fn.api\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pyarrow', 'matplotlib', 'pandas', 'numpy', 'analysts'))\n"
        "heavy += [m for m in sys.modules if m.startswith('analysts')]\n"
        "print(heavy); sys.exit(1 if heavy else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_cli_imports_no_analysis_library_before_a_command_runs() -> None:
    script = (
        "import sys, analysts.__main__\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pyarrow', 'matplotlib', 'pandas'))\n"
        "print(heavy); sys.exit(1 if heavy else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_unreachable_store_is_one_line_and_leaves_no_file(
    runner: CliRunner, aws_credentials: dict[str, str], tmp_path: Path
) -> None:
    from tests.feedback.servers import free_port

    url = f"dynamodb://t?region=eu-west-1&endpoint=http://127.0.0.1:{free_port()}"
    out = tmp_path / "x.csv"
    args = ["export", "--format", "csv", "--since", "2026-11-01", "--until", "2026-11-02"]
    result = runner.invoke(cli, [*args, "--out", str(out), "--store", url])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {url}: DynamoDB Query: EndpointConnectionError")
    assert result.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_synthetic_records_can_be_left_out_of_export_and_report(
    runner: CliRunner, store_url: str, tmp_path: Path
) -> None:
    args = ["demo-data", "--n", "200", "--seed", "2", "--end", "2026-06-30", "--store", store_url]
    assert runner.invoke(cli, args).exit_code == 0
    store = SqliteStore(store_url.removeprefix("sqlite:///"))
    real = [make_record(number, datetime(2026, 6, number, tzinfo=UTC)) for number in (1, 2, 3)]
    for record in real:
        store.put(record)
    store.close()
    for file_format in ("jsonl", "csv"):
        args = ["export", "--format", file_format, "--exclude-synthetic", "--store", store_url]
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
        assert result.stderr == f"Exported 3 records as {file_format} to standard output.\n"
        assert SYNTHETIC_PAGE_PREFIX not in result.stdout
    result = runner.invoke(cli, ["export", "--format", "jsonl", "--store", store_url])
    assert result.stderr == "Exported 203 records as jsonl to standard output.\n"

    out = tmp_path / "report.html"
    args = ["report", "--lang", "en", "--exclude-synthetic", "--out", str(out)]
    result = runner.invoke(cli, [*args, "--store", store_url])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Report on 3 answers written to {out}.\n"
    html = out.read_text(encoding="utf-8")
    assert "Filter: synthetic demo data left out (--exclude-synthetic)." in html
    assert "synthetic demo data (page under" not in html and SYNTHETIC_PAGE_PREFIX not in html
    args = ["report", "--exclude-synthetic", "--since", "2026-01-01", "--until", "2026-06-01"]
    result = runner.invoke(cli, [*args, "--out", str(out), "--store", store_url])
    assert result.exit_code == 0, result.output
    assert (
        "Geen enkel antwoord in deze selectie (periode 2026-01-01 – 2026-05-31; synthetische "
        "demodata weggelaten (--exclude-synthetic))."
    ) in out.read_text(encoding="utf-8")


def test_export_and_report_leave_out_the_same_records_by_one_synthetic_test(
    runner: CliRunner,
    filled_store: SqliteStore,
    store_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # One rule in analysts.selection decides what is synthetic: moved (here to the Arabic
    # page of the fixture), the export of rows and the report both follow it, so the two
    # can never keep different records.
    monkeypatch.setattr(selection, "SYNTHETIC_PAGE_PREFIX", "/ar/")
    filled_store.close()
    for file_format in ("jsonl", "csv"):
        args = ["export", "--format", file_format, "--exclude-synthetic", "--store", store_url]
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
        assert result.stderr == f"Exported 7 records as {file_format} to standard output.\n"
        assert "/ar/mo/" not in result.stdout
    out = tmp_path / "report.html"
    args = ["report", "--exclude-synthetic", "--out", str(out), "--store", store_url]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Report on 7 answers written to {out}.\n"


def test_a_report_reads_the_language_names_once(
    runner: CliRunner,
    filled_store: SqliteStore,
    store_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A page language is named in many cells of a report; languages.yml is read (and
    # stat'ed) once for them all, not once per name.
    reads = []
    load_languages = report_labels.load_languages

    def counted() -> tuple[object, ...]:
        reads.append(1)
        return load_languages()

    monkeypatch.setattr(report_labels, "load_languages", counted)
    filled_store.close()
    for lang, arabic in (("en", "Arabic"), ("nl", "Arabisch")):
        out = tmp_path / f"{lang}.html"
        args = ["report", "--lang", lang, "--out", str(out), "--store", store_url]
        assert runner.invoke(cli, args).exit_code == 0
        assert f'<th scope="row" dir="auto">{arabic}</th>' in out.read_text(encoding="utf-8")
    assert len(reads) <= 1
