"""An exclusive lock on an output folder, so two runs never pick the same report version.

POSIX: flock on a lock file that stays in place (removing it would let a third run lock a new inode
while a second still waits on the old one). Elsewhere: a lock file created with O_EXCL, removed on exit.
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

LOCK_NAME = ".recon.lock"


@contextmanager
def folder_lock(folder: Path, timeout_s: float = 60.0) -> Iterator[None]:
    """Hold the folder's lock for the duration of the block. OSError when it cannot be taken."""
    path = folder / LOCK_NAME
    if fcntl is not None:
        fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock
        return
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o644)
            break
        except FileExistsError:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{path} is held by another run; remove it if no run is active") from None
            time.sleep(0.05)
    try:
        yield
    finally:
        os.close(fd)
        os.unlink(path)
