"""Benchmark: time and memory per pipeline stage at 10k / 100k / 1M workers, against the read floor.

    PYTHONPATH=. python -m benchmarks.run                                # 10k and 100k, xlsx
    PYTHONPATH=. python -m benchmarks.run --sizes 10000 100000 1000000 --formats xlsx csv \
        --repeat 2 --prefect --identity                                 # the README figures

For each format and size, inputs are generated once (benchmarks/inputs.py, cached) and then, each
in a fresh subprocess so that peak memory is that run's own:
- the pipeline: read, prepare (type + validate), match, classify, write; wall time per stage and
  peak resident memory (the process's high-water mark, ru_maxrss, at the end of each stage);
- the floor: the same files read into Python values and nothing else (python-calamine
  `to_python()` for every sheet; for CSV, `csv.reader` over the decoded text).
Files are read as the flow reads them, concurrently in a thread pool (`--threads`, default one
file per core like the flow's task runner; 1 reads them one after the other, 0 all at once). The read stage is
the wall time to read every file, then the prepare stage the wall time to prepare every table, each
stage a pool over the files; the flow overlaps the two, so their sum is an upper bound. The floor
reads with the same pool.
Marginal cost = pipeline time at N minus pipeline time on a tiny input (fixed start-up cancels out);
the ratio is marginal cost / floor time at N. With --repeat R each figure is the minimum of R runs.

--prefect also times the whole `recon run` command (benchmarks/end_to_end.py: Prefect flow, ledger,
outputs; its own temporary server unless PREFECT_API_URL is set) on the tiny input and each size,
with the marginal cost against the same floor;
--identity times `match_identities` at 100k x 100k with ~2% dirty keys (and Splink, if installed).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

STAGES = ["read", "prepare", "match", "classify", "write"]
TINY = 200


def _max_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux


def _inputs(folder: Path) -> list[tuple[Path, str, str]]:
    from reconcile.readers import discover_inputs

    files = [(p, d, "payroll") for p, d in discover_inputs([str(folder / "payroll")])]
    return files + [(p, d, "bpjs") for p, d in discover_inputs([str(folder / "bpjs")])]


def _each(threads: int, work: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
    """`work` over `items` in a pool of `threads` threads (one per item if 0), in order."""
    with ThreadPoolExecutor(threads or max(1, len(items))) as pool:
        return list(pool.map(work, items))


def child_pipeline(folder: Path, threads: int) -> dict[str, Any]:
    """Run the pipeline stage by stage as the flow does (read + prepare per file), in this process."""
    import reconcile.pipeline as pipeline
    from reconcile.config import ReconConfig
    from reconcile.readers import read_input
    from reconcile.report import write_outputs
    from reconcile.rules import Policy, RuleBook

    seconds = dict.fromkeys(STAGES, 0.0)
    peak: dict[str, int] = {}
    policy, config, rules = Policy.load(None), ReconConfig.load(None), RuleBook.load()

    @contextmanager
    def stage(name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        seconds[name] += time.perf_counter() - start
        peak[name] = _max_rss()

    with stage("read"):
        tables = _each(threads, lambda file: read_input(*file), _inputs(folder))
    rows = sum(len(table.frame) for table in tables)
    with stage("prepare"):
        prepared = _each(threads, pipeline.prepare, tables)
    del tables

    match_seconds = 0.0
    real_match: Callable[..., Any] = pipeline.match_identities

    def timed_match(*args: Any, **kwargs: Any) -> Any:
        nonlocal match_seconds
        start = time.perf_counter()
        out = real_match(*args, **kwargs)
        match_seconds += time.perf_counter() - start
        peak["match"] = _max_rss()
        return out

    pipeline.match_identities = timed_match  # type: ignore[assignment]
    with stage("classify"):
        result = pipeline.reconcile(
            prepared, period="2018-02", policy=policy, rules=rules, config=config, run_id="bench"
        )
    seconds["classify"] -= match_seconds
    seconds["match"] = match_seconds
    with tempfile.TemporaryDirectory() as out, stage("write"):
        write_outputs(result, Path(out))
    return {
        "rows": rows,
        "findings": len(result.findings),
        "pairs": len(result.matches),
        "balanced": bool(result.balanced),
        "seconds": seconds,
        "total": sum(seconds.values()),
        "peak": peak,
        "max_rss": _max_rss(),
    }


def _floor_cells(path: Path) -> int:
    """Read one file into Python values and nothing else; the number of cells."""
    import python_calamine as pc

    if path.suffix == ".csv":
        text = path.read_bytes().decode("utf-8")
        return sum(len(r) for r in csv.reader(io.StringIO(text, newline="")))
    book = pc.CalamineWorkbook.from_path(str(path))
    return sum(sum(len(r) for r in book.get_sheet_by_name(name).to_python()) for name in book.sheet_names)


def child_floor(folder: Path, threads: int) -> dict[str, Any]:
    """Read every input into Python values and nothing else, with the pipeline's thread pool."""
    import python_calamine  # noqa: F401 (imports stay outside the timing)

    files = [path for path, _, _ in _inputs(folder)]
    start = time.perf_counter()
    cells = sum(_each(threads, _floor_cells, files))
    return {"seconds": time.perf_counter() - start, "cells": cells, "max_rss": _max_rss()}


