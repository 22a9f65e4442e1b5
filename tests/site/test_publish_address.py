"""No localhost on anything published: a build for publishing needs the public address.

A preview (build.py serve, build --preview) runs without it and says that it is one;
a build for publishing refuses to start without it, and what it writes (pages,
sitemap, robots.txt, printed address, every QR code, the staff page) carries it.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import brotli
import pytest

import build
from sitegen.qr_codes import qr_inline_svg, qr_svg
from sitegen.site_address import (
    ENVIRONMENT,
    AddressError,
    built_address,
    check_public_address,
    is_preview_address,
    served_address,
)
from tests.site.conftest import FIXTURE, PUBLIC_URL, build_site

PREVIEW_URL = "http://127.0.0.1:8000/"


def build_fixture(site_dir: Path) -> int:
    fixture = (FIXTURE / "mkdocs.yml", FIXTURE / "content", site_dir, FIXTURE / "languages.yml")
    return build_site(*fixture, preview=False)


def test_build_without_the_public_address_refuses_before_building_anything(
    monkeypatch, tmp_path, capsys
):
    monkeypatch.delenv("WEGWIJS_SITE_URL", raising=False)
    assert build_fixture(tmp_path / "site") == 1
    err = capsys.readouterr().err
    assert "build.py build: no public address: WEGWIJS_SITE_URL is not set, so mkdocs.yml's " in err
    assert "preview address http://127.0.0.1:8000/ would be used; set it to the address " in err
    assert "readers open, e.g. WEGWIJS_SITE_URL=https://wegwijs.example.be/. Every " in err
    assert "every QR code" in err and "build.py serve, or build.py build --preview" in err
    assert not (tmp_path / "site").exists()


def test_a_local_address_in_the_environment_stops_the_build(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("WEGWIJS_SITE_URL", PREVIEW_URL)
    assert build_fixture(tmp_path / "site") == 1
    assert "'http://127.0.0.1:8000/' is not an https:// address" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("", "no public address"),
        ("/", "no public address"),
        ("http://wegwijs.example.be/", "is not an https:// address"),
        ("wegwijs.example.be", "is not an https:// address"),
        ("https://127.0.0.1:8000/", "this computer or its network"),
        ("https://localhost/", "this computer or its network"),
        ("https://[::1]/", "this computer or its network"),
        ("https://192.168.1.20/", "this computer or its network"),
        ("https://10.0.0.7/", "this computer or its network"),
        ("https://wegwijs.local/", "this computer or its network"),
        ("https://preview.localhost/", "this computer or its network"),
        ("https://intranet/", "this computer or its network"),
        ("https://wegwijs.example.be/nl/", "has a path"),
        ("https://wegwijs.example.be/?c=letter", "has a query"),
        ("https://user@wegwijs.example.be/", "user name"),
    ],
)
def test_an_address_readers_cannot_open_is_refused_with_the_fix(url, reason):
    with pytest.raises(AddressError, match=reason) as raised:
        check_public_address(url)
    assert "WEGWIJS_SITE_URL=https://" in str(raised.value)
    if "this computer" in reason or "no public" in reason:
        assert is_preview_address(url)  # what a preview build may carry


@pytest.mark.parametrize(
    ("url", "public"),
    [
        ("https://wegwijs.example.be", "https://wegwijs.example.be/"),
        ("https://wegwijs.example.be/", "https://wegwijs.example.be/"),
        ("https://d111111abcdef8.cloudfront.net/", "https://d111111abcdef8.cloudfront.net/"),
        ("https://wegwijs.example.be:8443/", "https://wegwijs.example.be:8443/"),
    ],
)
def test_a_public_address_is_accepted_with_one_slash_at_the_end(url, public):
    assert check_public_address(url) == public
    assert not is_preview_address(url)


def test_a_preview_says_that_it_is_one(capsys):
    build._check_address(PREVIEW_URL, preview=True)
    err = capsys.readouterr().err
    assert err.startswith(f"preview: links, the sitemap and the QR codes point to {PREVIEW_URL}")
    assert "build.py publish refuses this build" in err


@pytest.mark.parametrize(
    ("host", "port", "address"),
    [
        ("127.0.0.1", 8000, "http://127.0.0.1:8000/"),
        ("127.0.0.1", 8080, "http://127.0.0.1:8080/"),
        ("0.0.0.0", 8080, "http://127.0.0.1:8080/"),  # every interface: opened here
        ("::", 8000, "http://127.0.0.1:8000/"),
        ("::1", 8000, "http://[::1]:8000/"),
        ("localhost", 9000, "http://localhost:9000/"),
    ],
)
def test_a_served_preview_links_to_the_server_that_shows_it(host, port, address, monkeypatch):
    assert served_address(host, port) == address
    assert is_preview_address(address)
    # Set, then removed, both through monkeypatch: it then restores the variable as it was
    # before the test. (delenv of a variable that is not set records nothing, and the
    # address _preview_links_here sets stayed for every later test: a publish test run
    # after this file refused its build for that http:// address.)
    monkeypatch.setenv(ENVIRONMENT, PUBLIC_URL)
    monkeypatch.delenv(ENVIRONMENT)
    build._preview_links_here(host, port)
    assert os.environ[ENVIRONMENT] == address
    # An address someone set is never replaced.
    monkeypatch.setenv(ENVIRONMENT, PUBLIC_URL)
    build._preview_links_here(host, port)
    assert os.environ[ENVIRONMENT] == PUBLIC_URL


def test_serve_says_whether_it_serves_a_preview(fixture_site, public_fixture_site, capsys):
    build._say_what_is_served(fixture_site)
    assert (
        capsys.readouterr().out
        == f"preview: links and QR codes in these pages point to {PREVIEW_URL}\n"
    )
    build._say_what_is_served(public_fixture_site)
    assert (
        capsys.readouterr().out
        == f"serving a build for {PUBLIC_URL} (links and QR codes lead there)\n"
    )


def test_the_preview_staff_page_warns_that_its_links_lead_nowhere(fixture_site):
    staff = (fixture_site / "_staff" / "channels" / "index.html").read_text(encoding="utf-8")
    assert "Voorbeeld: niet afdrukken of versturen" in staff
    assert f"Deze links en QR-codes wijzen naar {PREVIEW_URL}" in staff
    assert built_address(fixture_site) == PREVIEW_URL


def test_nothing_in_a_public_build_names_a_local_address(public_fixture_site):
    checked = 0
    for path in sorted(public_fixture_site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".br":
            data = brotli.decompress(data)
        elif path.suffix == ".gz":
            data = gzip.decompress(data)
        assert b"127.0.0.1" not in data and b"localhost" not in data, path
        checked += 1
    assert checked > 200  # pages, QR codes, sitemap, robots.txt and their .br/.gz
    assert built_address(public_fixture_site) == PUBLIC_URL


def test_staff_page_and_its_qr_codes_carry_the_public_address(public_fixture_site):
    staff = (public_fixture_site / "_staff" / "channels" / "index.html").read_text("utf-8")
    assert f"{PUBLIC_URL}ar/?c=letter" in staff and f"{PUBLIC_URL}?c=counter" in staff
    assert "Voorbeeld" not in staff
    # The code the staff download is exactly the QR code of the public link.
    svg = (public_fixture_site / "_staff" / "qr" / "ar-letter.svg").read_bytes()
    assert svg == qr_svg(f"{PUBLIC_URL}ar/?c=letter", "Wegwijs Arabic: letter")
    # Where one page's code is (for a leaflet on one topic): an address that exists.
    assert f"{PUBLIC_URL}ar/mo/qr-folder.svg" in staff
    page_code = (public_fixture_site / "ar" / "mo" / "qr-folder.svg").read_bytes()
    assert page_code.startswith(b"<svg") and b"<title>" in page_code


def test_printed_page_shows_the_public_address_and_its_qr_leads_there(public_fixture_site):
    page = (public_fixture_site / "ar" / "mo" / "index.html").read_text(encoding="utf-8")
    assert '<span dir="ltr">wegwijs.example.org/ar/mo/</span>' in page
    assert str(qr_inline_svg(f"{PUBLIC_URL}ar/mo/?c=folder")) in page
    robots = (public_fixture_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {PUBLIC_URL}sitemap.xml" in robots
    sitemap = (public_fixture_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{PUBLIC_URL}ar/mo/</loc>" in sitemap


def test_what_is_published_is_compressed_and_a_preview_not_at_all(
    public_fixture_site, fixture_site
):
    """Readers download the published build on every visit: brotli beside every text file,
    pages at quality 8, the scripts and stylesheets every page shares at 11 (the smallest).
    A preview is never published (publish refuses it): it writes none."""
    import brotli

    for rel, quality in (
        ("ar/mo/index.html", 8),
        ("sitemap.xml", 8),
        ("assets/feedback.js", 11),
        ("sw.js", 11),
    ):
        data = (public_fixture_site / rel).read_bytes()
        assert (public_fixture_site / (rel + ".br")).read_bytes() == brotli.compress(
            data, quality=quality
        )
    assert not [path for path in fixture_site.rglob("*") if path.suffix in (".br", ".gz")]
