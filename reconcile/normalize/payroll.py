"""Payroll InputTable -> typed payroll frame (PAYROLL_COLUMNS) plus issues.

A row whose wage cannot be read keeps its place (its identity counts for coverage, duplicates and
pairing) with the wage blanked; the wage error still makes it an INVALID_ROW finding.

A leaving date (TGL BERHENTI) is kept; `left_before_period` warns about a worker still paid in a
period that begins after it.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from reconcile.model import ISSUE_COLUMNS, PAYROLL_COLUMNS, SOURCE_COLUMNS, InputTable, Normalised
from reconcile.normalize.columns import raw_column, source_columns
from reconcile.normalize.finish import finish
from reconcile.normalize.identity import date_column, identity_columns
from reconcile.normalize.wages import WAGE_FIELDS, wage_columns
from reconcile.values import parse_texts
from schemas.issues import WARNING
from schemas.payroll import PayrollSchema


def unit_of_rows(unit: pd.Series, hint: pd.Series, source_file: pd.Series) -> pd.Series:
    """Each row's unit (OPD): the unit column, else the unit the title rows name (else the file name).

    A unit column often holds a part of the OPD ("Bidang Program", "Sekretariat", "UPTD ..."); when
    the title rows name the OPD and neither name contains the other, the row's unit is both,
    "DINAS PEKERJAAN UMUM / Bidang Program", so that two OPDs' "Sekretariat" stay apart.
    """
    # Decided once per distinct (unit, title, file): a payroll has few of them, and a million rows.
    columns = (unit, hint, source_file)
    key = np.zeros(len(unit), dtype=np.int64)
    for column in columns:
        codes, uniques = pd.factorize(column, use_na_sentinel=True)
        key = key * (len(uniques) + 1) + (codes + 1)
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    decided = np.array([_unit_of(*(c.iloc[i] for c in columns)) for i in first], dtype=object)
    return pd.Series(pd.array(decided[inverse], dtype="string"), index=unit.index)


def _unit_of(unit: object, hint: object, source_file: object) -> str | None:
    """`unit_of_rows` of one distinct (unit column, title unit, file)."""
    if pd.isna(unit):
        return None if pd.isna(hint) else str(hint)
    u = str(unit)
    if pd.isna(hint):
        return u
    h = str(hint)
    if h == re.sub(r"\.[^.]*$", "", re.split(r"[\\/]", str(source_file))[-1]):
        return u  # the "title" unit is only the file's name
    if h.casefold() in u.casefold():
        return u
    return h if u.casefold() in h.casefold() else f"{h} / {u}"


def prepare_payroll(table: InputTable, *, today: dt.date | None = None) -> Normalised:
    """Type every payroll row and list what is wrong with it.

    `today` fixes the two-digit-year pivot (tests); by default it is the current date.
    """
    raw = table.frame.reset_index(drop=True)
    identity, issues = identity_columns(raw, today=today)
    wages, wage_issues = wage_columns(raw)
    leave_date, leave_issue = date_column(raw, "leave_date", "Tanggal berhenti", today=today)
    unit = parse_texts(raw_column(raw, "unit"))
    hint = parse_texts(raw_column(raw, "unit_hint"))
    typed = pd.DataFrame(
        {
            **source_columns(raw),
            **identity,
            "unit": unit_of_rows(unit, hint, raw["source_file"]),
            "position": parse_texts(raw_column(raw, "position")),
            **wages,
            "leave_date": leave_date,
        },
        index=raw.index,
    )
    result, _ = finish(
        typed,
        PayrollSchema,
        [*issues, *wage_issues, leave_issue],
        columns=PAYROLL_COLUMNS,
        index=table.frame.index,
        value_fields=WAGE_FIELDS,
    )
    return result


def left_before_period(payroll: pd.DataFrame, period: str) -> pd.DataFrame:
    """A warning (ISSUE_COLUMNS) per payroll row whose leaving date is before the period's first day:
    the worker is still paid in a month after leaving."""
    start = pd.Timestamp(f"{period}-01")
    left = payroll[(payroll["leave_date"] < start).fillna(False).to_numpy(dtype=bool)]
    messages = [
        f"Tanggal berhenti {d:%d-%m-%Y} sebelum periode {period}, tetapi pekerja masih ada di daftar gaji "
        "periode ini; periksa apakah pembayaran dan kepesertaannya masih benar"
        for d in left["leave_date"]
    ]
    out = left[SOURCE_COLUMNS].assign(field="leave_date", severity=WARNING, message=messages)
    return out.reset_index(drop=True)[ISSUE_COLUMNS]
