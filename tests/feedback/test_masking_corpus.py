"""The labelled masking corpus: for every comment, the exact stored text.

tests/data/masking_corpus.jsonl holds one comment a line: `text`, `lang`, `expected`
(the text with each piece of personal data replaced by its label), `kinds` (those
labels in order), `spans` ([start, end, kind] of each piece in `text`) and `note`
(what the entry is about). bench/masking.py reads the same file for recall and
false positives per kind.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from feedback_fn.masking import MASKS, find_personal_data, mask_contacts

from .servers import ROOT

CORPUS = ROOT / "tests" / "data" / "masking_corpus.jsonl"
LANGUAGES = {"nl", "en", "ar", "fa", "fr", "ru"}
KINDS = {mask.strip("[]") for mask in MASKS}


def load_corpus() -> list[dict[str, Any]]:
    with CORPUS.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


ENTRIES = load_corpus()


@pytest.mark.parametrize(
    "entry", ENTRIES, ids=[f"{n + 1}-{entry['lang']}" for n, entry in enumerate(ENTRIES)]
)
def test_corpus_entry_is_masked_exactly(entry: dict[str, Any]) -> None:
    masked, was_masked = mask_contacts(entry["text"])
    assert masked == entry["expected"], entry["note"]
    assert was_masked is bool(entry["kinds"])
    found = [
        [start, end, label.strip("[]")] for start, end, label in find_personal_data(entry["text"])
    ]
    assert found == entry["spans"]


def test_corpus_covers_languages_kinds_and_the_cases_seen() -> None:
    assert len(ENTRIES) >= 200
    assert {entry["lang"] for entry in ENTRIES} == LANGUAGES
    for lang in LANGUAGES:
        of_lang = [entry for entry in ENTRIES if entry["lang"] == lang]
        assert any(entry["kinds"] for entry in of_lang), lang
        assert any(not entry["kinds"] for entry in of_lang), lang
    assert {kind for entry in ENTRIES for kind in entry["kinds"]} == KINDS
    texts = "\n".join(entry["text"] for entry in ENTRIES)
    seen_in_the_issue = [
        "\u00a012\u00a034",
        "\u202f12\u202f34",
        "0470 / 12 34 56",
        "gsm0470123456",
        "0470 12\n34 56",
        "BE68539007547034",
        "BE68 5390 0754 7034",
        "jan (at) gmail (dot) com",
        "jan.peeters @ gmail.com",
        "85.07.30-033.28",
        "85073003328",
        "12/05/2024 14:30",
        "1 250 000 000 euro",
        "0800 30 700",
    ]
    for case in seen_in_the_issue:
        assert case in texts, case
    assert any("\u0660" <= char <= "\u0669" for char in texts)  # Arabic-Indic digits
    assert any("\u06f0" <= char <= "\u06f9" for char in texts)  # Persian digits


def test_corpus_entries_agree_with_themselves() -> None:
    """`expected` is `text` with each span replaced by its label, and nothing else changed."""
    for entry in ENTRIES:
        assert [kind for _start, _end, kind in entry["spans"]] == entry["kinds"]
        text, pieces, position = entry["text"], [], 0
        for start, end, kind in entry["spans"]:
            assert position <= start < end <= len(text), entry["note"]
            pieces += [text[position:start], f"[{kind}]"]
            position = end
        assert "".join(pieces) + text[position:] == entry["expected"], entry["note"]
