"""An exclusive lock on a lock file, shared by the output-folder lock and the per-period lock.

POSIX: flock on a lock file that stays in place (removing it would let a third run lock a new inode
while a second still waits on the old one). Elsewhere: a lock file created with O_EXCL, removed on
exit. Either way a waiter gives up with TimeoutError (an OSError) after `timeout_s`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


@contextmanager
def exclusive_file_lock(path: Path, *, timeout_s: float, poll_s: float, held_by: str) -> Iterator[None]:
    """Hold `path` exclusively for the block. `held_by` says who holds it, for the timeout message."""
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
                        raise TimeoutError(f"{path} is held by {held_by}") from None
                    time.sleep(poll_s)
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
                raise TimeoutError(f"{path} is held by {held_by}; remove it if none runs") from None
            time.sleep(poll_s)
    try:
        yield
    finally:
        os.close(fd)
        os.unlink(path)
