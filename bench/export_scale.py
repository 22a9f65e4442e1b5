"""CSV export of 10k, 100k and 1M records: our streaming writer vs a naive pandas one.

Each export runs in a fresh Python process that reads the same SQLite store
through FeedbackStore.iter_records and writes a CSV file. Measured per run:
- time: wall-clock seconds of the export itself (store opened to file closed;
  interpreter start-up and imports excluded, for both);
- peak memory: the process's peak resident set size, from
  resource.getrusage(RUSAGE_SELF).ru_maxrss at the end (interpreter and imports
  included, for both).
"Naive" is the common pattern: load every record into a pandas DataFrame, then
`to_csv` (it does not even neutralise formulas; ours does). It takes each
record's fields with vars() rather than to_dict(), which would copy them.

    python bench/export_scale.py [--sizes 10000 100000 1000000] [--workdir bench/out/export]

The stores are made once with demo_data (seed 1) and reused on later runs; the
smaller ones are prefixes of the larger. Goal: ours flat in memory (1M peak
<= 1.2 x 10k peak) and at least as fast as naive. Exits 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

END = datetime(2026, 10, 31, tzinfo=UTC)
SEED = 1
MEMORY_GOAL = 1.2


def export_ours(db: Path, out: Path) -> int:
    from analysts.export import write_csv
    from wegwijs_shared.store.sqlite import SqliteStore

    with open(out, "wb") as handle:
        return write_csv(SqliteStore(db).iter_records(), handle)


def export_naive(db: Path, out: Path) -> int:
    import csv

    import pandas as pd

    from wegwijs_shared.store.sqlite import SqliteStore

    # vars(), not to_dict(): no copies, so the baseline is not slowed down by asdict.
    frame = pd.DataFrame([vars(record) for record in SqliteStore(db).iter_records()])
    frame["barriers"] = frame["barriers"].str.join(";")
    frame["received_at"] = frame["received_at"].dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    frame.to_csv(out, index=False, encoding="utf-8-sig", quoting=csv.QUOTE_ALL)
    return len(frame)


def child(kind: str, db: Path, out: Path) -> None:
    """One measured export in this (fresh) process; prints one JSON line."""
    import resource

    # Every import before the clock starts, for both.
    import wegwijs_shared.store.sqlite  # noqa: F401

    if kind == "naive":
        import pandas  # noqa: F401
    else:
        import analysts.export  # noqa: F401
    start = time.perf_counter()
    rows = (export_naive if kind == "naive" else export_ours)(db, out)
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"rows": rows, "seconds": seconds, "peak_mib": peak_kib / 1024}))


def build_stores(sizes: list[int], workdir: Path) -> dict[int, Path]:
    """One store per size; each larger one starts as a copy of the one below it."""
    from analysts.demo_data import fill_store, generate_records
    from wegwijs_shared.store.sqlite import SqliteStore

    workdir.mkdir(parents=True, exist_ok=True)
    stores, previous, done = {}, None, 0
    for size in sorted(sizes):
        path = workdir / f"feedback-{size}.sqlite3"
        ready = workdir / f"feedback-{size}.ready"
        if not ready.exists():
            path.unlink(missing_ok=True)
            if previous is not None:
                shutil.copyfile(previous, path)
            started = time.perf_counter()
            records = islice(generate_records(size, SEED, END, months=10), done, None)
            store = SqliteStore(path)
            fill_store(store, records)
            store.close()  # the last connection checkpoints the WAL into the file we copy
            print(f"made {path.name} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
            ready.touch()
        stores[size], previous, done = path, path, size
    return stores


def measure(kind: str, db: Path, out: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", kind, str(db), str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    out.unlink(missing_ok=True)
    return dict(json.loads(result.stdout.splitlines()[-1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--workdir", type=Path, default=ROOT / "bench" / "out" / "export")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "DB", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return 0

    stores = build_stores(args.sizes, args.workdir)
    print(f"{'records':>9} | {'ours s':>7} | {'ours MiB':>8} | {'naive s':>7} | {'naive MiB':>9}")
    print("-" * 54)
    results = {}
    for size, db in stores.items():
        ours = measure("ours", db, args.workdir / "ours.csv")
        naive = measure("naive", db, args.workdir / "naive.csv")
        assert ours["rows"] == naive["rows"] == size
        results[size] = (ours, naive)
        print(
            f"{size:>9} | {ours['seconds']:>7.2f} | {ours['peak_mib']:>8.1f} | "
            f"{naive['seconds']:>7.2f} | {naive['peak_mib']:>9.1f}"
        )
    smallest, largest = min(results), max(results)
    growth = results[largest][0]["peak_mib"] / results[smallest][0]["peak_mib"]
    faster = all(ours["seconds"] <= naive["seconds"] for ours, naive in results.values())
    print(f"ours: peak at {largest} / peak at {smallest} = {growth:.2f} (goal <= {MEMORY_GOAL})")
    print(f"ours at least as fast as naive at every size: {'yes' if faster else 'no'}")
    return 0 if growth <= MEMORY_GOAL and faster else 1


if __name__ == "__main__":
    sys.exit(main())
