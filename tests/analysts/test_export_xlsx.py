"""The xlsx export read back with openpyxl: typed cells, frozen header, filters, text never a
formula, right-to-left text laid out right to left, and sheets that go on past Excel's rows."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from analysts.cli import cli
from analysts.export import COLUMNS, select_rows
from analysts.export_xlsx import write_xlsx_rows
from tests.analysts.conftest import make_record
from wegwijs_shared.record import FeedbackRecord
from wegwijs_shared.store.base import record_row
from wegwijs_shared.store.sqlite import SqliteStore

ROOT = Path(__file__).resolve().parents[2]
LAST_COLUMN = "P"  # the 16th column


def excel_text(value: str) -> str:
    """A string cell's text as Excel shows it: the XML escapes _xHHHH_ (control characters
    such as CR, and a literal `_x` as _x005F_) decoded, which openpyxl leaves as they are."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda match: chr(int(match[1], 16)), value)


@pytest.fixture
def workbook_path(tmp_path: Path, filled_store: SqliteStore, store_url: str) -> Path:
    out = tmp_path / "feedback.xlsx"
    result = CliRunner(env={"FEEDBACK_STORE": None}).invoke(
        cli, ["export", "--format", "xlsx", "--out", str(out), "--store", store_url]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Exported 8 records as xlsx to {out}.\n"
    return out


def test_header_is_frozen_bold_and_filtered(workbook_path: Path) -> None:
    sheet = openpyxl.load_workbook(workbook_path).active
    assert sheet.title == "feedback"
    assert [cell.value for cell in sheet[1]] == list(COLUMNS)
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"  # the header row stays in view
    assert sheet.auto_filter.ref == f"A1:{LAST_COLUMN}9"  # header and the 8 records
    assert sheet.max_row == 9


def test_cells_are_typed(workbook_path: Path) -> None:
    sheet = openpyxl.load_workbook(workbook_path).active
    first = {name: cell for name, cell in zip(COLUMNS, sheet[2], strict=True)}
    # A real Excel date-time, in UTC (Excel keeps no zone: the format says it).
    assert first["received_at"].is_date
    assert first["received_at"].value == datetime(2026, 3, 1, 9, 30, 0, 123000)
    assert first["received_at"].number_format == 'yyyy-mm-dd hh:mm:ss.000 "UTC"'
    assert (first["rating"].data_type, first["rating"].value) == ("n", 5)
    assert (first["folded"].data_type, first["folded"].value) == ("n", 0)
    assert (first["schema_version"].value, first["js"].value) == (2, True)
    assert (first["comment_masked"].data_type, first["comment_masked"].value) == ("b", False)
    assert first["comment"].value == 'Duidelijk, "echt" goed'
    assert first["channel_source"].value is None  # not answered: an empty cell
    assert first["barriers"].value is None  # none ticked: empty too, not a cell holding ""
    second = {name: cell.value for name, cell in zip(COLUMNS, sheet[3], strict=True)}
    assert second["barriers"] == "language;difficult"
    assert (second["part"], second["status"], second["device"]) == ("mo", "voluntary", "computer")


def test_text_that_looks_like_a_formula_stays_text(workbook_path: Path) -> None:
    sheet = openpyxl.load_workbook(workbook_path).active
    comments = [row[COLUMNS.index("comment")] for row in sheet.iter_rows(min_row=4)]
    # As the reader typed it: no apostrophe added, the cell's type says it is text.
    assert [excel_text(cell.value) for cell in comments] == [
        '=HYPERLINK("x")', "@SUM(A1)", "-1+1", "+31", "\tx", "\rx",
    ]  # fmt: skip
    assert {cell.data_type for cell in comments} == {"s"}
    # No formula anywhere in the file: no <f> element in any sheet's XML; and no cell
    # holding an empty text.
    with zipfile.ZipFile(workbook_path) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in archive.read(name) for name in sheets)
        assert not any(b"<t></t>" in archive.read(name) for name in sheets)


