"""What counts as an empty cell, for every parser (invisible format characters count as nothing)."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from reconcile.values.invisible import without_invisible

#: What hand-made lists put in a cell that has nothing to say.
_PLACEHOLDERS = {"", "-", "--", "\u2013", "\u2014"}


def is_blank(value: Any) -> bool:
    """None, NaN, NaT, <NA>, spaces only, or a lone dash."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str):
        return without_invisible(value).strip() in _PLACEHOLDERS
    return False
