"""What the stack's configured limits hold: a letter with a QR code to many newcomers at once.

Reads the limits from feedback_fn/serverless.yml (HTTP API stage throttling, the
function's reserved concurrency; the table is on-demand) and, for a mailing, prints
the feedback posts per second at the peak against each limit:

    python bench/capacity.py                                  # the letter: 20,000 in a morning
    python bench/capacity.py --recipients 20000 --hours 0.5   # an SMS: answers within 30 minutes
    python bench/capacity.py --hours 0.5 --rate 100 --burst 200 --concurrency 50   # what to set

Arithmetic on stated assumptions (each is an option), not a load test: Little's law
for the concurrency (posts/s x seconds per post), AWS' documented starting
throughput for a new on-demand table, DynamoDB's write units per item size.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
STACK = ROOT / "feedback_fn" / "serverless.yml"
# A new on-demand table serves up to 4,000 write request units a second at once (AWS);
# beyond that it adapts to twice the previous peak within about 30 minutes.
ON_DEMAND_START_WRU = 4000
# Most records are under 1 KB; one with a 1,000-character comment in Arabic is about
# 2.1 KB of UTF-8. A write costs one unit per started KB, in the table and again in
# its by_day index: counted here for the largest record.
LARGEST_RECORD_KB = 2.1
WRU_PER_POST = 2 * math.ceil(LARGEST_RECORD_KB)


def limits(stack: Path = STACK) -> dict[str, float]:
    params = yaml.safe_load(stack.read_text(encoding="utf-8"))["params"]["default"]
    return {
        "rate": float(params["throttleRate"]),
        "burst": float(params["throttleBurst"]),
        "concurrency": float(params["reservedConcurrency"]),
    }


def scenario(args: argparse.Namespace, configured: dict[str, float]) -> list[tuple[str, str]]:
    seconds = args.hours * 3600
    views = args.recipients * args.open_share / seconds * args.peak_factor
    posts = args.recipients * args.answer_share
    average = posts / seconds
    peak = average * args.peak_factor
    rate, burst, instances = configured["rate"], configured["burst"], configured["concurrency"]
    per_instance = 1000 / args.post_ms
    needed = peak * args.post_ms / 1000  # Little's law: instances busy at once
    # A cold function meets the peak with new instances, each busy for a cold start.
    starting = min(peak, rate) * args.cold_ms / 1000
    wru = peak * WRU_PER_POST
    margins = {
        "API throttling": rate / peak,
        "reserved concurrency": instances / max(needed, starting),
        "DynamoDB": ON_DEMAND_START_WRU / wru,
    }
    first = min(margins, key=lambda name: margins[name])
    holds = margins[first]
    verdict = "holds" if holds >= 1 else "does NOT hold: raise the limits"
    return [
        ("page views at the peak", f"{views:.1f}/s, from CloudFront's cache (S3 sees misses)"),
        ("posts", f"{args.recipients:,} x {args.answer_share:.0%} answer = {posts:,.0f}"),
        (
            f"over {args.hours:g} h",
            f"{average:.2f} posts/s on average, {peak:.1f}/s at a x{args.peak_factor:g} peak",
        ),
        ("HTTP API throttling", f"{rate:g}/s, burst {burst:g}: the peak uses {peak / rate:.0%}"),
        (
            "reserved concurrency",
            f"{instances:g} x {per_instance:.0f} posts/s = {instances * per_instance:,.0f}/s; "
            f"the peak keeps {needed:.2f} busy at {args.post_ms:g} ms a post",
        ),
        (
            "from cold",
            f"{starting:.1f} of {instances:g} instances starting at once "
            f"({args.cold_ms:g} ms import + first write each)",
        ),
        (
            "DynamoDB on demand",
            f"{wru:.0f} of {ON_DEMAND_START_WRU:,} write units/s ({WRU_PER_POST} a post)",
        ),
        ("headroom", f"x{holds:.1f} before the first limit ({first}): {verdict}"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=20000)
    parser.add_argument("--hours", type=float, default=4.0, help="when the answers come")
    parser.add_argument("--open-share", type=float, default=1.0, help="who open the page")
    parser.add_argument("--answer-share", type=float, default=0.3, help="who answer")
    parser.add_argument("--peak-factor", type=float, default=10.0, help="peak over average")
    parser.add_argument(
        "--post-ms", type=float, default=60.0, help="Lambda time per post, warm (DynamoDB included)"
    )
    parser.add_argument(
        "--cold-ms", type=float, default=700.0, help="a new instance's import and first write"
    )
    parser.add_argument("--rate", type=float, help="throttleRate to try (default: the stack's)")
    parser.add_argument("--burst", type=float, help="throttleBurst to try")
    parser.add_argument("--concurrency", type=float, help="reservedConcurrency to try")
    args = parser.parse_args(argv)
    configured = limits()
    for name in ("rate", "burst", "concurrency"):
        if getattr(args, name) is not None:
            configured[name] = getattr(args, name)
    for name, figure in scenario(args, configured):
        print(f"{name:<30} {figure}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
