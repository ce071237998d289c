"""An exclusive lock on an output folder, so two runs never pick the same report version."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reconcile.file_lock import exclusive_file_lock

LOCK_NAME = ".recon.lock"


@contextmanager
def folder_lock(folder: Path, timeout_s: float = 60.0) -> Iterator[None]:
    """Hold the folder's lock for the duration of the block. OSError when it cannot be taken."""
    with exclusive_file_lock(folder / LOCK_NAME, timeout_s=timeout_s, poll_s=0.05, held_by="another run"):
        yield
