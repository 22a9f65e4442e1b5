#!/usr/bin/env python3
"""Page weight: the real content built with a default mkdocs-material setup and with ours.

For every page, the critical path (HTML plus the stylesheets and synchronous
scripts needed for first paint), brotli-compressed as the build publishes it, for both
builds side by side, and the ratio. The default setup also asks Google Fonts
for its typeface; that request goes to another host and is not counted here.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

import material
from synthetic_site import ROOT, build_default, build_ours, write_default_config

from sitegen.compress import compress_site
from sitegen.output_checks import check_site
from sitegen.settings import BUDGET_BYTES
from wegwijs_shared.languages import load_languages

MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"


def weights(site_dir: Path) -> dict[str, int]:
    _, pages = check_site(site_dir, BUDGET_BYTES)
    return {page.path: page.total for page in pages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="print every page, not a summary")
    args = parser.parse_args()
    codes = [lang.code for lang in load_languages()]
    # A default setup stops at a language Material has no UI strings for (Pashto).
    buildable = [code for code in codes if (MATERIAL_LANGUAGES / f"{code}.html").is_file()]
    if buildable != codes:
        skipped = ", ".join(sorted(set(codes) - set(buildable)))
        print(f"default setup cannot build: {skipped} (no Material UI strings); not compared")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        default_dir, our_dir = root / "default", root / "ours"
        build_default(write_default_config(root, ROOT / "content", buildable), default_dir)
        compress_site(default_dir)
        build_ours(ROOT / "mkdocs.yml", ROOT / "content", None, our_dir)
        default, ours = weights(default_dir), weights(our_dir)
    common = sorted(set(default) & set(ours))
    ratios = []
    print(f"{'page':<34} {'default B':>10} {'ours B':>8} {'ratio':>7}")
    for path in common:
        ratio = default[path] / ours[path]
        ratios.append(ratio)
        if args.all or path.count("/") <= 1 or path.startswith("ar/mo"):
            print(f"{path:<34} {default[path]:>10,} {ours[path]:>8,} {ratio:>6.1f}x")
    over = [path for path in common if ours[path] > BUDGET_BYTES]
    print(f"\n{len(common)} pages in both builds (brotli critical path, bytes)")
    print(
        f"default: median {statistics.median(default[p] for p in common):,.0f}, "
        f"max {max(default[p] for p in common):,}"
    )
    print(
        f"ours:    median {statistics.median(ours[p] for p in common):,.0f}, "
        f"max {max(ours[p] for p in common):,}; over the {BUDGET_BYTES:,} B budget: {len(over)}"
    )
    print(f"ratio default/ours: min {min(ratios):.1f}x, median {statistics.median(ratios):.1f}x")


if __name__ == "__main__":
    main()
