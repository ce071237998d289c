"""Prefect's side of the run stays the same size whatever the row count (issue 6).

Ten times the rows gives the same task runs (one read per file, reconcile, write), and with the
local task runner no frame is pickled between tasks: results stay in memory.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any
from uuid import UUID

import cloudpickle
import pytest

from benchmarks.inputs import ensure_inputs

pytestmark = pytest.mark.usefixtures("prefect_harness")

#: Larger than anything Prefect itself pickles for a run, far smaller than a frame of 2,000 rows.
LARGE_PICKLE = 64 * 1024


def _run(data: Path, out: Path) -> UUID:
    from flows.reconcile_period import reconcile_period

    state = reconcile_period(
        period="2018-02",
        payroll=[str(data / "payroll")],
        participants=[str(data / "bpjs")],
        out=str(out),
        return_state=True,
    )
    assert state.is_completed(), state
    outcome = state.result()
    assert not outcome.refused and outcome.result.balanced
    return state.state_details.flow_run_id


def _task_names(flow_run_id: UUID) -> list[str]:
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
    from prefect.client.schemas.sorting import TaskRunSort
    from prefect.utilities.asyncutils import run_coro_as_sync

    async def read() -> list[str]:
        async with get_client() as client:
            runs = await client.read_task_runs(
                flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])),
                sort=TaskRunSort.EXPECTED_START_TIME_ASC,
                limit=200,
            )
        return sorted(r.name.split("-")[0] if "read " not in r.name else "read" for r in runs)

    names = run_coro_as_sync(read())
    assert names is not None
    return names


def _sizes_pickled(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    sizes: list[int] = []
    for module in (pickle, cloudpickle):
        real = module.dumps

        def spy(obj: Any, *args: Any, _real: Any = real, **kwargs: Any) -> bytes:
            data: bytes = _real(obj, *args, **kwargs)
            sizes.append(len(data))
            return data

        monkeypatch.setattr(module, "dumps", spy)
    return sizes


def test_task_runs_do_not_grow_with_rows_and_no_frame_is_pickled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECON_BENCH_CACHE", str(tmp_path / "inputs"))
    small, large = ensure_inputs(200), ensure_inputs(2_000)
    files = {
        d: len(list((d / "payroll").iterdir())) + len(list((d / "bpjs").iterdir())) for d in (small, large)
    }
    assert files[small] == files[large]

    small_tasks = _task_names(_run(small, tmp_path / "out-small"))
    sizes = _sizes_pickled(monkeypatch)
    large_tasks = _task_names(_run(large, tmp_path / "out-large"))
    monkeypatch.undo()

    assert small_tasks == large_tasks == sorted(["read"] * files[large] + ["reconcile_task", "write_task"])
    from reconcile.pipeline import prepare
    from reconcile.readers import read_input

    bpjs_file = next((large / "bpjs").iterdir())
    frame_bytes = len(pickle.dumps(prepare(read_input(bpjs_file, bpjs_file.name, "bpjs"))))
    assert frame_bytes > LARGE_PICKLE  # the check below would notice a frame being pickled
    assert max(sizes, default=0) < LARGE_PICKLE
