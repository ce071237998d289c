"""Shared fixtures: the hand-built result and a writer with a fixed clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reconcile.report import OutputPaths, write_outputs
from reconcile.result import ReconResult
from tests.report.fixtures import make_result

# A fixed run time keeps the summary sheet and manifest comparable with the golden files.
RUN_TIME = dt.datetime(2018, 3, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@pytest.fixture
def result() -> ReconResult:
    return make_result()


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., OutputPaths]:
    def run(result: ReconResult | None = None, out_dir: Path | None = None, **options: Any) -> OutputPaths:
        options.setdefault("generated_at", RUN_TIME)
        return write_outputs(result or make_result(), out_dir or tmp_path / "out", **options)

    return run
