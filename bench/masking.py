"""Masking of personal data in comments: recall and false positives per kind over the
labelled corpus, and comments per second, ours vs the previous implementation.

    python bench/masking.py [--runs 7]

The corpus is tests/data/masking_corpus.jsonl (every entry with the spans of its
personal data). A piece of personal data counts as found when a mask of its own
kind covers exactly its span; masked with another label or with other bounds is
counted apart. A false positive is a mask where the corpus has no personal data
(a date, an amount, a postal code). The previous implementation (two regular
expressions, e-mail and phone labels only) is kept below as the baseline.

Throughput alternates the two implementations run by run and prints the median
of the runs; libphonenumber is imported and warmed before the first timed run
(bench/cold_start.py measures the import itself). No assertion.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "tests" / "data" / "masking_corpus.jsonl"
KINDS = ("phone", "email", "iban", "national-number")

Span = tuple[int, int, str]

# The previous feedback_fn/masking.py (before libphonenumber), as it was.
_OLD_EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
_OLD_PHONE = re.compile(r"(?<!\w)\(?(?:\+|00)?\(?\d(?:[ \t./()\-\u2013]{0,2}\d){7,}(?!\w)")


def _old_is_phone(candidate: str) -> bool:
    digits = sum(char.isdigit() for char in candidate)
    international = candidate.lstrip("(").startswith(("+", "00"))
    return digits >= (8 if international else 9)


def old_mask_contacts(text: str) -> tuple[str, bool]:
    masked = _OLD_EMAIL.sub("[email]", text)
    masked = _OLD_PHONE.sub(
        lambda match: "[phone]" if _old_is_phone(match.group()) else match.group(), masked
    )
    return masked, masked != text


def old_spans(text: str) -> list[Span]:
    """What old_mask_contacts masks, as spans of the original text."""
    spans = [(m.start(), m.end(), "email") for m in _OLD_EMAIL.finditer(text)]
    # "[email]" in the old pass is a non-word bracket, letters, a bracket: same shape.
    shaped = text
    for start, end, _kind in spans:
        shaped = shaped[:start] + "[" + "x" * (end - start - 2) + "]" + shaped[end:]
    spans += [
        (m.start(), m.end(), "phone")
        for m in _OLD_PHONE.finditer(shaped)
        if _old_is_phone(m.group())
    ]
    return sorted(spans)


def new_spans(text: str) -> list[Span]:
    from feedback_fn.masking import find_personal_data

    return [(start, end, label.strip("[]")) for start, end, label in find_personal_data(text)]


def load_corpus() -> list[dict[str, Any]]:
    with CORPUS.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def score(corpus: list[dict[str, Any]], find: Callable[[str], list[Span]]) -> dict[str, Counter]:
    """Per kind: expected, found (exact span, own label), other label, other bounds, FP."""
    tally: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
    unchanged_clean = 0
    for entry in corpus:
        expected = [tuple(span) for span in entry["spans"]]
        found = find(entry["text"])
        for start, end, kind in expected:
            tally[kind]["expected"] += 1
            overlapping = [s for s in found if s[0] < end and start < s[1]]
            if (start, end, kind) in found:
                tally[kind]["found"] += 1
            elif any((s[0], s[1]) == (start, end) for s in overlapping):
                tally[kind]["other label"] += 1
            elif overlapping:
                tally[kind]["other bounds"] += 1
        for start, end, kind in found:
            if not any(s[0] < end and start < s[1] for s in expected):
                tally[kind]["false positive"] += 1
        if not expected and not found:
            unchanged_clean += 1
    tally["all"] = Counter(clean_kept=unchanged_clean, clean=sum(not e["spans"] for e in corpus))
    return tally


def print_accuracy(corpus: list[dict[str, Any]]) -> None:
    tallies = {"previous": score(corpus, old_spans), "ours": score(corpus, new_spans)}
    print(f"Corpus: {len(corpus)} comments, {Counter(e['lang'] for e in corpus)}")
    header = f"{'kind':17}{'impl':10}{'items':>6}{'recall':>9}{'other label':>13}"
    print(header + f"{'other bounds':>14}{'false pos.':>12}")
    for kind in KINDS:
        for name, tally in tallies.items():
            row = tally[kind]
            recall = row["found"] / row["expected"] if row["expected"] else 0.0
            print(
                f"{kind:17}{name:10}{row['expected']:>6}{recall:>9.1%}{row['other label']:>13}"
                f"{row['other bounds']:>14}{row['false positive']:>12}"
            )
    for name, tally in tallies.items():
        clean = tally["all"]
        print(
            f"{name}: {clean['clean_kept']} of {clean['clean']} comments without personal "
            "data left unchanged"
        )


def time_run(mask: Callable[[str], tuple[str, bool]], texts: list[str], rounds: int) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            mask(text)
    return rounds * len(texts) / (time.perf_counter() - started)


def print_throughput(corpus: list[dict[str, Any]], runs: int) -> None:
    from feedback_fn.masking import mask_contacts

    samples = {
        "whole corpus": [e["text"] for e in corpus],
        "with personal data": [e["text"] for e in corpus if e["spans"]],
        "without digits or @": [e["text"] for e in corpus if not re.search(r"\d|@", e["text"])],
    }
    variants = {"previous": old_mask_contacts, "ours": mask_contacts}
    for text in samples["whole corpus"]:  # warm: libphonenumber imported, metadata loaded
        mask_contacts(text)
    print(f"\nThroughput, comments/s, median of {runs} alternating runs (one process, one core)")
    print(f"{'sample':24}{'comments':>9}{'previous':>12}{'ours':>12}{'ours/previous':>15}")
    for label, texts in samples.items():
        rounds = max(1, 2000 // max(len(texts), 1))
        rates: dict[str, list[float]] = {name: [] for name in variants}
        for _ in range(runs):
            for name, mask in variants.items():
                rates[name].append(time_run(mask, texts, rounds))
        old, new = (statistics.median(rates[name]) for name in variants)
        print(f"{label:24}{len(texts):>9}{old:>12,.0f}{new:>12,.0f}{new / old:>15.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    corpus = load_corpus()
    print_accuracy(corpus)
    print_throughput(corpus, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
