"""Format rules of a normalised payroll frame (reconcile.model.PAYROLL_COLUMNS)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.identity import IdentitySchema


class PayrollSchema(IdentitySchema):
    """A payroll row: identity rules plus wages and days that are not negative."""

    birth_place: Series[pd.StringDtype] = pa.Field(nullable=True)
    unit: Series[pd.StringDtype] = pa.Field(nullable=True)
    position: Series[pd.StringDtype] = pa.Field(nullable=True)
    monthly_wage: Series[float] = pa.Field(nullable=True)
    daily_wage: Series[float] = pa.Field(nullable=True)
    days_worked: Series[float] = pa.Field(nullable=True)

    @pa.check("monthly_wage", "daily_wage", "days_worked", name="amount_not_negative")
    def amount_not_negative(cls, amount: Series[float]) -> Series[bool]:
        return amount.ge(0)
