"""Recording a run: the run, its inputs and its findings, in one transaction.

Recording is idempotent on run_id: recording the same run again replaces it, so the period flow
and the nightly flow may both record a run without counting it twice.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from enum import StrEnum

import pandas as pd

from reconcile.ledger.digest import RunDigests
from reconcile.ledger.schema import FINDING_FIELDS
from reconcile.ledger.store import Ledger
from reconcile.result import InputOutcome, ReconResult


class RunStatus(StrEnum):
    SUCCESS = "success"  # reports written and balanced: its findings are the period's findings
    REFUSED = "refused"  # unusable input, no report written
    FAILED = "failed"  # internal error or failed balance


def now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _cell(value: object) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):  # numpy scalar
        return value.item()  # type: ignore[union-attr]
    return value


def _finding_rows(run_id: str, period: str, findings: pd.DataFrame) -> list[tuple[object, ...]]:
    frame = findings.reindex(columns=list(FINDING_FIELDS))
    values = frame.astype(object).to_numpy()
    return [(run_id, period, *(_cell(v) for v in row)) for row in values]


def record_run(
    ledger: Ledger,
    *,
    run_id: str,
    period: str,
    status: RunStatus | str,
    digests: RunDigests,
    started: str,
    finished: str | None = None,
    inputs: Sequence[InputOutcome] = (),
    findings: pd.DataFrame | None = None,
    reports: Mapping[str, str] | None = None,
    source: str = "run",
) -> None:
    """Write (or replace) one run with its inputs and findings. Call it after the reports are written."""
    finding_rows = _finding_rows(run_id, period, findings) if findings is not None else []
    placeholders = ", ".join("?" * (2 + len(FINDING_FIELDS)))
    with ledger.transaction() as conn:
        conn.execute("DELETE FROM runs WHERE run_id = ?", (run_id,))  # cascades to inputs and findings
        conn.execute(
            "INSERT INTO runs (run_id, period, started, finished, status, inputs_digest, rules_digest,"
            " policy_digest, reports, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                run_id,
                period,
                started,
                finished or now(),
                str(status),
                digests.inputs,
                digests.rules,
                digests.policy,
                json.dumps(dict(reports or {}), ensure_ascii=False),
                source,
            ),
        )
        conn.executemany(
            "INSERT INTO inputs (run_id, path, kind, sha256, rows) VALUES (?, ?, ?, ?, ?)",
            [(run_id, i.path, i.kind, i.sha256, i.rows_read) for i in inputs],
        )
        conn.executemany(
            f"INSERT INTO findings (run_id, period, {', '.join(FINDING_FIELDS)}) VALUES ({placeholders})",
            finding_rows,
        )


def record_result(
    ledger: Ledger,
    result: ReconResult,
    reports: Mapping[str, str],
    digests: RunDigests,
    *,
    started: str,
    finished: str | None = None,
    source: str = "run",
) -> RunStatus:
    """Record a run whose reports were written: success when it balanced, failed otherwise."""
    status = RunStatus.SUCCESS if result.balanced else RunStatus.FAILED
    record_run(
        ledger,
        run_id=result.run_id,
        period=result.period,
        status=status,
        digests=digests,
        started=started,
        finished=finished,
        inputs=result.inputs,
        findings=result.findings,
        reports=reports,
        source=source,
    )
    return status