def _child(mode: str, folder: Path, threads: int) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", f"--{mode}", str(folder), "--threads", str(threads)],
        check=True,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [os.getcwd(), os.environ.get("PYTHONPATH")])),
        },
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Minimum time per stage over repeats (memory: the minimum peak, as noise only adds)."""
    best = dict(runs[0])
    best["seconds"] = {s: min(r["seconds"][s] for r in runs) for s in STAGES}
    best["total"] = min(r["total"] for r in runs)
    best["peak"] = {s: min(r["peak"][s] for r in runs) for s in STAGES}
    best["max_rss"] = min(r["max_rss"] for r in runs)
    return best


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f}"


def measure(fmt: str, sizes: list[int], repeat: int, threads: int) -> dict[int, float]:
    """Print the stage table of `fmt` at each size; return the floor seconds by size."""
    from benchmarks.inputs import cache_dir, ensure_inputs

    print(f"\n== {fmt}: inputs cached under {cache_dir()}", flush=True)
    tiny_folder = ensure_inputs(TINY, fmt)
    tiny = _best([_child("pipeline", tiny_folder, threads) for _ in range(repeat)])
    floors: dict[int, float] = {}
    print(f"tiny input ({TINY} workers): pipeline {tiny['total']:.2f} s", flush=True)
    head = f"{'workers':>9} {'rows':>9} " + " ".join(f"{s:>9}" for s in STAGES)
    head += f" {'total':>8} {'marginal':>8} {'floor':>7} {'ratio':>6} {'peak MB':>8}"
    lines = [head]
    for n in sizes:
        start = time.perf_counter()
        folder = ensure_inputs(n, fmt)
        print(f"inputs for {n:,} workers ready ({time.perf_counter() - start:.0f} s): {folder}", flush=True)
        floor = floors[n] = min(_child("floor", folder, threads)["seconds"] for _ in range(repeat))
        run = _best([_child("pipeline", folder, threads) for _ in range(repeat)])
        marginal = run["total"] - tiny["total"]
        line = f"{n:>9,} {run['rows']:>9,} " + " ".join(f"{run['seconds'][s]:>8.2f}s" for s in STAGES)
        line += f" {run['total']:>7.2f}s {marginal:>7.2f}s {floor:>6.2f}s {marginal / floor:>5.2f}x"
        line += f" {_mb(run['max_rss']):>8}"
        lines.append(line)
        peaks = ", ".join(f"{s} {_mb(run['peak'][s])}" for s in STAGES)
        print(line, flush=True)
        print(
            f"          peak RSS (MB) by end of stage: {peaks}; findings {run['findings']:,},"
            f" pairs {run['pairs']:,}, balanced {run['balanced']}",
            flush=True,
        )
    print("\n".join(["", f"-- {fmt} summary --", *lines]), flush=True)
    return floors


def measure_end_to_end(fmt: str, sizes: list[int], floors: dict[int, float], repeat: int) -> None:
    """`recon run` as users start it (benchmarks/end_to_end.py): the tiny input, then each size."""
    from benchmarks.end_to_end import measure as run_command
    from benchmarks.inputs import ensure_inputs

    where = os.environ.get("PREFECT_API_URL") or "its own temporary Prefect server"
    tiny = run_command(ensure_inputs(TINY, fmt), repeat)
    print(f"\n`recon run` ({fmt}, {where}), end to end:", flush=True)
    print(f"  tiny input ({TINY} workers): {tiny['seconds']:.2f} s, peak {_mb(tiny['peak'])} MB", flush=True)
    for n in sizes:
        run = run_command(ensure_inputs(n, fmt), repeat)
        marginal = run["seconds"] - tiny["seconds"]
        ratio = f", {marginal / floors[n]:.2f}x the floor" if n in floors else ""
        print(
            f"  {n:>9,} workers: {run['seconds']:.2f} s, marginal {marginal:.2f} s{ratio},"
            f" peak {_mb(run['peak'])} MB",
            flush=True,
        )


def measure_identity(people: int) -> None:
    script = Path(__file__).with_name("identity_vs_splink.py")
    print(f"\nidentity resolution, {people:,} people, ~2% dirty keys:", flush=True)
    subprocess.run(
        [sys.executable, str(script), "--people", str(people), "--dirty", "0.004"],
        check=True,
        env={**os.environ, "PYTHONPATH": os.getcwd()},
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--formats", nargs="+", choices=["xlsx", "csv"], default=["xlsx"])
    parser.add_argument("--repeat", type=int, default=1, help="runs per figure; the minimum is shown")
    parser.add_argument(
        "--threads",
        type=int,
        default=max(2, os.cpu_count() or 2),
        help="files read at once (default: one per core, as the flow does; 0: all at once)",
    )
    parser.add_argument(
        "--prefect",
        action="store_true",
        help="also time `recon run` end to end (Prefect, ledger, outputs) on the tiny input and each size",
    )
    parser.add_argument("--identity", action="store_true", help="identity resolution at 100k x 100k")
    parser.add_argument("--pipeline", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--floor", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.pipeline or args.floor:
        child = (
            child_pipeline(args.pipeline, args.threads)
            if args.pipeline
            else child_floor(args.floor, args.threads)
        )
        print(json.dumps(child))
        return 0
    threads = f"{args.threads} at a time" if args.threads else "all at once"
    print(
        f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; files read {threads}", flush=True
    )
    for fmt in args.formats:
        floors = measure(fmt, args.sizes, args.repeat, args.threads)
        if args.prefect:
            measure_end_to_end(fmt, args.sizes, floors, args.repeat)
    if args.identity:
        measure_identity(100_000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
