"""End to end: `recon run`, the product as users start it, timed on the benchmark inputs.

The stage table of benchmarks/run.py times the pipeline's functions in one process; this times the
whole command: Prefect flow and tasks, concurrent reads, the ledger, the four outputs. With no
PREFECT_API_URL the command starts its own temporary server (that start-up is part of the figure);
with one set, it uses that server.

Peak memory is the largest resident set of any process the command ran (the command itself, its
sandboxed readers, the temporary server), measured in a fresh intermediate process so that each
figure is that run's own.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def _command(folder: Path, out: str) -> list[str]:
    return [
        sys.executable, "-m", "flows.cli", "run", "--period", "2018-02",
        "--payroll", str(folder / "payroll"), "--participants", str(folder / "bpjs"), "--out", out,
    ]  # fmt: skip


def measure_once(folder: Path) -> dict[str, Any]:
    """Run `recon run` on `folder` once, in this process's child; wall seconds and peak RSS bytes."""
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        done = subprocess.run(_command(folder, out), capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"recon run failed ({done.returncode}):\n{done.stderr[-3000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # kB on Linux
    return {"seconds": seconds, "peak": peak}


def measure(folder: Path, repeat: int = 1) -> dict[str, Any]:
    """The fastest of `repeat` runs (and the smallest peak), each in a fresh intermediate process."""
    runs = []
    for _ in range(repeat):
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.end_to_end", str(folder)],
            capture_output=True,
            text=True,
            check=True,
            env={
                **os.environ,
                "PYTHONPATH": os.pathsep.join(filter(None, [os.getcwd(), os.environ.get("PYTHONPATH")])),
            },
        )
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {"seconds": min(r["seconds"] for r in runs), "peak": min(r["peak"] for r in runs)}


if __name__ == "__main__":
    print(json.dumps(measure_once(Path(sys.argv[1]))))
