"""Paper that leads back: a page printed straight after loading (as a reader prints a
page that just opened) carries its address and a QR code for it with the channel of
paper. The PDF is read as a printer's output: rasterised by pdftoppm, decoded by zxing."""

from __future__ import annotations

import shutil
import subprocess

import pytest

pytestmark = pytest.mark.browser

# What build.py puts in links when WEGWIJS_SITE_URL is not set (mkdocs.yml).
SITE_URL = "http://127.0.0.1:8000/"


def poppler(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        pytest.fail(
            f"{tool} is missing (Debian package poppler-utils): run "
            "scripts/install-test-tools.sh (make test does)"
        )
    return found


def qr_codes_in(pdf, tmp_path) -> list[str]:
    """Every QR code on every page of the PDF, rasterised at 150 dpi like a scan."""
    import zxingcpp
    from PIL import Image

    pdf_file = tmp_path / "printed.pdf"
    pdf_file.write_bytes(pdf)
    subprocess.run(
        [poppler("pdftoppm"), "-r", "150", "-png", str(pdf_file), str(tmp_path / "sheet")],
        check=True,
    )
    found = []
    for sheet in sorted(tmp_path.glob("sheet-*.png")):
        for barcode in zxingcpp.read_barcodes(Image.open(sheet)):
            assert barcode.format == zxingcpp.BarcodeFormat.QRCode
            found.append(barcode.text)
    return found


def text_of(pdf_file) -> str:
    result = subprocess.run(
        [poppler("pdftotext"), str(pdf_file), "-"], check=True, capture_output=True, text=True
    )
    return result.stdout


def assert_printed_with_qr_code(context, base: str, path: str, tmp_path) -> None:
    page = context.new_page()
    page.goto(base + path)
    pdf = page.pdf(format="A4")
    assert qr_codes_in(pdf, tmp_path) == [f"{SITE_URL}{path[1:]}?c=folder"]
    assert f"127.0.0.1:8000{path}" in text_of(tmp_path / "printed.pdf")


@pytest.mark.parametrize("path", ["/mo/", "/ar/mo/", "/ar/kosten/", "/ps/kosten/"])
def test_page_printed_right_after_loading_has_a_qr_code_back_to_it(
    context, site_url, tmp_path, path
):
    assert_printed_with_qr_code(context, site_url, path, tmp_path)


def test_printed_dutch_fallback_leads_back_to_the_readers_language(context, fixture_url, tmp_path):
    """The fixture site's Pashto kosten page is the Dutch text: the QR code keeps /ps/."""
    assert_printed_with_qr_code(context, fixture_url, "/ps/kosten/", tmp_path)


def test_printed_offline_the_qr_code_is_still_there(context, site_url, tmp_path):
    """A reader prints a page they opened earlier, now without internet."""
    page = context.new_page()
    page.goto(site_url + "/ar/mo/")
    context.set_offline(True)
    pdf = page.pdf(format="A4")
    assert qr_codes_in(pdf, tmp_path) == [SITE_URL + "ar/mo/?c=folder"]
