"""Plain Python values out of frame cells, whatever dtype pandas gave a column (NA, NaN, numpy)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd


def is_missing(value: Any) -> bool:
    """None, pd.NA, NaN, NaT and empty text are all 'nothing here'."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and value == ""


def as_int(value: Any) -> int | None:
    """A whole number (Rupiah, row number), rounded half away from zero; None when missing."""
    if is_missing(value):
        return None
    if isinstance(value, str):
        try:
            value = float(value.replace(",", ""))
        except ValueError:
            return None
    number = float(value)
    if math.isnan(number) or math.isinf(number):
        return None
    return int(math.floor(abs(number) + 0.5)) * (1 if number >= 0 else -1)


def as_float(value: Any, digits: int = 4) -> float | None:
    """A rounded float (scores, rates); rounding keeps long digit runs out of the files."""
    if is_missing(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else round(number, digits)


def as_text(value: Any) -> str | None:
    """Text as a person would read it: whole floats without '.0', dates as dd-mm-yyyy."""
    if is_missing(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date | pd.Timestamp):
        return value.strftime("%d-%m-%Y")
    return str(value)


def as_date(value: Any) -> dt.datetime | None:
    """A naive datetime for a date cell, or None."""
    if is_missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return None
