"""Property-based: over small random stores the report and every export never crash and their
totals add up (issue 14, item 7: a channel all 1s or all 5s, a backslash in a page label)."""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pyarrow.parquet as pq
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analysts.cli import cli
from tests.analysts.conftest import make_record
from tests.analysts.test_export_xlsx import excel_text
from wegwijs_shared.record import FIELDS, FeedbackRecord
from wegwijs_shared.store.sqlite import SqliteStore
from wegwijs_shared.vocabulary import BARRIERS, CHANNEL_SOURCES, CHANNELS, SEGMENTS

START = datetime(2025, 11, 1, tzinfo=UTC)
# Texts a reader (or an attacker) may send: backslashes and regex replacement syntax,
# right-to-left text with Latin inside, HTML, spreadsheet formulas, controls, emoji.
AWKWARD = [
    "\\",
    "\\1 \\g<0> \\n",
    "C:\\Users\\x",
    "مرحبا hello [email] شكرا",
    "[email] الرسالة صعبة",
    "خیلی سخت بود",
    "\u202eevil\u202c",
    "<script>alert(1)</script>",
    "</title></svg><b>",
    "&amp; &lt;",
    '=HYPERLINK("http://x","y")',
    "+32 470",
    "-1",
    "@SUM(A1)",
    "'s Avonds",
    "\t\r\n",
    "{0} {name} %s %(x)s",
    "😀" * 5,
    "",
]
TEXT = st.one_of(
    st.sampled_from(AWKWARD),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=40),
)
# Mostly vocabulary codes, sometimes one from a newer vocabulary (or "unknown").
CHANNEL = st.one_of(st.sampled_from(CHANNELS), st.sampled_from(("unknown", "x\\y", "<b>")))
LANG = st.sampled_from(("nl", "en", "ar", "fa", "ru", "xx"))


@st.composite
def record_lists(draw: st.DrawFn) -> list[FeedbackRecord]:
    """0-60 valid-shaped records; often every answer, or every answer of a channel, the same."""
    size = draw(st.integers(0, 60))
    mode = draw(st.sampled_from(("any", "all 1", "all 5", "per channel")))
    fixed = {channel: draw(st.sampled_from((1, 5))) for channel in CHANNELS}
    records = []
    for number in range(size):
        channel = draw(CHANNEL)
        if mode == "any":
            rating = draw(st.integers(1, 5))
        elif mode == "per channel":
            rating = fixed.get(channel, 3)
        else:
            rating = int(mode[-1])
        barriers = draw(st.lists(st.sampled_from(BARRIERS), unique=True, max_size=4))
        moment = START + timedelta(minutes=draw(st.integers(0, 60 * 24 * 200)))
        records.append(
            make_record(
                number,
                moment.replace(microsecond=draw(st.integers(0, 999)) * 1000),
                page=draw(st.one_of(st.just("/traject/"), TEXT)),
                lang=draw(LANG),
                channel=channel,
                rating=rating,
                barriers=tuple(barriers),
                comment=draw(TEXT),
                part=draw(st.one_of(st.none(), st.sampled_from(SEGMENTS["part"]))),
                status=draw(st.one_of(st.none(), st.sampled_from(SEGMENTS["status"]))),
                device=draw(st.one_of(st.none(), st.sampled_from(SEGMENTS["device"]))),
                js=draw(st.booleans()),
                channel_source=draw(st.sampled_from((None, *CHANNEL_SOURCES))),
                folded=draw(st.sampled_from((0, 0, 0, 1, 3))),
            )
        )
    return records


def stored(records: list[FeedbackRecord], folder: Path) -> str:
    """A real SQLite store holding `records`; its URL."""
    store = SqliteStore(folder / "feedback.sqlite3")
    store.create_schema()
    assert store.put_many(records) == len(records)
    store.close()
    return f"sqlite:///{folder / 'feedback.sqlite3'}"


def run(args: list[str]) -> str:
    result = CliRunner(env={"FEEDBACK_STORE": None}).invoke(cli, args)
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stderr


PROPERTY = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def channel_ns(html: str) -> list[int]:
    """The n of every channel row in the answer section (ranked and too-few tables)."""
    answer = html[html.index('<section id="answer"') : html.index("</section>")]
    return [int(n) for n in re.findall(r'<td class="rpt-num" data-col="n">(\d+)</td>', answer)]


