"""Month-over-month figures for the trend chart: coverage gaps and overpayment, per period.

Overpayment follows the summary's definition (reconcile/summary.py): billed for NOT_ON_PAYROLL
participants, plus the positive PREMIUM_MISMATCH differences, plus double billing: for each person
with DUPLICATE_PARTICIPANT rows (one finding_id stem), everything billed beyond the largest bill.
"""

from __future__ import annotations

import pandas as pd

from reconcile.categories import Category
from reconcile.classify.materialise import finding_stem
from reconcile.ledger.months import window
from reconcile.ledger.store import Ledger

TREND_COLUMNS: list[str] = ["period", "gaps", "overpayment_idr", "findings"]

_GAPS = (Category.UNREGISTERED.value, Category.INACTIVE.value)


def _amount(frame: pd.DataFrame, column: str) -> pd.Series:
    return pd.to_numeric(frame[column], errors="coerce").fillna(0).astype(float)


def period_figures(findings: pd.DataFrame) -> dict[str, float | int]:
    """gaps, overpayment_idr and findings of one period's exceptions frame."""
    category = findings["category"].astype(str)
    not_on_payroll = findings[category == Category.NOT_ON_PAYROLL.value]
    premium = findings[category == Category.PREMIUM_MISMATCH.value]
    duplicate = findings[category == Category.DUPLICATE_PARTICIPANT.value]
    billed = _amount(duplicate, "billed_idr").groupby(finding_stem(duplicate["finding_id"]))
    double_billing = float((billed.sum() - billed.max()).sum()) if len(duplicate) else 0.0
    overpayment = float(_amount(not_on_payroll, "billed_idr").sum())
    overpayment += float(_amount(premium, "difference_idr").clip(lower=0).sum()) + double_billing
    return {
        "gaps": int(category.isin(_GAPS).sum()),
        "overpayment_idr": overpayment,
        "findings": len(findings),
    }


def trend(
    ledger: Ledger, upto_period: str, months: int = 12, current: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per period with a successful run among the `months` ending with `upto_period`.

    `current`: this run's findings, used for `upto_period` (its run is recorded only after the
    report is written). Months without a successful run are left out, not shown as zero.
    """
    recorded = set(ledger.recorded_periods())
    rows = []
    for period in window(upto_period, months):
        if period == upto_period and current is not None:
            rows.append({"period": period, **period_figures(current)})
        elif period in recorded:
            rows.append({"period": period, **period_figures(ledger.period_findings(period))})
    frame = pd.DataFrame(rows, columns=TREND_COLUMNS)
    return frame.astype({"gaps": "int64", "overpayment_idr": "float64", "findings": "int64"})
