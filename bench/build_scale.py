#!/usr/bin/env python3
"""Build time against the number of languages: the default setup vs ours, side by side.

Synthetic content (40 pages; every other language has 75% of them translated)
at 5, 10 and 20 languages. "Default" is mkdocs-material + mkdocs-static-i18n as
a new user configures them: it renders pages and nothing else. "Ours" is
`build.py build`: its "languages" phase does the same rendering (one process per
language); the whole build also compresses every file (.br at quality 11, .gz)
and checks budget, hosts and links, work the default does not do at all.
"warm" is ours again after a one-line edit of a Dutch page, with the cache the cold
build left. Each round runs the default and ours cold (no site, no cache), their
order alternating round by round; figures and ratios are medians of the rounds.
Prints seconds and ratios against the default's rendering, every phase of ours, and
two floors that no build of these pages can go under on this machine: brotli at
quality 11 of what the cold build compresses (CPU seconds, divided by the CPUs), and
the QR code each page carries for print (encoding, CPU seconds, divided by the CPUs).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import brotli
from synthetic_site import (
    CODES,
    build_default,
    build_ours,
    make_content,
    write_default_config,
    write_languages_file,
    write_our_config,
)

from sitegen.compress import BROTLI_QUALITY, text_files
from sitegen.qr_codes import _encoded


def floors(site_dir: Path, site_url: str = "http://127.0.0.1:8000/") -> tuple[float, float]:
    """(compression, QR codes): wall seconds at best on every CPU, from their CPU time."""
    cpus = os.cpu_count() or 1
    started = time.process_time()
    for path in text_files(site_dir):
        brotli.compress(path.read_bytes(), quality=BROTLI_QUALITY)
    compression = time.process_time() - started
    pages = list(site_dir.rglob("qr-folder.svg"))
    started = time.process_time()
    for qr in pages:
        _encoded.__wrapped__(f"{site_url}{qr.parent.relative_to(site_dir).as_posix()}/?c=folder")
    return compression / cpus, (time.process_time() - started) / cpus


def one_round(root: Path, content: Path, count: int, pages: int, default_first: bool) -> dict:
    """The default's rendering, ours cold (no site, no cache), ours after a one-line edit."""
    figures: dict = {}

    def default() -> None:
        shutil.rmtree(root / "default-site", ignore_errors=True)
        config = write_default_config(root, content, CODES[:count])
        figures["default"] = build_default(config, root / "default-site")

    def ours() -> None:
        site = root / "our-site"
        for folder in (site, root / ".our-site-cache"):
            shutil.rmtree(folder, ignore_errors=True)
        built = (write_our_config(root, count, pages), content, write_languages_file(root, count))
        figures["total"], figures["phases"] = build_ours(*built, site)
        figures["floors"] = floors(site)
        page = content / "nl" / "page01.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nEen regel erbij.\n", "utf-8")
        figures["warm"], figures["warm_phases"] = build_ours(*built, site)

    for step in (default, ours) if default_first else (ours, default):
        step()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", default="5,10,20")
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3, help="rounds, the variants alternating")
    args = parser.parse_args()
    counts = [int(n) for n in args.languages.split(",")]
    print(f"{args.pages} pages per language, {os.cpu_count()} CPUs, medians of {args.runs} rounds")
    print(
        f"{'languages':>9} {'default s':>10} {'ours render s':>14} {'ratio':>6}"
        f" {'ours total s':>13} {'ratio':>6} {'compress s':>11} {'output s':>9}"
        f" {'warm total s':>13} {'ratio':>6}"
    )
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            content = make_content(root, count, args.pages)
            rounds = [
                one_round(root, content, count, args.pages, run % 2 == 0)
                for run in range(args.runs)
            ]

        def median(get, rounds=rounds) -> float:
            return statistics.median(get(r) for r in rounds)

        default = median(lambda r: r["default"])
        render = median(lambda r: r["phases"]["languages"])
        print(
            f"{count:>9} {default:>10.1f} {render:>14.1f}"
            f" {median(lambda r: r['default'] / r['phases']['languages']):>5.1f}x"
            f" {median(lambda r: r['total']):>13.1f}"
            f" {median(lambda r: r['default'] / r['total']):>5.1f}x"
            f" {median(lambda r: r['phases']['compress']):>11.1f}"
            f" {median(lambda r: r['phases']['output']):>9.1f}"
            f" {median(lambda r: r['warm']):>13.1f}"
            f" {median(lambda r: r['default'] / r['warm']):>5.1f}x"
        )
        names = rounds[0]["phases"]
        print(
            "  ours, every phase (median s): "
            + " ".join(f"{k}={median(lambda r, k=k: r['phases'][k]):.1f}" for k in names)
        )
        print(
            "  every round (default / ours render / ours total s): "
            + ", ".join(
                f"{r['default']:.1f}/{r['phases']['languages']:.1f}/{r['total']:.1f}"
                for r in rounds
            )
        )
        compression = median(lambda r: r["floors"][0])
        qr = median(lambda r: r["floors"][1])
        print(
            f"  floors on {os.cpu_count()} CPUs: brotli q{BROTLI_QUALITY} of every text file "
            f"{compression:.1f}s, the pages' QR codes {qr:.1f}s; the goal (2x the "
            f"default's rendering) is {default / 2:.1f}s for the whole build"
        )


if __name__ == "__main__":
    main()
