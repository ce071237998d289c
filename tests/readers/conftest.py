"""Fixtures for the reader tests: a tmp folder and a shortcut to read one file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reconcile.model import InputTable
from reconcile.readers import read_input


@pytest.fixture
def read(tmp_path: Path) -> Callable[..., InputTable]:
    def _read(path: Path, kind: str = "payroll") -> InputTable:
        return read_input(path, f"in/{path.name}", kind)  # type: ignore[arg-type]

    return _read