def same_rating(count: int, rating: int, **changes: object) -> list[FeedbackRecord]:
    return [
        make_record(n, START + timedelta(hours=n), rating=rating, **changes) for n in range(count)
    ]


@PROPERTY
@given(record_lists(), st.sampled_from(("nl", "en")))
@example(same_rating(1, 3), "nl")  # one answer: "Report on 1 answer"
# As reported: one channel's answers all 1 (5 answers) or all 5 (13); a backslash in a page.
@example(same_rating(5, 1), "en")
@example(same_rating(13, 5, channel="letter"), "nl")
@example(same_rating(31, 4, page="/a\\1\\g<0>/"), "en")
def test_report_never_crashes_and_its_totals_add_up(
    records: list[FeedbackRecord], lang: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url, out = stored(records, Path(folder)), Path(folder) / "report.html"
        message = run(["report", "--lang", lang, "--out", str(out), "--store", url])
        html = out.read_text(encoding="utf-8")
    answers = "answer" if len(records) == 1 else "answers"
    assert message == f"Report on {len(records)} {answers} written to {out}.\n"
    assert html.startswith("<!doctype html>") and html.rstrip().endswith("</html>")
    if records:
        total = "in totaal" if lang == "nl" else "in total"
        assert f": {len(records)} {total}." in html
        assert sum(channel_ns(html)) == len(records)
        # How the answers arrived: stored, by source, by script, folded and received add up.
        arrived = html[html.index('<section id="provenance"') :]
        footer = arrived[arrived.index("<tfoot>") : arrived.index("</tfoot>")]
        kept, link, reader, none, unrecorded, scripted, unscripted, folded, received = [
            int(n) for n in re.findall(r'<td class="rpt-num">(\d+)</td>', footer)[:9]
        ]
        assert kept == link + reader + none + unrecorded == len(records)
        assert kept == scripted + unscripted and scripted == sum(r.js for r in records)
        assert folded == sum(record.folded for record in records)
        assert received == kept + folded
    else:
        assert "<section" not in html
    assert "<script" not in html


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record_lists())
def test_every_export_format_writes_every_record(records: list[FeedbackRecord]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = stored(records, Path(folder))
        paths = {name: Path(folder) / f"out.{name}" for name in ("csv", "jsonl", "parquet", "xlsx")}
        for name, path in paths.items():
            message = run(["export", "--format", name, "--out", str(path), "--store", url])
            noun = "record" if len(records) == 1 else "records"
            assert message == f"Exported {len(records)} {noun} as {name} to {path}.\n"
        text = paths["csv"].read_bytes().decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        lines = paths["jsonl"].read_bytes().split(b"\n")
        table = pq.read_table(paths["parquet"])
        sheet = openpyxl.load_workbook(paths["xlsx"]).active
        cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
    expected = sorted(records, key=lambda record: (record.received_at, record.id))
    assert rows[0] == list(FIELDS) and len(rows) == len(records) + 1
    assert [row[0] for row in rows[1:]] == [record.id for record in expected]
    assert lines[-1] == b"" and len(lines) == len(records) + 1
    assert [FeedbackRecord.from_dict(json.loads(line)) for line in lines[:-1]] == expected
    assert table.num_rows == len(records) and table.column("id").to_pylist() == [
        record.id for record in expected
    ]
    # Excel: typed cells, every text as the reader typed it (never a formula, no escape).
    assert cells[0] == list(FIELDS) and len(cells) == len(records) + 1
    column = {name: FIELDS.index(name) for name in FIELDS}
    for row, record in zip(cells[1:], expected, strict=True):
        assert row[column["id"]] == record.id
        assert row[column["received_at"]] == record.received_at.replace(tzinfo=None)
        assert excel_text(row[column["comment"]] or "") == record.comment
        assert excel_text(row[column["page"]] or "") == record.page
        assert (row[column["rating"]], row[column["js"]]) == (record.rating, record.js)
        assert row[column["part"]] == record.part
    # Per-channel counts agree between the formats and sum to the total.
    by_csv = sorted(row[FIELDS.index("channel")] for row in rows[1:])
    assert (
        by_csv
        == sorted(record.channel for record in records)
        == sorted(table.column("channel").to_pylist())
        == sorted(excel_text(row[column["channel"]]) for row in cells[1:])
    )
