"""The channel report: the answer first, one chart per figures section, escaping, languages."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from analysts.cli import cli
from analysts.demo_data import generate_records
from analysts.report import render_report
from analysts.selection import Window
from tests.analysts.conftest import make_record
from wegwijs_shared.record import FeedbackRecord

END = datetime(2026, 6, 30, tzinfo=UTC)
FIGURE_SECTIONS = (
    "answer", "barriers", "split-lang", "split-part", "split-status", "split-device", "trend",
    "pages",
)  # fmt: skip
ATTACK = "<script>alert('x')</script> & <b>bold</b>"


def report_records() -> list[FeedbackRecord]:
    records = list(generate_records(1500, seed=3, end=END, months=4))
    # The newest comment of the counter channel tries to inject a script.
    records.append(make_record(9001, END, channel="counter", comment=ATTACK, rating=1))
    return records


@pytest.fixture(scope="module")
def report_en() -> str:
    html, count = render_report(report_records(), "en", {"since": "2026-03-01"})
    assert count == 1501
    return html


def section(html: str, section_id: str) -> str:
    start = html.index(f'<section id="{section_id}"')
    return html[start : html.index("</section>", start)]


def report_section(store: str, tmp_path: Path, section_id: str, *args: str) -> str:
    """One section of the report the command line writes from a store."""
    out = tmp_path / "report.html"
    runner = CliRunner(env={"FEEDBACK_STORE": None})
    result = runner.invoke(cli, ["report", *args, "--out", str(out), "--store", store])
    assert result.exit_code == 0, result.output
    return section(out.read_text(encoding="utf-8"), section_id)


def table_rows(html: str) -> list[str]:
    """The row headers (<th scope="row">) of the first table in `html`."""
    table = html[html.index("<table") : html.index("</table>")]
    return re.findall(r'<th scope="row"[^>]*>([^<]*)</th>', table)


def test_answer_first_ranking_table_with_intervals(report_en: str) -> None:
    answer = section(report_en, "answer")
    assert report_en.index('id="answer"') < report_en.index('id="barriers"')
    assert (
        '<div class="rpt-scroll" tabindex="0" role="region" aria-labelledby="answer-caption">'
        '<table class="rpt-table">\n  <caption id="answer-caption"><span>Per channel: share '
        "at least satisfied, 95% interval, number of answers and mean score</span></caption>"
    ) in answer
    # Counter, partner and course overlap: tied in tier 1, no single channel "rated best".
    assert "Rated best" not in answer
    assert "No single channel is rated best of the " in answer and "share tier 1" in answer
    assert re.search(r"<li>Tier 1: [^<]*Office counter[^<]*</li>", answer)
    assert re.search(r"<li>Tier 3: [^<]*Letter[^<]*</li>", answer)
    ranked = table_rows(answer)
    # demo_data gives partner, counter and course the highest satisfaction, letter the lowest.
    assert set(ranked[:3]) == {
        "Partner organisation",
        "Office counter",
        "Lesson or course platform",
    }
    assert ranked.index("Letter") > ranked.index("Website")
    # "other" (1% of 1500) has fewer than 30 answers: listed apart, not ranked.
    assert "Other channel" not in ranked
    too_few = answer[answer.index('id="too-few"') :]
    assert "Other channel" in too_few


def test_one_chart_per_figures_section_each_with_a_text_alternative(report_en: str) -> None:
    for section_id in FIGURE_SECTIONS:
        part = section(report_en, section_id)
        assert part.count("<figure") == 1, section_id
        svg = part[part.index("<svg") :]
        assert re.match(r'<svg role="img" aria-labelledby="([\w-]+)-title"', svg), section_id
        assert re.search(r"<title id=\"[\w-]+-title\">[^<]{20,}</title>", svg), section_id
    assert "<figure" not in section(report_en, "comments")


def test_comment_with_script_is_escaped(report_en: str) -> None:
    assert "<script" not in report_en
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in (
        report_en
    )
    comments = section(report_en, "comments")
    # Newest first within its channel: the attack (sent last) leads the counter comments.
    counter = comments[comments.index("<h3>Office counter</h3>") :]
    assert counter.index("&lt;script&gt;") < counter.index("<blockquote", 200)


def test_self_contained_accessible_and_unique_ids(report_en: str) -> None:
    assert report_en.startswith("<!doctype html>")
    assert '<html lang="en">' in report_en
    assert not re.search(r'(?:src|href)="(?!#|data:)', report_en)  # nothing fetched
    assert "<link" not in report_en and "@import" not in report_en
    ids = re.findall(r'\sid="([^"]+)"', report_en)
    assert len(ids) == len(set(ids))
    assert report_en.count("<caption") >= len(FIGURE_SECTIONS)
    assert "synthetic demo data" in report_en  # 1500 of the answers are demo data


def test_splits_name_the_agencys_groups(report_en: str) -> None:
    status = section(report_en, "split-status")
    assert table_rows(status)[:2] == ["Mandatory", "Voluntary"]
    part = section(report_en, "split-part")
    assert "Civic orientation" in part and "(not answered)" in part


def test_dutch_report() -> None:
    html, _ = render_report(report_records()[:400], "nl")
    assert '<html lang="nl">' in html
    assert "Welke kanalen worden het best beoordeeld?" in html
    assert "Verplichte en vrijwillige inburgeraars" in html
    assert re.search(r"<td class=\"rpt-num\">\d,\d\d</td>", html)  # 3,85: Dutch decimals


def test_empty_store_gives_one_clear_message_and_no_sections() -> None:
    html, count = render_report([], "en", {"channel": "sms"})
    assert count == 0
    main = html[html.index("<main>") : html.index("</main>")]
    assert "<section" not in main and "<table" not in main and "<svg" not in html
    assert re.findall(r"<p[^>]*>([^<]*)</p>", main) == [
        "Not a single answer in this selection (all answers in the store, no period chosen; "
        "channel = sms), so there is nothing to report: choose another period or other "
        "filters, or check --store."
    ]


def test_unknown_report_language_is_refused() -> None:
    records = [make_record(1, END - timedelta(days=1))]
    with pytest.raises(ValueError, match="report language"):
        render_report(records, "fr")


def test_both_report_languages_have_every_text_and_label() -> None:
    from analysts.report_text import LABELS, TEXTS
    from wegwijs_shared.vocabulary import BARRIERS, CHANNELS, SEGMENTS

    assert set(TEXTS["nl"]) == set(TEXTS["en"])
    assert set(LABELS["nl"]) == set(LABELS["en"])
    codes = [f"channel.{c}" for c in CHANNELS] + [f"barrier.{b}" for b in BARRIERS]
    codes += [f"{kind}.{value}" for kind, values in SEGMENTS.items() for value in values]
    assert not [code for code in codes if code not in LABELS["nl"]]


def test_every_site_language_is_named_in_both_report_languages() -> None:
    from analysts.report_labels import DUTCH_LANGUAGE_NAMES
    from wegwijs_shared.languages import load_languages

    # A language added to languages.yml needs its Dutch name here, or it shows as a code.
    codes = [language.code for language in load_languages()]
    assert not [code for code in codes if not DUTCH_LANGUAGE_NAMES.get(code, "").strip()]
    english = {language.code: language.english for language in load_languages()}
    assert not [code for code in codes if not english[code].strip() or english[code] == code]


def test_page_languages_are_named_never_shown_as_codes() -> None:
    from wegwijs_shared.languages import language_codes

    records = [
        make_record(number, END - timedelta(hours=number), lang=code, page=f"/{code}/")
        for number, code in enumerate(language_codes(), start=1)
    ]
    html, _ = render_report(records, "en")
    rows = table_rows(section(html, "split-lang"))
    assert {"Tigrinya", "Ukrainian", "Sorani Kurdish", "Somali", "Dari", "Turkish"} <= set(rows)
    assert not set(rows) & set(language_codes())
    html, _ = render_report(records, "nl")
    split = section(html, "split-lang")
    rows = table_rows(split)
    assert {"Tigrinya", "Oekraïens", "Koerdisch (Sorani)", "Somalisch", "Dari", "Turks"} <= set(
        rows
    )
    assert not set(rows) & set(language_codes())
    # The channel × language table and the chart's text name them the same way.
    assert '<th scope="col" class="rpt-num" dir="auto">Oekraïens</th>' in split


_REGION = re.compile(
    r'<div class="rpt-scroll" tabindex="0" role="region" aria-labelledby="([^"]+)">'
)
_HEADING = re.compile(r"<h[1-3][^>]*>([^<]*)</h[1-3]>")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_table_is_announced_by_what_it_holds_once_not_by_its_heading_again(
    lang: str,
) -> None:
    """Each scrolling region is named by its table's caption, that caption says what the
    table holds in words of its own (not the heading above it again), and no two regions
    share a name: a screen reader's list of regions tells them apart."""
    end = datetime(2026, 6, 30, tzinfo=UTC)
    window = Window(end - timedelta(days=95))
    records = [r for r in report_records() if r.received_at >= window.since]
    earlier = list(generate_records(400, seed=5, end=end - timedelta(days=100), months=2))
    html, _ = render_report(
        records, lang, window=window, earlier=(earlier, Window(None, window.since))
    )
    names = []
    for region in _REGION.finditer(html):
        caption_id = region[1]
        caption = re.match(rf'\s*<table[^>]*>\s*<caption id="{caption_id}"><span>([^<]+)</span>',
                           html[region.end() :])  # fmt: skip
        assert caption, f"region {caption_id} holds no table with that caption"
        heading = _HEADING.findall(html[: region.start()])[-1].split(" (n = ")[0].lower()
        words = caption[1]
        assert heading not in words.lower() and words.lower() not in heading, (heading, words)
        names.append(words)
    assert len(names) >= 12  # answer, status, 2 problem tables, 4 splits x 2, trends, ...
    assert len(names) == len(set(names)), names
    assert 'aria-labelledby="compare-caption"' in html  # the comparison's table too
