"""The Excel export (.xlsx): typed cells, a frozen header with filters, no formulas ever.

A CSV opened by double-click in a Belgian (Dutch or French) Excel is split on `;`,
not `,`: every record lands in one cell. An .xlsx file has no separator to guess,
and its cells carry their type: times are Excel date-times (UTC), rating, folded and
schema_version numbers, comment_masked and js booleans. Every text is written as a
string cell, never as a formula, so a comment such as `=HYPERLINK(...)` is shown as
the reader typed it and never runs (no apostrophe is added: the cell's type says it
is text). A cell whose text is mostly right-to-left (Arabic, Farsi, Pashto, ...) is
laid out right to left, whatever its first letter.

XlsxWriter's constant_memory mode writes each row out when the next one starts:
memory stays flat. Excel holds 1,048,576 rows a sheet; beyond that the records go
on in a second sheet (with its own header), never silently cut off.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, BinaryIO

from analysts.direction import language_direction, text_direction
from wegwijs_shared.record import FIELDS, RECORD_FIELDS

SHEET_NAME = "feedback"
# Excel's rows per sheet, the header included.
MAX_SHEET_ROWS = 1_048_576
# A date-time cell that says its zone: Excel itself has none.
TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss.000 "UTC"'
# Column widths in characters, per field kind; free text gets more room.
WIDTHS = {"text": 14, "time": 23, "int": 8, "bool": 9, "list": 22}
WIDE_TEXT = {"id": 38, "page": 28, "comment": 60}
_LANG = FIELDS.index("lang")


def excel_time(text: str) -> datetime:
    """The stored time text (2026-03-01T09:30:00.123Z) as the naive UTC datetime Excel keeps."""
    return datetime.fromisoformat(text.removesuffix("Z"))


class _SheetWriter:
    """Rows into sheets of the workbook: a header row, typed cells, frozen pane, filters."""

    def __init__(self, workbook: Any, max_rows: int) -> None:
        self.workbook = workbook
        self.max_rows = max_rows
        self.header = workbook.add_format({"bold": True, "bottom": 1})
        self.time = workbook.add_format({"num_format": TIME_FORMAT})
        self.rtl = workbook.add_format({"reading_order": 2})
        self.sheet: Any = None
        self.cells: list[Callable[[int, int, Any, str], Any]] = []
        self.row = 0  # the last row written in the current sheet (0: the header)
        self.sheets = 0

    def new_sheet(self) -> None:
        self.finish_sheet()
        self.sheets += 1
        name = SHEET_NAME if self.sheets == 1 else f"{SHEET_NAME} {self.sheets}"
        self.sheet = self.workbook.add_worksheet(name)
        for column, field in enumerate(RECORD_FIELDS):
            width = WIDE_TEXT.get(field.name, WIDTHS[field.kind])
            self.sheet.set_column(column, column, width)
            self.sheet.write_string(0, column, field.name, self.header)
        self.sheet.freeze_panes(1, 0)
        self.cells = self.cell_writers()
        self.row = 0

    def finish_sheet(self) -> None:
        if self.sheet is not None:
            self.sheet.autofilter(0, 0, self.row, len(RECORD_FIELDS) - 1)

    def cell_writers(self) -> list[Callable[[int, int, Any, str], Any]]:
        """Per column, how a value becomes a typed cell (text always as a string)."""
        sheet = self.sheet

        def text(row: int, column: int, value: str, lang: str) -> Any:
            if value.isascii() or text_direction(value, language_direction(lang)) == "ltr":
                return sheet.write_string(row, column, value)
            return sheet.write_string(row, column, value, self.rtl)

        by_kind: dict[str, Callable[[int, int, Any, str], Any]] = {
            "text": text,
            "time": lambda row, column, value, lang: sheet.write_datetime(
                row, column, excel_time(value), self.time
            ),
            "int": lambda row, column, value, lang: sheet.write_number(row, column, value),
            "bool": lambda row, column, value, lang: sheet.write_boolean(row, column, value),
            "list": lambda row, column, value, lang: sheet.write_string(
                row, column, ";".join(value)
            ),
        }
        return [by_kind[field.kind] for field in RECORD_FIELDS]

    def write(self, values: tuple[Any, ...]) -> None:
        if self.sheet is None or self.row + 1 >= self.max_rows:
            self.new_sheet()
        self.row += 1
        lang = values[_LANG]
        for column, (cell, value) in enumerate(zip(self.cells, values, strict=True)):
            # None (not answered), no text and no barriers: an empty cell, not a cell
            # holding "" (which Excel counts as filled in).
            if value is not None and value != "" and value != ():
                cell(self.row, column, value, lang)


def write_xlsx_rows(
    rows: Iterable[tuple[Any, ...]], out: BinaryIO, max_rows: int = MAX_SHEET_ROWS
) -> int:
    """An .xlsx workbook of the rows, streamed (see the module's docstring)."""
    import xlsxwriter  # type: ignore[import-untyped]

    workbook = xlsxwriter.Workbook(
        out,
        {
            "constant_memory": True,
            # Only write_string and the typed writers are called; these say it twice.
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    sheets = _SheetWriter(workbook, max_rows)
    count = 0
    for values in rows:
        sheets.write(values)
        count += 1
    if sheets.sheet is None:
        sheets.new_sheet()  # no records: the header alone
    sheets.finish_sheet()
    workbook.close()
    return count
