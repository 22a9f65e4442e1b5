"""Listen, in headless Chromium on the real site, with a stubbed speechSynthesis: the
control appears only with a voice of the text's language, reads sentence by sentence
with the sentence shown, pauses and continues; without such a voice or without
JavaScript it is not there."""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import LocalServer, ui_string, wait_in_page
from tests.browser.small_site import small_site

pytestmark = pytest.mark.browser
__all__ = ["small_site"]  # the fixture, imported for pytest


def stub_speech(context, voice_langs: list[str], hold: bool = False) -> None:
    """A speechSynthesis with the given voices that 'speaks' each utterance in 50 ms
    (or holds it until the test releases it), recording what it was given."""
    context.add_init_script(
        """
        (() => {
          const voices = __VOICES__.map((lang, i) => ({name: "voice " + i, lang, localService: true,
                                               default: i === 0, voiceURI: "v" + i}));
          const log = window.__speech = {spoken: [], paused: false, cancelled: 0, hold: __HOLD__};
          let current = null;
          function finish() {
            const u = current; current = null;
            if (u && u.onend) u.onend();
          }
          window.__finishSentence = finish;
          window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
          const synth = {
            getVoices: () => voices,
            speak(u) {
              log.spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.name});
              current = u;
              if (!log.hold) setTimeout(() => { if (!log.paused) finish(); }, 50);
            },
            pause() { log.paused = true; },
            resume() { log.paused = false; },
            cancel() { current = null; log.cancelled += 1; },
            addEventListener() {},
          };
          Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
        })();
        """.replace("__VOICES__", json.dumps(voice_langs)).replace("__HOLD__", json.dumps(hold))
    )


def test_listen_reads_the_arabic_page_sentence_by_sentence(context, site_url):
    stub_speech(context, ["en-US", "ar-SA"], hold=True)
    page = context.new_page()
    page.goto(site_url + "/ar/mo/")
    listen = page.locator("[data-wg-listen]")
    play = listen.get_by_role("button", name=ui_string("ar", "listen.play"))
    play.click()
    wait_in_page(page, "window.__speech.spoken.length === 1")
    first = page.evaluate("window.__speech.spoken[0]")
    assert first["voice"] == "voice 1" and first["lang"] == "ar-SA"
    assert first["text"] == page.locator("article h1").inner_text().strip()
    # The sentence being read is shown, in its language.
    shown = listen.locator("[data-wg-sentence]")
    assert shown.is_visible() and shown.inner_text() == first["text"]
    assert shown.get_attribute("lang") == "ar"
    page.evaluate("window.__finishSentence()")
    wait_in_page(page, "window.__speech.spoken.length === 2")
    second = page.evaluate("window.__speech.spoken[1].text")
    assert shown.inner_text() == second and second in page.locator("article").inner_text()
    assert page.locator(".wg-reading").count() == 1
    # Pause and continue.
    listen.get_by_role("button", name=ui_string("ar", "listen.pause")).click()
    assert page.evaluate("window.__speech.paused") is True
    listen.get_by_role("button", name=ui_string("ar", "listen.resume")).click()
    assert page.evaluate("window.__speech.paused") is False
    page.evaluate("window.__finishSentence()")
    wait_in_page(page, "window.__speech.spoken.length === 3")
    listen.get_by_role("button", name=ui_string("ar", "listen.stop")).click()
    assert not shown.is_visible() and page.locator(".wg-reading").count() == 0
    assert play.is_visible()


def test_the_paragraph_being_read_is_never_under_the_panel(context, site_url):
    """On a phone the panel covers the bottom of the screen: each paragraph read is
    scrolled to above it."""
    stub_speech(context, ["ar-SA"], hold=True)
    page = context.new_page()
    page.goto(site_url + "/ar/kosten/")
    page.locator("[data-wg-listen]").get_by_role(
        "button", name=ui_string("ar", "listen.play")
    ).click()
    for count in range(1, 16):
        wait_in_page(page, f"window.__speech.spoken.length === {count}")
        top, panel = page.evaluate(
            """() => {
              const box = document.querySelector(".wg-reading").getBoundingClientRect();
              const panel = document.querySelector("[data-wg-listen]").getBoundingClientRect();
              return [box.top, panel.top];
            }"""
        )
        # The start of the paragraph is visible, above the panel.
        assert 0 <= top < panel, (count, top, panel)
        page.evaluate("window.__finishSentence()")
    assert page.evaluate("scrollY") > 0  # the page did scroll along


def listen_to(context, url: str, voices: list[str]):
    """Press Play on a page with these voices and wait until all of it was read: the page,
    and what was said, in order."""
    stub_speech(context, voices)
    page = context.new_page()
    page.goto(url)
    page.locator("[data-wg-listen] [data-wg-play]").click()
    wait_in_page(page, "document.querySelector('[data-wg-play]').hidden === false", 30)
    return page, page.evaluate("window.__speech.spoken")


def test_the_whole_page_is_read_without_form_or_notices(context, site_url):
    page, log = listen_to(context, site_url + "/ps/kosten/", ["ps-AF"])
    spoken = " ".join(item["text"] for item in log)
    assert log and all(item["lang"] == "ps-AF" for item in log)
    assert page.locator("article h1").inner_text().strip() in spoken
    for key in ("form.title", "review.notice", "listen.play", "next"):
        assert ui_string("ps", key).split("{")[0].strip() not in spoken, key


