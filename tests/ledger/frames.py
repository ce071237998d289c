"""Small exceptions frames and a recorded-run helper for the ledger tests."""

from __future__ import annotations

import pandas as pd

from reconcile.categories import EXCEPTION_COLUMNS
from reconcile.ledger import Ledger, RunDigests, RunStatus, record_run

DIGESTS = RunDigests(inputs="i", rules="r", policy="p")


def findings(*rows: tuple) -> pd.DataFrame:
    """(finding_id, category[, billed_idr[, difference_idr]]) rows as an exceptions frame."""
    records = []
    for finding_id, category, *amounts in rows:
        billed, difference = [*amounts, 0, 0][:2]
        records.append({"finding_id": finding_id, "category": category, "name": f"person {finding_id}",
                        "unit": "Biro Umum", "billed_idr": billed, "difference_idr": difference})  # fmt: skip
    return pd.DataFrame(records).reindex(columns=EXCEPTION_COLUMNS)


def record(
    ledger: Ledger,
    period: str,
    frame: pd.DataFrame,
    status: str = RunStatus.SUCCESS,
    digests: RunDigests = DIGESTS,
) -> str:
    """Record a run of `period` with these findings; returns its run_id."""
    run_id = f"run-{period}-{len(ledger.runs())}"
    started = "2018-03-01T02:00:00+07:00"
    record_run(
        ledger, run_id=run_id, period=period, status=status, digests=digests, started=started, findings=frame
    )
    return run_id
