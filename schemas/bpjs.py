"""Format rules of a normalised BPJS frame (reconcile.model.BPJS_COLUMNS)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from reconcile.values import STATUSES
from schemas.identity import IdentitySchema


class BpjsSchema(IdentitySchema):
    """A BPJS participant row: identity rules, a known status, amounts that are not negative."""

    join_date: Series[pa.DateTime] = pa.Field(nullable=True)
    status: Series[pd.StringDtype] = pa.Field(nullable=True)
    reported_wage: Series[float] = pa.Field(nullable=True)
    jkk: Series[float] = pa.Field(nullable=True)
    jkm: Series[float] = pa.Field(nullable=True)
    jht: Series[float] = pa.Field(nullable=True)
    jp: Series[float] = pa.Field(nullable=True)
    total: Series[float] = pa.Field(nullable=True)

    @pa.check("status", name="status_known")
    def status_known(cls, status: Series[str]) -> Series[bool]:
        return status.isin(STATUSES)

    @pa.check("reported_wage", "jkk", "jkm", "jht", "jp", "total", name="amount_not_negative")
    def amount_not_negative(cls, amount: Series[float]) -> Series[bool]:
        return amount.ge(0)
