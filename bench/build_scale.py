#!/usr/bin/env python3
"""Build time against the number of languages: the default setup vs ours, side by side.

Synthetic content (40 pages; every other language has 75% of them translated)
at 5, 10 and 20 languages. "Default" is mkdocs-material + mkdocs-static-i18n as
a new user configures them: it renders pages and nothing else. "Ours" is
`build.py build`: its "languages" phase does the same rendering (one process per
language), and more, which "ours render" includes: each process also reads every page
it writes for the search and output phases (sitegen/page_facts.py). The whole build
also checks the content, indexes for search,
compresses every text file (.br, .gz) and checks budgets, hosts and links, work the
default does not do at all.
Ours is built twice, cold (no site, no cache): as a preview (what an editor and the
pull-request checks build; brotli at the quick quality 5, never published) and for
publishing (a public address; brotli at quality 8 for pages and 11 for scripts and
stylesheets, the bytes readers download).
"warm" is the preview again after a one-line edit of a Dutch page, with the cache the
cold build left; "republished" is the build for publishing again after that edit, with
its cache (what a merge builds: the publish workflow keeps .site-cache/). Each round
runs the default and ours, their order alternating round by round; figures and ratios
are medians of the rounds. Prints seconds and ratios against the default's rendering,
every phase of ours, and the floors that no build of these pages can go under on this
machine: brotli of what the build compresses (CPU seconds, divided by the CPUs) and
the QR code each page carries for print.
"""

from __future__ import annotations

import argparse
import os
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

from sitegen.compress import PREVIEW_QUALITY, brotli_quality, text_files
from sitegen.qr_codes import _encoded


def floors(site_dir: Path, site_url: str = "http://127.0.0.1:8000/") -> dict[str, float]:
    """Wall seconds at best on every CPU, from CPU time: brotli at a preview's quality, at
    the published qualities, and at quality 11 for every file (what a build to publish
    did before pages were published at quality 8); QR codes. Also the bytes readers
    would download of every text file, as published and at quality 11."""
    cpus = os.cpu_count() or 1
    files = [(path, path.read_bytes()) for path in text_files(site_dir)]
    found = {}
    for name, quality_of in (
        (f"brotli q{PREVIEW_QUALITY}", lambda _: PREVIEW_QUALITY),
        ("brotli as published", brotli_quality),
        ("brotli q11 of every file", lambda _: 11),
    ):
        started = time.process_time()
        size = sum(len(brotli.compress(data, quality=quality_of(path))) for path, data in files)
        found[name] = (time.process_time() - started) / cpus
        found[f"{name} bytes"] = size
    pages = list(site_dir.rglob("qr-folder.svg"))
    started = time.process_time()
    for qr in pages:
        _encoded.__wrapped__(f"{site_url}{qr.parent.relative_to(site_dir).as_posix()}/?c=folder")
    found["QR codes"] = (time.process_time() - started) / cpus
    return found


PUBLIC = "https://wegwijs.example.org/"


def one_round(
    root: Path, content: Path, count: int, pages: int, default_first: bool, run: int = 0
) -> dict:
    """The default's rendering; ours cold as a preview and for publishing; ours warm.

    Every round builds into folders of its own, and nothing is deleted until the bench
    ends: on this machine's disk, creating a file right after a tree of some ten thousand
    files was deleted took 5 to 8 times as long (0.07 ms -> 0.3 to 0.55 ms, and still so
    15 s later), and a build that writes two compressed files beside every text file paid
    that for the bench's own cleanup of the round before, which no real build follows.
    """
    figures: dict = {}
    sites = root / f"round-{run}"
    sites.mkdir()

    def default() -> None:
        config = write_default_config(root, content, CODES[:count])
        figures["default"] = build_default(config, sites / "default-site")

    def ours() -> None:
        built = (write_our_config(root, count, pages), content, write_languages_file(root, count))
        for name, public in (("published", PUBLIC), ("our", "")):
            total, phases = build_ours(*built, sites / f"{name}-site", public)
            figures[name] = {"total": total, "phases": phases}
        site = sites / "our-site"
        figures["floors"] = floors(site)
        page = content / "nl" / "page01.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nEen regel erbij.\n", "utf-8")
        figures["warm"], _ = build_ours(*built, site)
        figures["republished"], _ = build_ours(*built, sites / "published-site", PUBLIC)

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
        f" {'preview s':>10} {'ratio':>6} {'published s':>12} {'ratio':>6}"
        f" {'warm s':>7} {'ratio':>6} {'republished s':>14} {'ratio':>6}"
    )
    # One folder for every count, deleted when the bench ends (see one_round).
    with tempfile.TemporaryDirectory() as tmp:
        for count in counts:
            root = Path(tmp) / f"{count}-languages"
            root.mkdir()
            content = make_content(root, count, args.pages)
            rounds = [
                one_round(root, content, count, args.pages, run % 2 == 0, run)
                for run in range(args.runs)
            ]
            print_rounds(count, rounds)


def median(rounds: list[dict], get) -> float:
    return statistics.median(get(r) for r in rounds)


def ratio(rounds: list[dict], get) -> str:
    return f"{median(rounds, lambda r: r['default'] / get(r)):>5.1f}x"


def rendering(r: dict) -> float:
    return r["our"]["phases"]["languages"]


def print_rounds(count: int, rounds: list[dict]) -> None:
    def preview(r: dict) -> float:
        return r["our"]["total"]

    def published(r: dict) -> float:
        return r["published"]["total"]

    def warm(r: dict) -> float:
        return r["warm"]

    def republished(r: dict) -> float:
        return r["republished"]

    default = median(rounds, lambda r: r["default"])
    print(
        f"{count:>9} {default:>10.1f} {median(rounds, rendering):>14.1f}"
        f" {ratio(rounds, rendering)} {median(rounds, preview):>10.1f} {ratio(rounds, preview)}"
        f" {median(rounds, published):>12.1f} {ratio(rounds, published)}"
        f" {median(rounds, warm):>7.1f} {ratio(rounds, warm)}"
        f" {median(rounds, republished):>14.1f} {ratio(rounds, republished)}"
    )
    for build, label in (("our", "preview"), ("published", "published")):
        phases = {
            name: median(rounds, lambda r, b=build, n=name: r[b]["phases"][n])
            for name in rounds[0][build]["phases"]
        }
        print(
            f"  {label}, every phase (median s): "
            + " ".join(f"{name}={seconds:.1f}" for name, seconds in phases.items())
        )
    print(
        "  every round (default / render / preview / published s): "
        + ", ".join(
            f"{r['default']:.1f}/{rendering(r):.1f}/{preview(r):.1f}/{published(r):.1f}"
            for r in rounds
        )
    )
    floors_found = {
        name: median(rounds, lambda r, n=name: r["floors"][n]) for name in rounds[0]["floors"]
    }
    print(
        f"  floors on {os.cpu_count()} CPUs: "
        + ", ".join(
            f"{name} {seconds:.1f}s"
            for name, seconds in floors_found.items()
            if not name.endswith(" bytes")
        )
        + f"; the goal (2x the default's rendering) is {default / 2:.1f}s for the whole build"
    )
    published, smallest = (
        floors_found["brotli as published bytes"],
        floors_found["brotli q11 of every file bytes"],
    )
    print(
        f"  bytes of every text file, brotli: as published {published:,.0f},"
        f" at quality 11 {smallest:,.0f} ({published / smallest - 1:+.1%})"
    )


if __name__ == "__main__":
    main()