def test_a_dutch_fallback_page_is_read_in_a_dutch_voice(context, small_site, db_path):
    stub_speech(context, ["ps-AF", "nl-BE"])
    server = LocalServer(small_site, db_path)
    try:
        page = context.new_page()
        page.goto(server.url + "/ps/kosten/")  # only in Dutch: the Pashto site shows it
        page.locator("[data-wg-listen] [data-wg-play]").click()
        wait_in_page(page, "document.querySelector('[data-wg-play]').hidden === false", 30)
        log = page.evaluate("window.__speech.spoken")
        assert log and {item["lang"] for item in log} == {"nl-BE"}
        assert not any(ui_string("ps", "fallback.notice") in item["text"] for item in log)
    finally:
        server.stop()


def test_when_reading_ends_the_focus_goes_back_to_play(context, site_url):
    """Pause and Stop hide themselves at the end: a keyboard or screen-reader user is not
    thrown back to the start of the page."""
    stub_speech(context, ["ti-ER"])
    page = context.new_page()
    page.goto(site_url + "/ti/termijn-gemist/")
    play = page.locator("[data-wg-listen] [data-wg-play]")
    play.focus()
    page.keyboard.press("Enter")
    wait_in_page(page, "document.querySelector('[data-wg-play]').hidden === false", 30)
    assert page.evaluate("document.activeElement.hasAttribute('data-wg-play')")


def test_a_dutch_word_kept_in_brackets_is_read_by_a_dutch_voice(context, site_url):
    """'رسالة مسجلة (aangetekende brief)': the Dutch words in a Dutch voice (Belgian, as
    the readers live in Flanders), the sentence around them in the Arabic one."""
    page, log = listen_to(context, site_url + "/ar/intake/", ["ar-SA", "nl-NL", "nl-BE"])
    dutch = [i for i, item in enumerate(log) if item["lang"] == "nl-BE"]
    marked = page.locator('article [lang="nl"]').all_inner_texts()
    assert dutch and {log[i]["text"] for i in dutch} <= set(marked)
    first = next(i for i in dutch if log[i]["text"] == "aangetekende brief")
    assert log[first - 1]["lang"] == "ar-SA" and log[first - 1]["text"].endswith("(")
    assert log[first + 1]["lang"] == "ar-SA" and log[first + 1]["text"].startswith(")")
    assert {item["lang"] for item in log} == {"ar-SA", "nl-BE"}  # never the nl-NL voice


def test_without_a_dutch_voice_the_sentence_is_read_whole(context, site_url):
    _, log = listen_to(context, site_url + "/ar/intake/", ["ar-SA"])
    assert {item["lang"] for item in log} == {"ar-SA"}
    assert any("(aangetekende brief)" in item["text"] for item in log)
    assert not any(item["text"] == "aangetekende brief" for item in log)


def test_dari_is_read_by_a_dari_voice_which_speech_engines_call_fa_af(context, site_url):
    stub_speech(context, ["fa-IR", "fa-AF"], hold=True)
    page = context.new_page()
    page.goto(site_url + "/prs/mo/")
    page.locator("[data-wg-listen]").get_by_role(
        "button", name=ui_string("prs", "listen.play")
    ).click()
    wait_in_page(page, "window.__speech.spoken.length === 1")
    first = page.evaluate("window.__speech.spoken[0]")
    assert (first["voice"], first["lang"]) == ("voice 1", "fa-AF")  # not the Persian voice


def test_no_voice_for_the_language_no_control(context, site_url):
    stub_speech(context, ["en-US", "nl-NL"])
    page = context.new_page()
    page.goto(site_url + "/fa/mo/")
    page.wait_for_load_state("load")
    assert page.locator("[data-wg-listen]").is_hidden()
    # The same voices read the English page.
    page.goto(site_url + "/en/mo/")
    page.locator("[data-wg-listen]").wait_for(state="visible")


def test_without_javascript_no_control(nojs_context, site_url):
    page = nojs_context.new_page()
    page.goto(site_url + "/ar/mo/")
    assert page.locator("[data-wg-listen]").is_hidden()


@pytest.mark.parametrize("path", ["/mo/", "/ar/mo/"])
def test_axe_finds_nothing_while_reading(context, site_url, path):
    from axe_playwright_python.sync_playwright import Axe

    stub_speech(context, ["nl-BE", "ar-EG"], hold=True)
    page = context.new_page()
    page.goto(site_url + path)
    page.locator("[data-wg-listen] [data-wg-play]").click()
    wait_in_page(page, "window.__speech.spoken.length === 1")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_the_skip_link_lands_before_listen_not_past_it(context, site_url):
    """Skip, then Tab: Play (on a Dutch page nothing else stands above the title)."""
    stub_speech(context, ["nl-BE"])
    page = context.new_page()
    page.goto(site_url + "/mo/")
    wait_in_page(page, "document.querySelector('[data-wg-listen]').hidden === false")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "md-skip"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "wg-start"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-wg-play')")


def test_a_dari_page_is_read_by_a_persian_voice_where_the_phone_has_no_dari_one(context, site_url):
    """Most phones have an Iranian Persian voice and none for Dari (fa-AF): Listen was not
    offered to Dari readers at all. A Dari voice is still preferred where there is one."""
    _, log = listen_to(context, site_url + "/prs/intake/", ["fa-IR", "en-US"])
    assert log and {item["lang"] for item in log} <= {"fa-IR", "nl-BE"}
    assert "fa-IR" in {item["lang"] for item in log}
    _, log = listen_to(context, site_url + "/prs/intake/", ["fa-IR", "fa-AF"])
    assert {item["lang"] for item in log} == {"fa-AF"}
