"""Month-over-month figures for the trend chart: coverage gaps and overpayment, per period.

Overpayment is the summary's, computed by the same function from the same exceptions frame
(reconcile.summary.money_lines): billed for NOT_ON_PAYROLL participants and for INACTIVE
memberships, double billing, and the positive PREMIUM_MISMATCH differences.
"""

from __future__ import annotations

import pandas as pd

from reconcile.categories import Category
from reconcile.ledger.months import window
from reconcile.ledger.store import Ledger
from reconcile.summary import money_lines, overpayment_of

TREND_COLUMNS: list[str] = ["period", "gaps", "overpayment_idr", "findings"]

_GAPS = (Category.UNREGISTERED.value, Category.INACTIVE.value)


def period_figures(findings: pd.DataFrame) -> dict[str, float | int]:
    """gaps, overpayment_idr and findings of one period's exceptions frame."""
    category = findings["category"].astype(str)
    return {
        "gaps": int(category.isin(_GAPS).sum()),
        "overpayment_idr": overpayment_of(money_lines(findings)),
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
