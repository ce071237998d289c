"""History for a whole ReconResult: the two calls a period run makes around writing its reports.

result = with_history(result, ledger, out / ANNOTATIONS_NAME)   # before the reports are written
... write the reports ...
record_result(ledger, result, reports, digests, started=...)   # after
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd

from reconcile.ledger.annotations import import_annotations
from reconcile.ledger.history import apply_history, resolved_since_previous
from reconcile.ledger.store import Ledger
from reconcile.ledger.trend import trend
from reconcile.result import ReconResult


def with_history(result: ReconResult, ledger: Ledger, annotations_csv: Path | None = None) -> ReconResult:
    """`result` whose findings carry first_seen, age_months, status and explained.

    The folder's annotations file, when given and present, is imported first, so its notes apply.
    """
    if annotations_csv is not None:
        import_annotations(ledger, annotations_csv)
    return replace(result, findings=apply_history(result.findings, result.period, ledger))


def history_tables(result: ReconResult, ledger: Ledger, months: int = 12) -> dict[str, pd.DataFrame]:
    """The report's history sheets: `resolved` since the previous period and the month-over-month `trend`."""
    return {
        "resolved": resolved_since_previous(result.period, set(result.findings["finding_id"]), ledger),
        "trend": trend(ledger, result.period, months=months, current=result.findings),
    }
