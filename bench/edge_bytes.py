"""Bytes a reader receives for a page: the build's own brotli against compression at the edge.

The stack never compresses at the edge (Compress is off); its CloudFront Function
sends the build's .br (brotli quality 8 for pages, made once per build). This prints, for
some pages of a built site, what that saves against compressing on the fly as a
CDN does (brotli at a lower quality, gzip at its default level):

    python build.py build --preview && python bench/edge_bytes.py [--site-dir site]

Prints figures; no assertion.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # benchmarks run as scripts from any folder
    sys.path.insert(0, str(ROOT))

from sitegen.compress import brotli_quality  # noqa: E402 - after the path is set

PAGES = ("index.html", "ar/mo/index.html", "fa/intake/index.html", "ps/mo/index.html")
# CloudFront does not document its brotli level; on-the-fly compressors use 4 to 6.
ON_THE_FLY = (4, 5, 6)


def sizes(html: bytes, built_br: bytes) -> dict[str, int]:
    figures = {"html": len(html), "build br": len(built_br)}
    for quality in ON_THE_FLY:
        figures[f"br q{quality}"] = len(brotli.compress(html, quality=quality))
    figures["gzip -6"] = len(gzip.compress(html, 6))
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    rows = []
    for rel in PAGES:
        page = args.site_dir / rel
        if not page.is_file():
            continue
        built = page.with_name(page.name + ".br")
        html = page.read_bytes()
        # A preview has no .br files: what a build to publish would write beside the page.
        built_br = (
            built.read_bytes()
            if built.is_file()
            else brotli.compress(html, quality=brotli_quality(page))
        )
        assert brotli.decompress(built_br) == html, f"{built} is not {page} compressed"
        rows.append((rel, sizes(html, built_br)))
    if not rows:
        print(f"no built pages in {args.site_dir}: run build.py build --preview first")
        return 1
    names = list(rows[0][1])
    print(f"{'page':<24}" + "".join(f"{name:>14}" for name in names) + f"{'build / q5':>11}")
    for rel, figures in rows:
        ratio = figures["build br"] / figures["br q5"]
        print(f"{rel:<24}" + "".join(f"{figures[n]:>14,}" for n in names) + f"{ratio:>11.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
