"""What counts as an empty cell, for every parser."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

#: What hand-made lists put in a cell that has nothing to say.
_PLACEHOLDERS = {"", "-", "--", "\u2013", "\u2014"}


def is_blank(value: Any) -> bool:
    """None, NaN, NaT, <NA>, spaces only, or a lone dash."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str):
        return value.strip() in _PLACEHOLDERS
    return False
