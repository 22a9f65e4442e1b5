"""What every page of the real site gives readers who use a keyboard or switch language:
a skip link that leads somewhere, also on the pages that are templates (A-Z, offline,
404), and on the A-Z and offline pages a language list with every language."""

from __future__ import annotations

import re

import pytest

from wegwijs_shared.languages import load_languages

CODES = [language.code for language in load_languages()]


def prefix(code: str) -> str:
    return "" if code == "nl" else f"{code}/"


@pytest.mark.parametrize("page", ["a-z/index.html", "offline/index.html", "404.html"])
def test_template_pages_have_a_skip_link_first_that_leads_somewhere(real_site, page):
    for code in CODES:
        html = (real_site / prefix(code) / page).read_text(encoding="utf-8")
        body = html[html.index("<body") :]
        first_link = re.search(r"<a [^>]*>", body)[0]
        assert 'class="md-skip"' in first_link, (code, first_link)
        target = re.search(r'href="#([^"]+)"', first_link)[1]
        assert f'id="{target}"' in body, (code, target)


@pytest.mark.parametrize("page", ["a-z/", "offline/"])
def test_the_a_z_and_offline_pages_offer_every_language(real_site, page):
    html = (real_site / "ti" / page / "index.html").read_text(encoding="utf-8")
    switcher = html[html.index('<details class="wg-langs">') :]
    switcher = switcher[: switcher.index("</details>")]
    offered = re.findall(r'<a href="([^"]+)" lang="([^"]+)"', switcher)
    assert [code for _, code in offered] == CODES
    assert all(href.endswith(page) or href == "./" for href, _ in offered)


def test_the_skip_link_of_a_content_page_leads_before_its_notices_and_listen(real_site):
    # Material's own link led to the first heading, past the notices above it.
    for code in CODES:
        html = (real_site / prefix(code) / "mo" / "index.html").read_text(encoding="utf-8")
        body = html[html.index("<body") :]
        first_link = re.search(r"<a [^>]*>", body)[0]
        assert first_link == '<a href="#wg-start" class="md-skip">', (code, first_link)
        assert body.count('id="wg-start"') == 1, code
        start = body.index('id="wg-start"')
        assert start > body.index('class="wg-header"'), code
        for later in ('class="wg-listen"', "<h1"):
            assert start < body.index(later), (code, later)
        if code != "nl":  # every translation is still unreviewed: its notice comes after
            assert start < body.index('class="wg-review"'), code


def test_a_heading_in_the_a_z_names_its_page_inside_its_link(real_site):
    """'More information' alone says nothing in a screen reader's list of links."""
    html = (real_site / "en" / "a-z" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<a href="[^"]*#more-information">(.*?)</a>', html)
    assert found and found[1].startswith('More information <span class="wg-hint">(')


def test_french_puts_a_no_break_space_before_the_colon_of_the_next_step(real_site):
    html = (real_site / "fr" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'rel="next">Étape suivante\u00a0: [^<]', html)
