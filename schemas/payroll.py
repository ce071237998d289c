"""Format rules of a normalised payroll frame (reconcile.model.PAYROLL_COLUMNS)."""

from __future__ import annotations

import pandera.pandas as pa

from schemas.identity import amount, side_schema, text

#: A payroll row: identity rules plus wages and days that are not negative.
PayrollSchema = side_schema(
    "PayrollSchema",
    {
        "birth_place": text(),
        "unit": text(),
        "position": text(),
        "monthly_wage": amount(),
        "daily_wage": amount(),
        "days_worked": amount(),
        "leave_date": pa.Column(pa.DateTime, nullable=True, required=False),
    },
)
