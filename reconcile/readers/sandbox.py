"""Run the workbook parser in a child process with memory and time limits.

python-calamine aborts the whole interpreter when an allocation fails ("memory allocation of
4266393600 bytes failed"), and its panics derive from BaseException, so a hostile file must never
be parsed in the process that runs the flow. The child is a fresh interpreter (`python -I
sandbox_child.py`), not a fork: Prefect runs tasks in threads, forking a threaded process can
deadlock, and multiprocessing's spawn/forkserver re-import the caller's __main__ in every child.
The child imports only calamine and defusedxml (~60 ms), caps its own address space
(RLIMIT_AS = its size at start + `memory_bytes`), and streams the grids back on stdout as
length-prefixed marshal messages, a block of rows at a time sent as columns (`cell_codec`), so
neither side ever holds one big message and the parent never unpickles what a parser produced.
A child that dies, hits a limit or runs out of time becomes an InputError naming the file.
"""

from __future__ import annotations

import logging
import marshal
import os
import re
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from reconcile.errors import InputError, ReconError
from reconcile.readers.cell_codec import decode_column
from reconcile.readers.grid import Grid

_GB = 1 << 30
_CHILD = Path(__file__).resolve().parent / "sandbox_child.py"
_FRAME = struct.Struct("<Q")
_ALLOCATION = re.compile(r"memory allocation of \d+ bytes failed")


@dataclass(frozen=True)
class SandboxLimits:
    """Limits for one parse. `memory_bytes` is what parsing may add to the child's address space
    (the child starts at ~40 MB), so a hostile file keeps the child under ~1.3 GB."""

    memory_bytes: int = 5 * _GB // 4
    seconds: float = 900.0


DEFAULT_SANDBOX = SandboxLimits()

#: A progress line in the log every this many rows (file name and count only: no cell values).
PROGRESS_EVERY = 100_000
_log = logging.getLogger("reconcile.readers")

#: The last parse's figures (child peak RSS, seconds, bytes moved back); for benchmarks and tests.
last_stats: dict[str, Any] = {}

#: Children parsing at once in this process. The flow reads every file in its own thread; more
#: parsers than cores only add up their memory (each may take `memory_bytes`), not speed.
_PARSERS = threading.BoundedSemaphore(max(2, len(os.sched_getaffinity(0))))


def read_workbook_sandboxed(
    path: Path, display_path: str, limits: SandboxLimits = DEFAULT_SANDBOX
) -> list[Grid]:
    """Every worksheet of `path` as a grid, parsed in a limited child process."""
    with _PARSERS:
        return _parse_in_child(path, display_path, limits)


