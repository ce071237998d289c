"""The payroll monthly wage: the wage column, else daily wage x days worked (x 25 when days are blank).

The wage is basic wage + fixed allowances (DOMAIN.md). The header reader takes a total column
("Jumlah Gaji") when there is one; it keeps an allowance column ("Tunjangan") only beside a basic
wage ("Gaji Pokok"), and then the two are added here, with a warning saying so.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from reconcile.normalize.columns import raw_column
from reconcile.normalize.money import amount_column
from reconcile.values import UnreadableValue, parse_amount
from reconcile.values.unique import map_unique, spread
from schemas.issues import ERROR, WARNING, issues_where

#: Fields whose unreadable value costs the row its wage, not its place on the payroll.
WAGE_FIELDS = frozenset({"monthly_wage", "allowance", "daily_wage", "days_worked"})

#: A daily-paid worker's monthly wage is the daily wage x 25 (DOMAIN.md).
ASSUMED_DAYS = 25
_DAYS_UNIT = re.compile(r"\s*(?:hari|hr|hk)\.?\s*$", re.IGNORECASE)


def wage_columns(raw: pd.DataFrame) -> tuple[dict[str, pd.Series], list[pd.DataFrame]]:
    """monthly_wage, daily_wage, days_worked (float64), and the issues found."""
    basic, basic_bad, monthly_issue = amount_column(raw, "monthly_wage", ERROR)
    allowance, allowance_bad, allowance_issue = amount_column(raw, "allowance", ERROR)
    summed = basic.notna() & allowance.notna()
    monthly = basic.where(~summed, basic + allowance)
    monthly_bad = basic_bad | allowance_bad
    monthly = monthly.where(~monthly_bad)
    daily, daily_bad, daily_issue = amount_column(raw, "daily_wage", ERROR)
    days, days_bad = _days(raw_column(raw, "days_worked"))

    from_daily = monthly.isna() & ~monthly_bad & daily.notna()
    # Days matter only when the monthly wage is computed from them; otherwise a bad cell is a note.
    days_needed = from_daily & days_bad
    assume = from_daily & days.isna() & ~days_bad
    derived = np.where(assume, daily * ASSUMED_DAYS, daily * days)
    monthly_wage = monthly.where(~from_daily, pd.Series(derived, index=raw.index))
    blank = monthly.isna() & ~monthly_bad & daily.isna() & ~daily_bad

    issues = [
        monthly_issue,
        allowance_issue,
        issues_where(summed, "monthly_wage", WARNING, _SUMMED),
        daily_issue,
        issues_where(
            days_needed, "days_worked", ERROR, f"{_DAYS_UNREADABLE}; upah sebulan tak dapat dihitung"
        ),
        issues_where(days_bad & ~days_needed, "days_worked", WARNING, _DAYS_UNREADABLE),
        issues_where(
            assume,
            "days_worked",
            WARNING,
            f"Hari kerja kosong; upah sebulan dihitung upah harian x {ASSUMED_DAYS} hari",
        ),
        issues_where(blank, "monthly_wage", WARNING, "Upah kosong; diharapkan upah sebulan atau upah harian"),
    ]
    columns = {"monthly_wage": monthly_wage.astype("float64"), "daily_wage": daily, "days_worked": days}
    return columns, issues


_SUMMED = "Tidak ada kolom jumlah gaji/upah; upah sebulan dihitung gaji pokok + tunjangan"
_DAYS_UNREADABLE = "Hari kerja tidak terbaca; diharapkan angka seperti 22"


def insured_monthly_wage(payroll: pd.DataFrame) -> pd.Series:
    """The monthly wage BPJS reckons with: daily wage x 25 for a daily-paid worker, whatever the days
    worked this month (DOMAIN.md); the monthly wage read or computed otherwise.
    """
    daily = payroll["daily_wage"].astype("float64")
    return (daily * ASSUMED_DAYS).where(daily.notna(), payroll["monthly_wage"].astype("float64"))


def _read_days(value: object) -> tuple[float, bool]:
    if isinstance(value, str):
        value = _DAYS_UNIT.sub("", value)  # "22 hari"
    try:
        return parse_amount(value), False
    except UnreadableValue:
        return np.nan, True


def _days(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Days worked (float64) and an unreadable mask."""
    codes, results = map_unique(values, _read_days)
    days = spread(codes, [d for d, _ in results], dtype=np.float64)
    bad = spread(codes, [b for _, b in results], dtype=bool)
    return pd.Series(days, index=values.index), pd.Series(bad, index=values.index)
