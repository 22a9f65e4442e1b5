"""The report in Debian's headless Chromium, offline: axe-core finds nothing, nothing is fetched."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from analysts.demo_data import generate_records
from analysts.report import render_report
from analysts.selection import Window
from tests.analysts.conftest import make_record

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser) -> Iterator:
    context = browser.new_context(offline=True)  # the report must need no network
    yield context.new_page()
    context.close()


def test_axe_finds_no_violations_in_the_report(page, tmp_path: Path) -> None:
    from axe_playwright_python.sync_playwright import Axe

    end = datetime(2026, 6, 30, tzinfo=UTC)
    records = [*generate_records(600, seed=2, end=end, months=3)]
    records.append(make_record(1, end, lang="ar", channel="letter", comment="<b>مرحبا</b>"))
    # An Arabic comment that starts with a Latin word: dir="auto" would make it left to right.
    latin_first = "OK الرسالة كانت صعبة جدا"
    records.append(make_record(2, end, lang="ar", channel="letter", comment=latin_first))
    earlier = list(generate_records(400, seed=5, end=end - timedelta(days=100), months=2))
    window = Window(end - timedelta(days=95))
    html, _ = render_report(
        [r for r in records if r.received_at >= window.since], "nl", window=window,
        earlier=(earlier, Window(None, window.since)),
    )  # fmt: skip
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(path.as_uri())
    assert page.locator("table").count() > 10
    assert page.locator("svg[role=img]").count() == 8
    assert page.locator("#compare table tbody tr").count() >= 10
    # Chromium's own accessible names: each scrolling table region is named by its
    # caption, and by no other region's name.
    scrolls = page.locator(".rpt-scroll")
    assert scrolls.count() >= 12
    for index in range(scrolls.count()):
        caption = scrolls.nth(index).locator("caption").inner_text()
        assert page.get_by_role("region", name=caption, exact=True).count() == 1, caption
    comment = page.get_by_text(latin_first)
    assert comment.evaluate("el => getComputedStyle(el).direction") == "rtl"
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert failed == []


def test_on_a_phone_a_wide_tables_caption_stays_readable_while_the_table_scrolls(
    browser, tmp_path: Path
) -> None:
    """A table wider than the screen scrolls sideways inside its region; its caption's
    words wrap at the screen's width and stay in view, wherever the table is scrolled."""
    end = datetime(2026, 6, 30, tzinfo=UTC)
    html, _ = render_report(generate_records(600, seed=2, end=end, months=3), "nl")
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    context = browser.new_context(offline=True, viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        region = page.locator("#split-lang .rpt-scroll").last  # channels x languages
        assert region.evaluate("r => r.scrollWidth > r.clientWidth + 100")  # it does scroll
        words = region.locator("caption > span")
        for scrolled in (0, 300):
            region.evaluate("(r, x) => { r.scrollLeft = x }", scrolled)
            box = words.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360, (scrolled, box)
    finally:
        context.close()
