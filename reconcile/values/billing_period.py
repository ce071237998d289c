"""The month one BPJS row bills, from its own period cell (PERIODE, BULAN IURAN, MASA IURAN).

Read as "YYYY-MM": "04-2024", "4/2024", "2024-04", "202404", "APRIL 2024", "Apr-24", "Mei 2024", a
date cell (its month), or an Excel serial date. Anything else (blank, "-", text naming no single
month) gives None: the row is then taken to bill the run's period, as before the column existed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd

from reconcile.values.blank import is_blank
from reconcile.values.dates import MAX_SERIAL, MIN_SERIAL, MONTHS, from_excel_serial
from reconcile.values.unique import map_unique, spread

_MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_YEAR = re.compile(r"(?P<month>0?[1-9]|1[0-2])\s*[-/.\s]\s*(?P<year>(?:19|20)\d\d)")
_YEAR_MONTH = re.compile(r"(?P<year>(?:19|20)\d\d)\s*[-/.\s]?\s*(?P<month>0[1-9]|1[0-2]|[1-9])")
_NAMED = re.compile(rf"(?P<month>{_MONTH_NAME})\.?\s*[-/.,'\s]?\s*(?P<year>(?:19|20)?\d\d)", re.I)
_DAY_FIRST = re.compile(r"\d{1,2}\s*[-/.]\s*")  # "01-04-2024": a date written out, its day dropped


def parse_billing_period(value: Any) -> str | None:
    """The month (YYYY-MM) a period cell names, or None when it names none."""
    if isinstance(value, (dt.date, pd.Timestamp)):
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_number(float(value))
    if is_blank(value) or not isinstance(value, str):
        return None
    return _from_text(value.strip())


def parse_billing_periods(cells: pd.Series) -> pd.Series:
    """`parse_billing_period` over a column, each distinct cell once: "YYYY-MM" strings or <NA>."""
    codes, results = map_unique(cells, parse_billing_period)
    return pd.Series(spread(codes, results), index=cells.index, dtype="string")


def _from_number(number: float) -> str | None:
    """202404 (year and month run together), else an Excel serial date."""
    if number.is_integer() and 190001 <= number <= 209912 and 1 <= number % 100 <= 12:
        return f"{int(number) // 100:04d}-{int(number) % 100:02d}"
    if MIN_SERIAL <= number <= MAX_SERIAL:
        day = from_excel_serial(number)
        return f"{day.year:04d}-{day.month:02d}"
    return None


def _from_text(text: str) -> str | None:
    if m := _NAMED.fullmatch(text):
        year = m.group("year")
        return _month(year if len(year) == 4 else f"20{year}", MONTHS[m.group("month").lower()])
    if text.isdigit() and len(text) == 6:
        return _from_number(float(text))
    for pattern in (_YEAR_MONTH, _MONTH_YEAR):
        if m := pattern.fullmatch(text):
            return _month(m.group("year"), int(m.group("month")))
    if (m := _DAY_FIRST.match(text)) and (rest := _MONTH_YEAR.fullmatch(text[m.end() :])):
        return _month(rest.group("year"), int(rest.group("month")))
    return None


def _month(year: str, month: int) -> str:
    return f"{int(year):04d}-{month:02d}"
