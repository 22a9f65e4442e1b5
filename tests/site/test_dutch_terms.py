"""Dutch words a translation keeps in brackets are marked lang="nl" (sitegen.dutch_terms),
so that screen readers and Listen say them in Dutch: the rule, and the real site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitegen.dutch_terms import dutch_phrases, dutch_text, dutch_words, mark_dutch_terms

ROOT = Path(__file__).resolve().parents[2]
DUTCH = dutch_words("Een aangetekende brief. Je trajectbegeleider helpt. Intake, MO, traject.")
SPAN = '<span lang="nl" dir="ltr">'


def page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def test_a_bracketed_phrase_the_dutch_pages_use_is_marked():
    html = page("<p>رسالة مسجلة (aangetekende brief) من مرشدك (Trajectbegeleider).</p>")
    marked = mark_dutch_terms(html, DUTCH)
    assert f"رسالة مسجلة ({SPAN}aangetekende brief</span>) من" in marked
    assert f"({SPAN}Trajectbegeleider</span>)" in marked  # its own case kept
    # Nothing else changed: take the marks out and it is the page again.
    assert marked.replace(SPAN, "").replace("</span>", "") == html


def test_after_a_colon_in_the_pages_language():
    html = page("<p>The trajectory (in Dutch: traject) has steps.</p>")
    assert f"(in Dutch: {SPAN}traject</span>)" in mark_dutch_terms(html, DUTCH)


@pytest.mark.parametrize(
    "text",
    [
        "<p>Your guide (see below) helps.</p>",  # not in the Dutch pages
        "<p>Level (A2) and (730 days)</p>",  # digits: the page's own
        "<p>Sur le formulaire (intake), et l'intake se fait à l'agence.</p>",  # used outside too
        "<p>(trajectbegeleiders)</p>",  # a whole word of the Dutch, not a part of one
    ],
)
def test_what_is_not_dutch_stays_as_it_is(text):
    assert mark_dutch_terms(page(text), DUTCH) == page(text)


def test_a_printed_address_is_no_use_of_the_word():
    """'wegwijs.example.org/ti/attest/' under the page: no reason to read 'attest' as the
    page's own word."""
    html = page(
        "<p>ሰርተፊኬት (attest)</p><p class=wg-print>wegwijs.example.org/ti/attest/</p>",
    )
    assert f"({SPAN}attest</span>)" in mark_dutch_terms(html, dutch_words("je attest"))


def test_in_another_script_every_dutch_run_of_latin_words_is_marked():
    """Tigrinya, Cyrillic, Arabic pages: Dutch words without brackets too; Latin words the
    Dutch pages do not use, addresses, attributes and what is marked already are not."""
    dutch = dutch_words(
        "Je trajectbegeleider helpt je. Maatschappelijke oriëntatie. De VDAB. Nederlands."
    )
    html = page(
        "<p>ናትኩም trajectbegeleider ይሕግዘኩም። Курс maatschappelijke oriëntatie.</p>"
        '<p title="trajectbegeleider">VDAB, Chromebook, www.vdab.be, info@vdab.be</p>'
        '<a lang="nl" dir="ltr" href="#">Nederlands</a>'
    )
    marked = mark_dutch_terms(html, dutch, "ti", latin=False)
    assert f"ናትኩም {SPAN}trajectbegeleider</span> ይሕግዘኩም" in marked
    assert f"Курс {SPAN}maatschappelijke oriëntatie</span>." in marked
    assert f'<p title="trajectbegeleider">{SPAN}VDAB</span>, Chromebook, www.vdab.be' in marked
    assert marked.count(SPAN) == 3  # not the address, the e-mail, nor the Dutch link again
    # The same text on a page in Latin letters: only brackets count there.
    assert mark_dutch_terms(html, dutch, "so") == html


def test_what_dutch_itself_writes_in_brackets_is_no_dutch_word(tmp_path):
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "hulp.md").write_text(
        "Google Formulieren (Forms). Zie [de kosten](prijzen.md).\n", encoding="utf-8"
    )
    dutch = dutch_text(tmp_path)
    assert "forms" not in dutch.known and "prijzen" not in dutch.known  # an address: no text
    assert {"formulieren", "kosten", "de kosten"} <= dutch.known
    assert dutch_phrases(page("<p>نماذج (Forms)</p>"), dutch) == set()
    assert dutch_phrases(page("<p>استمارات (Formulieren)</p>"), dutch) == {"formulieren"}


