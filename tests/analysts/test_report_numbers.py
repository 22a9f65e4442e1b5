"""Numbers as the report shows them: no mean below 30 answers, and one rounding rule (half away
from zero) so that shares and their difference add up."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from click.testing import CliRunner

from analysts.cli import cli
from analysts.report import render_report
from analysts.report_format import Formatter
from tests.analysts.conftest import make_record
from tests.analysts.test_report import section
from tests.analysts.test_report_sections import cells, many
from wegwijs_shared.store.sqlite import SqliteStore


def test_a_group_below_30_answers_shows_no_mean() -> None:
    records = many(40, 0, 30, device="phone")
    records += [
        make_record(100 + index, datetime(2026, 3, 12, tzinfo=UTC), channel="counter",
                    device="tablet", rating=rating)
        for index, rating in enumerate((5, 5, 4))
    ]  # fmt: skip
    html, _ = render_report(records, "en")
    device = section(html, "split-device")
    # share, interval, n, mean: 3 answers give neither a share nor a mean (4.67)
    assert cells(device, "Tablet") == ["–", "fewer than 30 answers", "3", "–"]
    assert cells(device, "Phone") == ["75%", "60% – 86%", "40", "4.25"]
    answer = section(html, "answer")
    too_few = answer[answer.index('id="too-few"') :]
    assert cells(too_few, "Office counter") == ["3", "3 of 3"]
    assert "4.67" not in html and "4,67" not in html


def test_shares_round_half_away_from_zero_everywhere() -> None:
    fmt = Formatter("nl")
    assert [fmt.pct(share) for share in (60 / 96, 0.285, 0.125, 1 / 3)] == [
        "63%",
        "29%",
        "13%",
        "33%",
    ]
    assert fmt.number(3.675) == "3,68" and fmt.number(14 / 3) == "4,67"
    assert fmt.points(-0.05546) == "−5,5 pp" and fmt.points(-0.00049) == "0,0 pp"


def two_periods_store(path: Path) -> str:
    """Earlier 60 of 96 at least satisfied (62.5%), now 86 of 151 (57.0%)."""
    store = SqliteStore(path)
    store.create_schema()
    number = 0
    for start, count, satisfied in ((datetime(2026, 1, 5, tzinfo=UTC), 96, 60),
                                    (datetime(2026, 4, 5, tzinfo=UTC), 151, 86)):  # fmt: skip
        for index in range(count):
            number += 1
            rating = 5 if index < satisfied else 2
            store.put(make_record(number, start + timedelta(hours=index), rating=rating))
    store.close()
    return f"sqlite:///{path}"


def test_the_period_comparison_adds_up(tmp_path: Path) -> None:
    url, out = two_periods_store(tmp_path / "p.sqlite3"), tmp_path / "compare.html"
    args = ["report", "--since", "2026-04-01", "--until", "2026-07-01", "--lang", "en"]
    args += ["--compare", "2026-01-01/2026-04-01", "--out", str(out), "--store", url]
    result = CliRunner(env={"FEEDBACK_STORE": None}).invoke(cli, args)
    assert result.exit_code == 0, result.output
    compare = section(out.read_text(encoding="utf-8"), "compare")
    shown = cells(compare, "All channels together")
    # earlier, now, difference, its interval: the difference to one decimal, as its bounds
    assert [shown[0].split(" / ")[0], shown[1].split(" / ")[0]] == ["63%", "57%"]
    assert shown[2] == "−5.5 pp"
    assert re.fullmatch(r"−\d+\.\d pp … \+\d+\.\d pp", shown[3]), shown[3]
