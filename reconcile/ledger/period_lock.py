"""An exclusive lock per period in the output folder: two runs of one period never interleave.

The second run waits, then finds (through the ledger) that the first already did the work.
The file lock itself is reconcile.file_lock.
Re-entrant within a thread: the nightly holds a period's lock while the period flow it calls
takes the same lock again (a second flock on a new descriptor would wait for itself forever).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reconcile.errors import InputError
from reconcile.file_lock import exclusive_file_lock

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
    with exclusive_file_lock(path, timeout_s=timeout_s, poll_s=0.2, held_by=f"another run of {period}"):
        held[key] = 1
        try:
            yield
        finally:
            held.pop(key, None)
