"""Amount columns read with their "unreadable" issues."""

from __future__ import annotations

import pandas as pd

from reconcile.normalize.columns import raw_column
from reconcile.values import parse_amounts
from schemas.issues import FIELD_LABELS, Severity, issues_where


def amount_column(
    raw: pd.DataFrame, field: str, severity: Severity
) -> tuple[pd.Series, pd.Series, pd.DataFrame]:
    """(float64 values, unreadable mask, issues) for one amount field."""
    parsed = parse_amounts(raw_column(raw, field))
    label = FIELD_LABELS.get(field, field)
    issue = issues_where(
        parsed["unreadable"], field, severity, f"{label} tidak terbaca; diharapkan angka seperti 2.000.000"
    )
    return parsed["value"], parsed["unreadable"], issue
