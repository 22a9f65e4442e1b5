"""Exports of 10k, 100k and 1M records, per format: ours (streamed) vs a naive pandas one.

Each export runs in a fresh Python process that reads the same SQLite store and
writes one file. Ours is what `python -m analysts export` runs: the store's rows
(FeedbackStore.iter_rows) into the format's streaming writer. "Naive" is the common
pattern: load every record (FeedbackStore.iter_records) into a pandas DataFrame, then
`to_csv`, `to_json(lines=True)`, `to_parquet` or `to_excel` (it does not even
neutralise formulas in CSV; ours does). It takes each record's fields with vars()
rather than to_dict(), which would copy them. Measured per run:
- time: wall-clock seconds of the export itself (store opened to file closed;
  interpreter start-up and imports excluded, for both), and the CPU seconds
  (user + system) of the same span: on a shared machine the CPU time is the
  steadier figure, the wall-clock time the one a user waits;
- peak memory: the process's peak resident set size, from
  resource.getrusage(RUSAGE_SELF).ru_maxrss at the end (interpreter and imports
  included, for both).
Ours and naive run alternately (ours first, then naive first, ...) `--repeat`
times each; the medians are printed, with the ratio naive / ours.

    python bench/export_scale.py [--sizes 10000 100000 1000000] [--formats csv jsonl parquet]
                                 [--repeat 1] [--workdir bench/out/export]

The stores are made once with demo_data (seed 1) and reused on later runs; the
smaller ones are prefixes of the larger. Goals: ours flat in memory (peak at the
largest size <= 1.2 x the peak at the smallest, per format) and, at the largest
size, at least 3 x as fast as naive in CSV, JSON Lines and Parquet (xlsx, with
`--formats xlsx`, is measured but has no speed goal). Exits 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
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
SPEED_GOAL = 3.0
SPEED_GOAL_FORMATS = ("csv", "jsonl", "parquet")
FORMATS = ("csv", "jsonl", "parquet", "xlsx")


def export_ours(file_format: str, db: Path, out: Path) -> int:
    from analysts.export import select_rows, write_rows
    from wegwijs_shared.store.sqlite import SqliteStore

    with open(out, "wb") as handle:
        return write_rows(file_format, select_rows(SqliteStore(db)), handle)


def export_naive(file_format: str, db: Path, out: Path) -> int:
    import csv

    import pandas as pd

    from wegwijs_shared.store.sqlite import SqliteStore

    # vars(), not to_dict(): no copies, so the baseline is not slowed down by asdict.
    frame = pd.DataFrame([vars(record) for record in SqliteStore(db).iter_records()])
    if file_format == "parquet":
        frame["barriers"] = frame["barriers"].map(list)
        frame.to_parquet(out, index=False, compression="zstd")
        return len(frame)
    if file_format == "xlsx":  # Excel keeps no time zone: the UTC time, naive
        frame["received_at"] = frame["received_at"].dt.tz_localize(None)
        frame["barriers"] = frame["barriers"].str.join(";")
        frame.to_excel(out, index=False, engine="xlsxwriter")
        return len(frame)
    frame["received_at"] = frame["received_at"].dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if file_format == "jsonl":
        frame.to_json(out, orient="records", lines=True, force_ascii=False)
        return len(frame)
    frame["barriers"] = frame["barriers"].str.join(";")
    frame.to_csv(out, index=False, encoding="utf-8-sig", quoting=csv.QUOTE_ALL)
    return len(frame)


def child(kind: str, file_format: str, db: Path, out: Path) -> None:
    """One measured export in this (fresh) process; prints one JSON line."""
    import resource

    # Every import before the clock starts, for both.
    import wegwijs_shared.store.sqlite  # noqa: F401

    if kind == "naive":
        import pandas  # noqa: F401

        if file_format == "xlsx":
            import xlsxwriter  # noqa: F401
    else:
        import analysts.export  # noqa: F401

        if file_format == "xlsx":
            import xlsxwriter  # noqa: F401

            import analysts.direction  # noqa: F401
    if file_format == "parquet":
        # pyarrow imports pandas (when installed) on its first conversion: an import
        # like the others, made here so that neither side's clock counts it.
        import pandas  # noqa: F401, F811
        import pyarrow.compute  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    usage = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    rows = (export_naive if kind == "naive" else export_ours)(file_format, db, out)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime
    print(
        json.dumps(
            {"rows": rows, "seconds": seconds, "cpu": cpu, "peak_mib": after.ru_maxrss / 1024}
        )
    )


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


def measure(kind: str, file_format: str, db: Path, out: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", kind, file_format, str(db), str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    out.unlink(missing_ok=True)
    return dict(json.loads(result.stdout.splitlines()[-1]))


def alternate(file_format: str, db: Path, workdir: Path, repeat: int) -> dict[str, dict]:
    """`repeat` runs of each, alternating which goes first; the median of each figure."""
    runs: dict[str, list[dict[str, float]]] = {"ours": [], "naive": []}
    for turn in range(repeat):
        order = ("ours", "naive") if turn % 2 == 0 else ("naive", "ours")
        for kind in order:
            runs[kind].append(measure(kind, file_format, db, workdir / f"{kind}.{file_format}"))
    return {
        kind: {key: statistics.median(run[key] for run in measured) for key in measured[0]}
        for kind, measured in runs.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument(
        "--formats", nargs="+", choices=FORMATS, default=["csv", "jsonl", "parquet"]
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs of each, alternating")
    parser.add_argument("--workdir", type=Path, default=ROOT / "bench" / "out" / "export")
    parser.add_argument(
        "--child", nargs=4, metavar=("KIND", "FORMAT", "DB", "OUT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], args.child[1], Path(args.child[2]), Path(args.child[3]))
        return 0

    stores = build_stores(args.sizes, args.workdir)
    print(
        f"{'records':>9} | {'format':>7} | {'ours s':>7} | {'cpu s':>6} | {'MiB':>5} | "
        f"{'naive s':>7} | {'cpu s':>6} | {'MiB':>6} | {'naive/ours':>10} | {'(cpu)':>5}"
    )
    print("-" * 96)
    results: dict[str, dict[int, dict[str, dict]]] = {name: {} for name in args.formats}
    for size, db in stores.items():
        for file_format in args.formats:
            both = alternate(file_format, db, args.workdir, args.repeat)
            ours, naive = both["ours"], both["naive"]
            assert ours["rows"] == naive["rows"] == size
            results[file_format][size] = both
            print(
                f"{size:>9} | {file_format:>7} | {ours['seconds']:>7.2f} | {ours['cpu']:>6.2f} | "
                f"{ours['peak_mib']:>5.1f} | {naive['seconds']:>7.2f} | {naive['cpu']:>6.2f} | "
                f"{naive['peak_mib']:>6.0f} | {naive['seconds'] / ours['seconds']:>9.2f}x | "
                f"{naive['cpu'] / ours['cpu']:>4.2f}x",
                flush=True,
            )
    met = True
    for file_format, by_size in results.items():
        smallest, largest = min(by_size), max(by_size)
        ours, naive = by_size[largest]["ours"], by_size[largest]["naive"]
        growth = ours["peak_mib"] / by_size[smallest]["ours"]["peak_mib"]
        speed = naive["seconds"] / ours["seconds"]
        print(
            f"{file_format}: ours' peak at {largest} / at {smallest} = {growth:.2f} "
            f"(goal <= {MEMORY_GOAL}); at {largest} naive / ours = {speed:.2f}x wall, "
            f"{naive['cpu'] / ours['cpu']:.2f}x CPU"
            + (f" (goal >= {SPEED_GOAL}x)" if file_format in SPEED_GOAL_FORMATS else "")
        )
        met &= growth <= MEMORY_GOAL
        met &= file_format not in SPEED_GOAL_FORMATS or speed >= SPEED_GOAL
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
