"""The search phase on the fixture site: one index per language of the pages really in
it, their words folded, their titles kept; and the folding itself."""

from __future__ import annotations

import json

from sitegen.search_index import fold, page_text


def test_one_index_per_language_without_fallback_pages(fixture_site, public_fixture_site):
    entry = json.loads((fixture_site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    counts = {code: language["page_count"] for code, language in entry["languages"].items()}
    # kosten.md is Dutch only, Pashto has its home page only: fallbacks are not indexed.
    assert counts == {"nl": 3, "en": 2, "ar": 2, "ps": 1}
    assert not list((fixture_site / "pagefind").glob("pagefind-*ui*"))
    # Stored plain, with the compressed variants beside them in a build to publish.
    index = next((public_fixture_site / "pagefind" / "index").glob("ar_*.pf_index"))
    assert index.read_bytes().startswith(b"pagefind_dcd")
    assert index.with_name(index.name + ".br").is_file()


def test_a_pages_text_leaves_out_form_notices_and_navigation(fixture_site):
    text = page_text((fixture_site / "ar" / "mo" / "index.html").read_text(encoding="utf-8"))
    assert text.title == "دورة التوجيه الاجتماعي"
    assert text.description == "عن دورة التوجيه الاجتماعي."
    assert "بلغتك" in text.text
    assert "QR" not in text.text and "?" not in text.text  # no form, no print block
    fallback = page_text((fixture_site / "ar" / "kosten" / "index.html").read_text("utf-8"))
    assert fallback.fallback


def test_fold_makes_the_spellings_of_a_word_one():
    assert fold("مُعَلِّم") == fold("معلم") == "معلم"
    assert fold("إختبار") == fold("أختبار") == fold("آختبار") == fold("اختبار")
    assert fold("الأولى") == fold("الاولي") and fold("کتاب") == fold("كتاب")
    assert fold("مدرسة") == fold("مدرسه")
    assert fold("می\u200cخواهم") == fold("میخواهم")
    assert fold("٢٠٢٦ ۲۰۲۶ 2026") == "2026 2026 2026"
    assert fold("ሰላም፡ዓለም።") == "ሰላም ዓለም "
    assert fold("Ёлка VDAB Oriëntatie") == "елка vdab orientatie"
