"""Generated requests against the feedback API, at scale: 10,000 by default.

Requests come from feedback_fn/openapi.yaml (schemathesis: valid and invalid bodies,
JSON and forms; half the valid ones name a real page) and go to the real app in
process, on a SQLite file. Every answer is held against the document; afterwards
every stored record is read back from the file and validated again. A second,
smaller run uses a store that refuses every write: there 503 is the one 5xx allowed.

    python bench/fuzz_api.py [--requests 10000] [--unavailable 1000] [--seed 1]

Prints requests, requests/s, answers by media type and status, records stored,
and the problems found (5xx, answers the document does not allow, invalid records).
Exits 1 if there is any problem.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.feedback.generated_requests import (  # noqa: E402 - after the path is set
    Tally,
    cases,
    invalid_records,
    make_app,
    post_operation,
    send,
)
from wegwijs_shared.store.sqlite import SqliteStore  # noqa: E402

BATCH = 1000  # one hypothesis run per batch, each with its own seed


def run(count: int, first_seed: int, folder: Path, unavailable: bool = False) -> Tally:
    app = make_app(folder, unavailable=unavailable)
    operation = post_operation()
    tally = Tally()
    batch = 0
    while tally.requests < count:
        size = min(BATCH, count - tally.requests)

        @seed(first_seed + batch)
        @settings(
            max_examples=size,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=cases(operation))
        def one_batch(case) -> None:  # type: ignore[no-untyped-def]
            send(case, app, tally, allow_503=unavailable)

        before = tally.requests
        one_batch()
        batch += 1
        if tally.requests == before:
            break  # hypothesis generated nothing more
    return tally


def report(title: str, tally: Tally, seconds: float, db: Path, check_records: bool) -> int:
    rate = tally.requests / seconds
    print(f"{title}: {tally.requests:,} requests in {seconds:.1f} s ({rate:,.0f}/s)")
    for (media, status), number in sorted(tally.answers.items()):
        print(f"  {media:<35} {status}  {number:>6,}")
    for where, number in tally.redirects.most_common():
        print(f"    303 to {where:<40} {number:>6,}")
    problems = len(tally.server_errors) + len(tally.contract_breaks)
    print(f"  5xx not allowed: {len(tally.server_errors)}; answers the document does not allow: "
          f"{len(tally.contract_breaks)}")  # fmt: skip
    for line in (tally.server_errors + tally.contract_breaks)[:5]:
        print(f"    {line}")
    if check_records:
        stored = sum(1 for _ in SqliteStore(db).iter_records())
        invalid = invalid_records(db)
        print(f"  records stored: {stored:,}; invalid when read back and validated: {len(invalid)}")
        for line in invalid[:5]:
            print(f"    {line}")
        problems += len(invalid)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--unavailable", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    problems = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "available"
        folder.mkdir()
        started = time.perf_counter()
        tally = run(args.requests, args.seed, folder)
        seconds = time.perf_counter() - started
        problems += report("store available", tally, seconds, folder / "feedback.sqlite3", True)
        if args.unavailable:
            folder = Path(tmp) / "unavailable"
            folder.mkdir()
            started = time.perf_counter()
            tally = run(args.unavailable, args.seed + 10_000, folder, unavailable=True)
            seconds = time.perf_counter() - started
            problems += report("store unavailable", tally, seconds, folder, False)
    print("problems:", problems)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
