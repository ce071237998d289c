"""Rounding money to whole Rupiah, the way amounts are compared with BPJS bills.

No statutory rounding rule was found (DOMAIN.md), so halves round up and comparisons use the
configured tolerance. Rounding to 6 decimals first removes float noise such as 4800.000000000001.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def round_rupiah(amount: pd.Series) -> pd.Series:
    """Whole Rupiah, halves up; NaN stays NaN."""
    return np.floor(amount.astype("float64").round(6) + 0.5)
