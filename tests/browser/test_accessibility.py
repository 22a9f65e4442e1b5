"""axe-core finds nothing on the page templates in both directions; the Arabic form
lays out right to left at 360 px; printed pages show an address and a QR code."""

from __future__ import annotations

import pytest

from tests.browser.conftest import ui_string

pytestmark = pytest.mark.browser

PAGES = [
    "/mo/",  # a content page with the feedback form
    "/ar/mo/",
    "/fa/kosten/",
    "/ru/kosten/",
    "/feedback/thanks/",
    "/ar/feedback/thanks/",
    "/feedback/error/",
    "/ar/feedback/error/",
    "/_staff/channels/",
    "/ar/bestaat-niet/",  # the Arabic 404 page
]


# Dutch fallbacks inside right-to-left sites, from the fixture site (tests/site/fixture).
FALLBACK_PAGES = ["/ps/kosten/", "/ar/kosten/"]


def assert_axe_finds_nothing(context, url: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = context.new_page()
    page.goto(url)
    # Check the form's optional part and the language list opened, as a reader would.
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violations(context, site_url, path):
    assert_axe_finds_nothing(context, site_url + path)


@pytest.mark.parametrize("path", FALLBACK_PAGES)
def test_axe_finds_no_violations_on_a_dutch_fallback(context, fixture_url, path):
    assert_axe_finds_nothing(context, fixture_url + path)


def test_arabic_form_is_right_to_left_at_360px(context, site_url, artifacts):
    page = context.new_page()
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + "/ar/mo/")
    form = page.locator("form[data-wg-feedback]")
    assert form.evaluate("f => getComputedStyle(f).direction") == "rtl"
    boxes = [
        page.locator(f'label:has(input[name="rating"][value="{n}"])').bounding_box()
        for n in range(1, 6)
    ]
    # On a phone the five ratings are a list, 1 (very hard) on top, each a large target.
    assert [box["y"] for box in boxes] == sorted(box["y"] for box in boxes)
    assert all(box["width"] >= 44 and box["height"] >= 44 for box in boxes)
    # The number stands at the start of its line: on the right in Arabic.
    number = page.locator('label:has(input[name="rating"][value="1"]) b').bounding_box()
    assert number["x"] > boxes[0]["x"] + boxes[0]["width"] / 2
    # Radio buttons sit at the start (right) of their label text.
    channel = page.locator('label:has(input[name="channel"][value="letter"])')
    radio = page.locator('input[name="channel"][value="letter"]').bounding_box()
    assert radio["x"] > channel.bounding_box()["x"] + channel.bounding_box()["width"] / 2
    # Nothing sticks out sideways on a small phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    form.screenshot(path=str(artifacts / "ar-form-360.png"))
    assert (artifacts / "ar-form-360.png").stat().st_size > 5000
    # On a wider screen the ratings form one row, from 1 on the right to 5 on the left.
    page.set_viewport_size({"width": 800, "height": 740})
    xs = [
        page.locator(f'label:has(input[name="rating"][value="{n}"])').bounding_box()["x"]
        for n in range(1, 6)
    ]
    assert xs == sorted(xs, reverse=True)


def test_print_shows_address_and_qr_not_navigation_or_form(context, site_url):
    """What the print stylesheet shows; tests/browser/test_print.py decodes the paper."""
    page = context.new_page()
    page.goto(site_url + "/ar/mo/")
    assert page.locator(".wg-print").is_hidden()
    page.emulate_media(media="print")
    assert page.locator(".wg-print").is_visible()
    assert page.locator(".wg-feedback").is_hidden() and page.locator(".wg-header").is_hidden()
    assert page.locator(".wg-print").inner_text().endswith("/ar/mo/")
    # The QR code is named in the page's language for assistive technology.
    qr = page.get_by_role("img", name=ui_string("ar", "print.qr"))
    box = qr.bounding_box()
    assert box is not None and box["width"] == box["height"] >= 96  # 28 mm


@pytest.mark.parametrize("path", ["/", "/ar/mo/", "/fa/", "/_staff/channels/"])
def test_readable_at_320px_without_sideways_scrolling(context, site_url, path):
    page = context.new_page()
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site_url + path)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    # Body text stays at a readable size on a small phone.
    body_text = "document.querySelector('article p:not([role=note])')"
    size = page.evaluate(f"parseFloat(getComputedStyle({body_text}).fontSize)")
    assert size >= 16
