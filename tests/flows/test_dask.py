"""The flow's tasks on a Dask LocalCluster (prefect-dask) find exactly what a local run finds."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.cli_runs import run_cli
from tests.conftest import SAMPLE

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_dask_local_cluster_gives_the_same_findings(tmp_path: Path) -> None:
    assert run_cli(SAMPLE, tmp_path / "local") == 0
    assert run_cli(SAMPLE, tmp_path / "dask", "--dask", "local") == 0
    for name in ("exceptions", "matches"):
        local = pd.read_csv(
            tmp_path / "local" / f"recon-2018-02-{name}.csv", dtype=str, keep_default_na=False
        )
        dask = pd.read_csv(tmp_path / "dask" / f"recon-2018-02-{name}.csv", dtype=str, keep_default_na=False)
        assert len(local) > 0
        pd.testing.assert_frame_equal(local, dask)