def _parse_in_child(path: Path, display_path: str, limits: SandboxLimits) -> list[Grid]:
    started = time.monotonic()
    with tempfile.TemporaryFile() as stderr:
        child = subprocess.Popen(
            [sys.executable, "-I", str(_CHILD), str(path), str(limits.memory_bytes)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=stderr,
            close_fds=True,
        )
        timed_out = threading.Event()

        def stop() -> None:
            timed_out.set()
            child.kill()

        watchdog = threading.Timer(limits.seconds, stop)
        watchdog.daemon = True
        watchdog.start()
        try:
            assert child.stdout is not None
            grids, stats = _receive(child.stdout, display_path)
        except _ChildDied:
            child.wait()
            if timed_out.is_set():
                raise InputError(
                    f"reading the workbook took longer than {limits.seconds:,.0f} s and was stopped; "
                    "ask the office to save it again from Excel with only the data",
                    path=display_path,
                ) from None
            stderr.seek(0)
            tail = stderr.read()[-4096:]
            if child.returncode == 1 and _is_our_bug(tail.decode("utf-8", "replace")):
                # The child's Python code failed before or outside its own handler: our bug.
                raise ReaderBug(f"{display_path}: the workbook reader failed internally") from None
            raise InputError(_describe_death(child.returncode, tail, limits), path=display_path) from None
        finally:
            watchdog.cancel()
            if child.poll() is None:
                child.kill()
            child.wait()
            if child.stdout is not None:
                child.stdout.close()
    last_stats.clear()
    last_stats.update(stats, seconds=time.monotonic() - started)
    return grids


class _ChildDied(Exception):
    pass


#: The last line of a Python traceback naming an error in our code rather than in the file.
_PROGRAMMING_ERROR = re.compile(
    r"^(TypeError|AttributeError|NameError|ImportError|ModuleNotFoundError|AssertionError|"
    r"UnboundLocalError|SyntaxError)\b[^\n]*\s*\Z",
    re.MULTILINE,
)


def _is_our_bug(stderr_tail: str) -> bool:
    """A programming error, unless it is the memory limit showing through (a library that cannot map)."""
    found = _PROGRAMMING_ERROR.search(stderr_tail)
    if found is None:
        return False
    return not re.search(r"memory|map segment", found.group(), re.IGNORECASE)


class ReaderBug(ReconError):
    """The reader itself failed (not the file): an internal error, exit 1."""

    exit_code = 1


def _read_exact(stream: IO[bytes], n: int) -> bytes:
    data = stream.read(n)
    if data is None or len(data) != n:
        raise _ChildDied
    return data


class _SheetBuilder:
    """One sheet's columns as the blocks of rows arrive, then its grid."""

    def __init__(
        self, name: str, merges: list[tuple[int, int, int, int]], left: int, visibility: str
    ) -> None:
        self.name, self.merges, self.left, self.visibility = name, merges, left, visibility
        self.columns: list[list[Any]] = []
        self.patches: list[tuple[int, int, str]] = []
        self.hidden_rows: list[int] = []

    @property
    def height(self) -> int:
        return len(self.columns[0]) if self.columns else 0

    def add(self, block: list[Sequence[Any]]) -> None:
        if not self.columns:
            self.columns = [[] for _ in block]
        for column, cells in zip(self.columns, block, strict=True):
            column.extend(cells)

    def grid(self) -> Grid:
        """The grid with the empty columns left of the data, error cells and formulas in place."""
        height = self.height
        columns = [[""] * height for _ in range(self.left if self.columns else 0)] + self.columns
        for r, c, text in self.patches:  # error cells and formulas without a cached value
            if r < height and c < len(columns):
                columns[c][r] = text
        return Grid(
            name=self.name,
            columns=columns,
            height=height,
            merges=self.merges,
            visibility=self.visibility,
            hidden_rows=self.hidden_rows,
        )


def _receive(stream: IO[bytes], display_path: str) -> tuple[list[Grid], dict[str, Any]]:
    sheets: list[_SheetBuilder] = []
    moved = rows_read = 0
    while True:
        (size,) = _FRAME.unpack(_read_exact(stream, _FRAME.size))
        data = _read_exact(stream, size)
        moved += size
        message = marshal.loads(data)
        kind = message[0]
        if kind == "sheet":
            _, name, merges, left, visibility = message
            sheets.append(_SheetBuilder(name, merges, left, visibility))
        elif kind == "rows":
            block = [decode_column(encoded) for encoded in message[1]]
            sheets[-1].add(block)
            before, rows_read = rows_read, rows_read + len(block[0])
            if rows_read // PROGRESS_EVERY > before // PROGRESS_EVERY:
                _log.info("%s: %s rows read", display_path, f"{rows_read:,}")
        elif kind == "patch":
            sheets[-1].patches.extend(message[1])
        elif kind == "hidden":
            sheets[-1].hidden_rows.extend(message[1])
        elif kind == "error":
            _, text, sheet_name = message
            raise InputError(text, path=display_path, sheet=sheet_name)
        elif kind == "internal":
            raise ReaderBug(f"{display_path}: {message[1]}")
        elif kind == "end":
            return [s.grid() for s in sheets], {"child_peak_rss": message[1], "bytes_moved": moved}


def _describe_death(returncode: int | None, stderr: bytes, limits: SandboxLimits) -> str:
    limit = f"{limits.memory_bytes / _GB:.2g} GB"
    alloc = _ALLOCATION.search(stderr.decode("utf-8", "replace"))
    if alloc or returncode in (-6, -9, -11, 137):
        what = (
            f" ({alloc.group()})"
            if alloc
            else f" (signal {-returncode})"
            if returncode and returncode < 0
            else ""
        )
        return (
            f"the Excel reader was stopped{what}: opening the workbook needs more than {limit} of memory "
            "(a zip bomb, a huge sheet, or a cell far out such as XFD1048576) or the file is damaged; "
            "ask the office to save it again from Excel with only the data"
        )
    return (
        f"the Excel reader failed (exit code {returncode}): the workbook is damaged; "
        "ask the office to save it again from Excel"
    )
