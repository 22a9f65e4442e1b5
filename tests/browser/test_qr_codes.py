"""QR codes, rendered by the browser as a reader's printer would, decode to the right URL."""

from __future__ import annotations

import io

import pytest

pytestmark = pytest.mark.browser

# What build.py puts in links when WEGWIJS_SITE_URL is not set (mkdocs.yml).
SITE_URL = "http://127.0.0.1:8000/"


def decode_svg(context, url: str) -> str:
    import zxingcpp
    from PIL import Image

    page = context.new_page()
    page.set_viewport_size({"width": 400, "height": 400})
    page.goto(url)
    png = page.screenshot()
    page.close()
    [barcode] = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert barcode.format == zxingcpp.BarcodeFormat.QRCode
    return barcode.text


@pytest.mark.parametrize(
    ("svg", "expected"),
    [
        ("/_staff/qr/ar-letter.svg", SITE_URL + "ar/?c=letter"),
        ("/_staff/qr/nl-counter.svg", SITE_URL + "?c=counter"),
        ("/_staff/qr/ps-course.svg", SITE_URL + "ps/?c=course"),
    ],
)
def test_staff_qr_codes_lead_to_the_home_page_with_the_channel(context, site_url, svg, expected):
    assert decode_svg(context, site_url + svg) == expected


@pytest.mark.parametrize("path", ["/mo/", "/ar/mo/", "/ps/kosten/"])
def test_print_qr_code_leads_back_to_the_page_as_a_leaflet(context, site_url, path):
    assert decode_svg(context, f"{site_url}{path}qr-folder.svg") == f"{SITE_URL}{path[1:]}?c=folder"


def test_print_qr_code_of_a_dutch_fallback_keeps_the_readers_language(context, fixture_url):
    # In the fixture site, ps/kosten/ is the Dutch page shown to Pashto readers.
    svg = f"{fixture_url}/ps/kosten/qr-folder.svg"
    assert decode_svg(context, svg) == f"{SITE_URL}ps/kosten/?c=folder"


def test_staff_page_lists_every_channel_in_every_language(context, site_url):
    from wegwijs_shared.languages import load_languages
    from wegwijs_shared.vocabulary import CHANNELS

    page = context.new_page()
    page.goto(site_url + "/_staff/channels/")
    links = page.locator("a[download]")
    assert links.count() == len(CHANNELS) * len(load_languages())
    text = page.locator("article").inner_text()
    for language in load_languages():
        for channel in CHANNELS:
            assert f"{SITE_URL}{language.prefix}?c={channel}" in text
    # Not in the readers' topic list.
    assert page.locator('#wg-menu a[href*="_staff"]').count() == 0
