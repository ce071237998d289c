"""Payroll InputTable -> typed payroll frame (PAYROLL_COLUMNS) plus issues.

A row whose wage cannot be read keeps its place (its identity counts for coverage, duplicates and
pairing) with the wage blanked; the wage error still makes it an INVALID_ROW finding.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from reconcile.model import PAYROLL_COLUMNS, InputTable, Normalised
from reconcile.normalize.columns import raw_column, source_columns
from reconcile.normalize.finish import finish
from reconcile.normalize.identity import identity_columns
from reconcile.normalize.wages import WAGE_FIELDS, wage_columns
from reconcile.values import parse_texts
from schemas.payroll import PayrollSchema


def prepare_payroll(table: InputTable, *, today: dt.date | None = None) -> Normalised:
    """Type every payroll row and list what is wrong with it.

    `today` fixes the two-digit-year pivot (tests); by default it is the current date.
    """
    raw = table.frame.reset_index(drop=True)
    identity, issues = identity_columns(raw, today=today)
    wages, wage_issues = wage_columns(raw)
    unit = parse_texts(raw_column(raw, "unit"))
    hint = parse_texts(raw_column(raw, "unit_hint"))
    typed = pd.DataFrame(
        {
            **source_columns(raw),
            **identity,
            "unit": unit.fillna(hint),
            "position": parse_texts(raw_column(raw, "position")),
            **wages,
        },
        index=raw.index,
    )
    result, _ = finish(
        typed,
        PayrollSchema,
        [*issues, *wage_issues],
        columns=PAYROLL_COLUMNS,
        index=table.frame.index,
        value_fields=WAGE_FIELDS,
    )
    return result