def test_a_word_a_language_shares_with_dutch_is_its_own():
    html = page("<p>Téléphone portable (GSM)</p>")
    dutch = dutch_words("je gsm of je computer")
    assert mark_dutch_terms(html, dutch, "fr") == html
    assert SPAN in mark_dutch_terms(html, dutch, "ar")


def test_attributes_head_scripts_and_drawings_are_left_alone():
    head = '<title>Attest (trajectbegeleider)</title><meta content="x (trajectbegeleider)">'
    body = (
        '<a title="(trajectbegeleider)" href="#">(trajectbegeleider)</a>'
        "<script>f('(trajectbegeleider)')</script><style>a::after{content:'(mo)'}</style>"
        "<svg><title>(intake)</title></svg><textarea>(intake)</textarea><p>(intake)</p>"
    )
    marked = mark_dutch_terms(page(body, head), DUTCH)
    assert marked.count(SPAN) == 2
    assert f'<a title="(trajectbegeleider)" href="#">({SPAN}trajectbegeleider</span>)</a>' in marked
    assert f"<p>({SPAN}intake</span>)</p>" in marked
    assert marked.startswith(page("", head).split("<body>")[0])


def test_the_real_pages_mark_what_readers_meet_at_the_counter(real_site):
    arabic = (real_site / "ar" / "intake" / "index.html").read_text(encoding="utf-8")
    assert f"({SPAN}aangetekende brief</span>)" in arabic
    assert f"({SPAN}trajectbegeleider</span>)" in arabic
    # The Turkish menu on every page: a page title with the Dutch word.
    turkish = (real_site / "tr" / "kosten" / "index.html").read_text(encoding="utf-8")
    assert f"İlk görüşme ({SPAN}intake</span>)" in turkish
    english = (real_site / "en" / "werk" / "index.html").read_text(encoding="utf-8")
    assert f"(in Dutch: {SPAN}beroepsleeftijd</span>)" in english
    # Each page's own key word, although the printed address under the page has it too.
    for code in ("ti", "so", "uk", "tr", "ckb"):
        attest = (real_site / code / "attest" / "index.html").read_text(encoding="utf-8")
        assert f"{SPAN}attest</span>" in attest, code
    # Tigrinya writes the Dutch word without brackets too.
    tigrinya = (real_site / "ti" / "attest" / "index.html").read_text(encoding="utf-8")
    assert re.search(rf"[\u1200-\u137f] {re.escape(SPAN)}trajectbegeleider</span>", tigrinya)
    # Dutch pages, and Dutch in other languages' sites, are Dutch already: no marks.
    for dutch_page in (real_site / "intake" / "index.html", real_site / "index.html"):
        assert SPAN not in dutch_page.read_text(encoding="utf-8")


def test_every_mark_on_the_real_site_is_whole_and_outside_attributes(real_site):
    """A mark is an element of its own in the text: each holds a Dutch word alone, every
    span is closed, and no attribute value holds one."""
    marked = 0
    for path in sorted(real_site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if SPAN not in html:
            continue
        assert re.findall(r'="[^"]*<span lang="nl"', html) == [], path
        assert html.count("<span") == html.count("</span>"), path
        marks = re.findall(rf"{re.escape(SPAN)}([^<]*)</span>", html)
        assert all(mark.strip() == mark and mark for mark in marks), path
        marked += len(marks)
    assert marked > 500  # every translation keeps Dutch words in brackets


def test_product_names_the_dutch_pages_use_are_not_marked_dutch():
    """'Google Classroom', 'JavaScript': names, the same in every language, not Dutch."""
    dutch = dutch_words("Je gebruikt Google Classroom en Gmail. Zet JavaScript aan. Intake.")
    html = page("<p>تستخدم Google Classroom و Gmail. شغّل JavaScript. موعد intake.</p>")
    assert dutch_phrases(html, dutch, "ar", latin=False) == {"intake"}
