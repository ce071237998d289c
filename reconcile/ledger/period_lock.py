"""An exclusive lock per period in the output folder: two runs of one period never interleave.

The second run waits, then finds (through the ledger) that the first already did the work.
POSIX: flock on a lock file that stays in place. Elsewhere: a lock file created with O_EXCL.
Re-entrant within a thread: the nightly holds a period's lock while the period flow it calls
takes the same lock again (a second flock on a new descriptor would wait for itself forever).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reconcile.errors import InputError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


_held = threading.local()


def lock_name(period: str) -> str:
    return f".recon-{period}.lock"


@contextmanager
def period_lock(out_dir: str | Path, period: str, timeout_s: float = 6 * 3600.0) -> Iterator[None]:
    """Hold `<out>/.recon-<period>.lock` for the block; TimeoutError after `timeout_s` of waiting."""
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(f"cannot create the output folder: {e.strerror}", path=str(out_dir)) from None
    path = folder / lock_name(period)
    key = str(path.resolve())
    held: dict[str, int] = _held.__dict__.setdefault("counts", {})
    if held.get(key):
        held[key] += 1
        try:
            yield
        finally:
            held[key] -= 1
        return
    with _exclusive(path, period, timeout_s):
        held[key] = 1
        try:
            yield
        finally:
            held.pop(key, None)


@contextmanager
def _exclusive(path: Path, period: str, timeout_s: float) -> Iterator[None]:
    deadline = time.monotonic() + timeout_s
    if fcntl is not None:
        fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o644)
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"{path} is held by another run of {period}") from None
                    time.sleep(0.2)
            yield
        finally:
            os.close(fd)  # closing releases the lock
        return
    while True:
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o644)
            break
        except FileExistsError:
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"{path} is held by another run of {period}; remove it if none runs"
                ) from None
            time.sleep(0.2)
    try:
        yield
    finally:
        os.close(fd)
        os.unlink(path)
