"""Vectorised format checks on normalised columns, shared by the schemas.

Each takes a column (or the frame) and returns a boolean Series, True where the value is fine.
Checks look only at values an earlier check let through, so one bad NIK gets one reason.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from reconcile.values import KPJ_LENGTH, embedded_birth_parts, province_codes

NIK_LENGTH = 16
#: The premium parts a BPJS row may bill instead of (or beside) a total.
PREMIUM_PARTS = ["jkk", "jkm", "jht", "jp"]


def _has_length(values: pd.Series, length: int) -> pd.Series:
    return values.str.fullmatch(f"[0-9]{{{length}}}").fillna(False).astype(bool)


def nik_has_16_digits(nik: pd.Series) -> pd.Series:
    return _has_length(nik, NIK_LENGTH)


def nik_province_known(nik: pd.Series) -> pd.Series:
    """The first two digits are a province code (only judged for 16-digit NIKs)."""
    sixteen = nik_has_16_digits(nik)
    known = nik.str.slice(0, 2).isin(province_codes()).fillna(False).astype(bool)
    return ~sixteen | known


def nik_date_exists(nik: pd.Series) -> pd.Series:
    """Digits 7-12 are a real DDMMYY date (women: day + 40). A 29 February needs a leap yy."""
    return ~nik_has_16_digits(nik) | _embedded_date_ok(embedded_birth_parts(nik))


def _embedded_date_ok(parts: pd.DataFrame) -> pd.Series:
    day, month, yy = (parts[c].fillna(0).astype("int64") for c in ("day", "month", "yy"))
    leap = yy % 4 == 0  # yy 00 is 2000 (leap) or 1900 (not): give it the benefit of the doubt
    month_days = month.map({1: 31, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31})
    month_days = month_days.where(month != 2, 28 + leap.astype("int64")).fillna(0)
    return (month >= 1) & (month <= 12) & (day >= 1) & (day <= month_days)


def kpj_has_11_digits(kpj: pd.Series) -> pd.Series:
    return _has_length(kpj, KPJ_LENGTH)


def nik_matches_birth_date(frame: pd.DataFrame) -> pd.Series:
    """The NIK's embedded DDMMYY equals the birth date (year by its last two digits).

    Judged only where both are there and the embedded date exists.
    """
    nik, birth = frame["nik"], frame["birth_date"]
    parts = embedded_birth_parts(nik)  # computed once: the date check reuses it
    comparable = _embedded_date_ok(parts) & nik_has_16_digits(nik) & birth.notna()
    same = (
        (parts["day"] == birth.dt.day)
        & (parts["month"] == birth.dt.month)
        & (parts["yy"] == birth.dt.year % 100)
    )
    return ~comparable | same.fillna(False).astype(bool)


def row_premium(frame: pd.DataFrame) -> pd.Series:
    """What a BPJS row bills: its total, else the sum of the premium parts present, else NaN."""
    parts = frame[PREMIUM_PARTS].sum(axis=1, min_count=1)
    return frame["total"].where(frame["total"].notna(), parts)


def is_correction(frame: pd.DataFrame) -> pd.Series:
    """A BPJS row whose premium is negative: a correction (koreksi, refund) of a bill, not an error."""
    return (row_premium(frame) < 0).fillna(False).astype(bool)


def premium_part_sign_fits(field: str) -> Callable[[pd.DataFrame], pd.Series]:
    """A check that premium part `field` fits its row: 0 or more on a bill; any amount on a correction
    (a row whose premium is negative), whose total decides: a correction may move money between
    programs ("JKK +10.000, JKM -26.800, total -16.800"). Blank passes."""

    def check(frame: pd.DataFrame) -> pd.Series:
        value, correction = frame[field], is_correction(frame)
        fits = (value >= 0) | correction
        return (value.isna() | fits).fillna(False).astype(bool)

    return check