def test_right_to_left_text_is_laid_out_right_to_left(tmp_path: Path) -> None:
    start = datetime(2026, 4, 1, tzinfo=UTC)
    comments = [
        ("ar", "الرسالة صعبة\nجدا"),
        ("fa", "خیلی سخت بود"),
        ("ar", "WhatsApp رسالة لم أفهمها أبدا"),  # starts with a Latin word
        ("fa", "[email] پیام را نفهمیدم"),  # starts with the e-mail mask
        ("nl", "Duidelijk, مرحبا"),  # mostly Latin: left to right
        ("nl", "Heel duidelijk"),
    ]
    records = [
        make_record(n, start, lang=lang, page=f"/{lang}/mo/", comment=text)
        for n, (lang, text) in enumerate(comments)
    ]
    out = io.BytesIO()
    assert write_xlsx_rows(map(record_row, records), out) == len(records)
    sheet = openpyxl.load_workbook(io.BytesIO(out.getvalue())).active
    cells = [row[COLUMNS.index("comment")] for row in sheet.iter_rows(min_row=2)]
    assert [cell.value for cell in cells] == [text for _, text in comments]  # intact
    # Reading order 2 is right to left; 0 (context) lets Excel take the first letter.
    assert [cell.alignment.readingOrder for cell in cells] == [2, 2, 2, 2, 0, 0]


def test_an_empty_export_is_the_header_alone(tmp_path: Path) -> None:
    out = io.BytesIO()
    assert write_xlsx_rows([], out) == 0
    sheet = openpyxl.load_workbook(io.BytesIO(out.getvalue())).active
    assert [cell.value for cell in sheet[1]] == list(COLUMNS) and sheet.max_row == 1
    assert sheet.auto_filter.ref == f"A1:{LAST_COLUMN}1" and sheet.freeze_panes == "A2"


def test_records_past_a_sheets_rows_go_on_in_the_next_sheet(filled_store: SqliteStore) -> None:
    """Excel's 1,048,576 rows a sheet, scaled down: 4 rows a sheet, the header included."""
    out = io.BytesIO()
    assert write_xlsx_rows(select_rows(filled_store), out, max_rows=4) == 8
    workbook = openpyxl.load_workbook(io.BytesIO(out.getvalue()))
    assert workbook.sheetnames == ["feedback", "feedback 2", "feedback 3"]
    ids = []
    for sheet, rows in zip(workbook.worksheets, (3, 3, 2), strict=True):
        assert [cell.value for cell in sheet[1]] == list(COLUMNS)
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:P{rows + 1}"
        ids += [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert ids == [f"00000000-0000-4000-8000-00000000000{n}" for n in range(1, 9)]


def test_xlsx_is_never_written_to_a_terminal(filled_store: SqliteStore, store_url: str) -> None:
    """A binary file on a terminal is noise: the command asks for --out instead."""
    script = (
        "import sys; sys.stdout.isatty = lambda: True; sys.stdout.buffer.isatty = lambda: True\n"
        "from analysts.cli import cli\n"
        f"cli(['export', '--format', 'xlsx', '--store', {store_url!r}])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "xlsx is a binary format: give --out FILE or redirect the output." in result.stderr


def test_xlsx_to_standard_output_is_a_workbook(filled_store: SqliteStore, store_url: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "analysts", "export", "--format", "xlsx", "--store", store_url],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    sheet = openpyxl.load_workbook(io.BytesIO(result.stdout)).active
    assert [row[0].value for row in sheet.iter_rows(min_row=2)][-1].endswith("8")
    assert sheet.max_row == 9


def test_a_record_reads_back_whole(tmp_path: Path) -> None:
    """Every field of a full record, from its xlsx cells (times in UTC, to the millisecond)."""
    record = make_record(
        1, datetime(2026, 5, 4, 23, 59, 59, 999000, tzinfo=UTC), barriers=("internet", "device"),
        comment="'s Avonds _x0041_ =1", comment_masked=True, part="work", status="mandatory",
        device="tablet", js=True, channel_source="reader", folded=3,
    )  # fmt: skip
    out = io.BytesIO()
    write_xlsx_rows([record_row(record)], out)
    sheet = openpyxl.load_workbook(io.BytesIO(out.getvalue())).active
    values = dict(zip(COLUMNS, (cell.value for cell in sheet[2]), strict=True))
    values["received_at"] = values["received_at"].replace(tzinfo=UTC)
    values["barriers"] = tuple(values["barriers"].split(";"))
    values["comment"] = excel_text(values["comment"])
    assert FeedbackRecord(**values) == record
