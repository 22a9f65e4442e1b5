#!/usr/bin/env python3
"""Build time against the number of languages: the default setup vs ours, side by side.

Synthetic content (40 pages; every other language has 75% of them translated)
at 5, 10 and 20 languages. "Default" is mkdocs-material + mkdocs-static-i18n as
a new user configures them: it renders pages and nothing else. "Ours" is
`build.py build`: its "languages" phase does the same rendering (one process per
language); the whole build also compresses every file (.br at quality 11, .gz)
and checks budget, hosts and links, work the default does not do at all.
"warm" is ours again after a one-line edit of a Dutch page, with the compression
cache the cold build left (.br/.gz of unchanged content are not made again).
Prints seconds and ratios against the default's rendering, every phase of ours, and
two floors that no build of these pages can go under on this machine: brotli at
quality 11 of what the cold build compresses (CPU seconds, divided by the CPUs), and
the QR code each page carries for print (encoding, CPU seconds, divided by the CPUs).
"""

from __future__ import annotations

import argparse
import os
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", default="5,10,20")
    parser.add_argument("--pages", type=int, default=40)
    args = parser.parse_args()
    counts = [int(n) for n in args.languages.split(",")]
    print(f"{args.pages} pages per language, {os.cpu_count()} CPUs")
    print(
        f"{'languages':>9} {'default s':>10} {'ours render s':>14} {'ratio':>6}"
        f" {'ours total s':>13} {'ratio':>6} {'compress s':>11} {'output s':>9}"
        f" {'warm total s':>13} {'ratio':>6} {'warm compress s':>16}"
    )
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            content = make_content(root, count, args.pages)
            default = build_default(
                write_default_config(root, content, CODES[:count]), root / "default-site"
            )
            ours = (
                write_our_config(root, count, args.pages),
                content,
                write_languages_file(root, count),
                root / "our-site",
            )
            total, phases = build_ours(*ours)
            compression_floor, qr_floor = floors(root / "our-site")
            page = content / "nl" / "page01.md"
            page.write_text(page.read_text(encoding="utf-8") + "\nEen regel erbij.\n", "utf-8")
            warm, warm_phases = build_ours(*ours)
        render = phases["languages"]
        print(
            f"{count:>9} {default:>10.1f} {render:>14.1f} {default / render:>5.1f}x"
            f" {total:>13.1f} {default / total:>5.1f}x {phases['compress']:>11.1f}"
            f" {phases['output']:>9.1f} {warm:>13.1f} {default / warm:>5.1f}x"
            f" {warm_phases['compress']:>16.1f}"
        )
        print("  ours, every phase (s): " + " ".join(f"{k}={v:.1f}" for k, v in phases.items()))
        print(
            f"  floors on {os.cpu_count()} CPUs: brotli q{BROTLI_QUALITY} of every text file "
            f"{compression_floor:.1f}s, the pages' QR codes {qr_floor:.1f}s; the goal (2x the "
            f"default's rendering) is {default / 2:.1f}s for the whole build"
        )


if __name__ == "__main__":
    main()
