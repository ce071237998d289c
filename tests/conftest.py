"""Shared fixtures: one Prefect test harness per session, and the sample-data generator."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample_data" / "2018-02"


@pytest.fixture(scope="session")
def prefect_harness():
    """A temporary Prefect API for the whole session (starting one costs seconds)."""
    from prefect.testing.utilities import prefect_test_harness

    import flows.settings  # noqa: F401

    with prefect_test_harness(server_startup_timeout=60):
        yield
