"""Run the workbook parser in a child process with memory and time limits.

python-calamine aborts the whole interpreter when an allocation fails ("memory allocation of
4266393600 bytes failed"), and its panics derive from BaseException, so a hostile file must never
be parsed in the process that runs the flow. The child is forked from a forkserver (Prefect runs
tasks in threads, and forking a threaded process can deadlock), gets RLIMIT_AS = its size at start
plus `memory_bytes`, and streams the grids back as pickled chunks of rows, so neither side ever
holds one big pickle. A child that dies, hits a limit or runs out of time becomes an InputError
naming the file.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import resource
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from reconcile.errors import InputError
from reconcile.readers.grid import Grid

_GB = 1 << 30


@dataclass(frozen=True)
class SandboxLimits:
    """Limits for one parse. `memory_bytes` is what parsing may add to the child's address space;
    with the child's ~0.4 GB at start this keeps every case under 1.5 GB. A 1M-row sheet needs ~0.7 GB."""

    memory_bytes: int = _GB
    seconds: float = 900.0


DEFAULT_SANDBOX = SandboxLimits()

#: The last parse's figures (child peak RSS, seconds, bytes moved back); for benchmarks and tests.
last_stats: dict[str, Any] = {}

_context_lock = threading.Lock()
_context: Any = None


def _mp_context() -> Any:
    """One forkserver per process; it preloads the child module so each parse starts in milliseconds."""
    global _context
    with _context_lock:
        if _context is None:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["reconcile.readers.sandbox_child"])
            _context = ctx
        return _context


def _describe_death(exitcode: int | None, limits: SandboxLimits) -> str:
    limit = f"{limits.memory_bytes / _GB:.1f} GB"
    if exitcode is not None and exitcode < 0 and -exitcode in (6, 9, 11):
        return (
            f"the Excel reader was stopped (signal {-exitcode}): the workbook needs more than {limit} "
            "of memory to open (a huge sheet, a declared size like A1:XFD1048576, or a zip bomb) or is damaged; "
            "ask the office to save it again from Excel with only the data"
        )
    return (
        f"the Excel reader failed (exit code {exitcode}): the workbook is damaged or needs more than {limit} "
        "of memory; ask the office to save it again from Excel"
    )


def read_workbook_sandboxed(
    path: Path, display_path: str, limits: SandboxLimits = DEFAULT_SANDBOX
) -> list[Grid]:
    """Every worksheet of `path` as a grid, parsed in a limited child process."""
    from reconcile.readers import sandbox_child

    ctx = _mp_context()
    parent_end, child_end = ctx.Pipe(duplex=False)
    child = ctx.Process(
        target=sandbox_child.parse_workbook,
        args=(child_end, str(path), limits.memory_bytes),
        name="recon-workbook-reader",
        daemon=True,
    )
    started = time.monotonic()
    child.start()
    child_end.close()
    try:
        grids, stats = _receive(parent_end, child, display_path, limits, started)
    finally:
        parent_end.close()
        if child.is_alive():
            child.kill()
        child.join()
    last_stats.clear()
    last_stats.update(stats, seconds=time.monotonic() - started)
    return grids


def _receive(
    conn: Connection, child: Any, display_path: str, limits: SandboxLimits, started: float
) -> tuple[list[Grid], dict[str, Any]]:
    grids: list[Grid] = []
    moved = 0
    while True:
        remaining = limits.seconds - (time.monotonic() - started)
        if remaining <= 0 or not conn.poll(remaining):
            child.kill()
            raise InputError(
                f"reading the workbook took longer than {limits.seconds:,.0f} s and was stopped; "
                "ask the office to save it again from Excel with only the data",
                path=display_path,
            )
        try:
            data = conn.recv_bytes()
        except (EOFError, OSError):
            child.join(5)
            raise InputError(_describe_death(child.exitcode, limits), path=display_path) from None
        moved += len(data)
        message = pickle.loads(data)
        kind = message[0]
        if kind == "sheet":
            _, name, merges = message
            grids.append(Grid(name=name, rows=[], merges=merges))
        elif kind == "rows":
            grids[-1].rows.extend(message[1])
        elif kind == "patch":  # error cells and formulas without a cached value, by (row, col)
            rows = grids[-1].rows
            for r, c, text in message[1]:
                if r < len(rows) and c < len(rows[r]):
                    rows[r][c] = text
        elif kind == "error":
            _, text, sheet = message
            raise InputError(text, path=display_path, sheet=sheet)
        elif kind == "end":
            return grids, {"child_peak_rss": message[1], "bytes_moved": moved, "pid": os.getpid()}


def child_rlimit(extra_bytes: int) -> None:
    """Cap this process's address space at its current size plus `extra_bytes` (in the child only)."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[0])
    now = pages * os.sysconf("SC_PAGE_SIZE")
    resource.setrlimit(resource.RLIMIT_AS, (now + extra_bytes, now + extra_bytes))
