"""Amount columns read with their "unreadable" issues.

The reason names what the cell held when that explains it: a formula saved without its value (a
file written by a tool that does not compute formulas) or an Excel error such as #N/A. Numbers
written in a formula are masked: they may be a wage (UU PDP).
"""

from __future__ import annotations

import re

import pandas as pd

from reconcile.normalize.columns import raw_column
from reconcile.values import parse_amounts
from schemas.issues import FIELD_LABELS, Severity, issues_where

_EXPECTED = "diharapkan angka seperti 2.000.000"
#: A number of four digits or more in a formula, not part of a cell reference (C5, AB1234).
_LITERAL = re.compile(r"(?<![A-Za-z$\d])\d{4,}")
#: How much of a formula a message quotes.
FORMULA_CHARS = 60


def amount_column(
    raw: pd.DataFrame, field: str, severity: Severity
) -> tuple[pd.Series, pd.Series, pd.DataFrame]:
    """(float64 values, unreadable mask, issues) for one amount field."""
    cells = raw_column(raw, field)
    parsed = parse_amounts(cells)
    label = FIELD_LABELS.get(field, field)
    unreadable = parsed["unreadable"].to_numpy(dtype=bool)
    messages = [unreadable_message(label, cell) for cell in cells.to_numpy(dtype=object)[unreadable]]
    issue = issues_where(unreadable, field, severity, messages)
    return parsed["value"], parsed["unreadable"], issue


def unreadable_message(label: str, cell: object) -> str:
    """Why an amount cell could not be read, for the person who will fix the file."""
    text = cell.strip() if isinstance(cell, str) else ""
    if text.startswith("="):
        formula = _LITERAL.sub("\u2026", text)
        if len(formula) > FORMULA_CHARS:
            formula = formula[: FORMULA_CHARS - 1] + "\u2026"
        return (
            f"{label} tidak terbaca: rumus tanpa nilai tersimpan: {formula}; "
            "simpan ulang berkas di Excel agar nilainya terhitung"
        )
    if text.startswith("#") and text[1:2].isalpha():
        return f"{label} tidak terbaca: sel berisi galat Excel {text[:20]}; {_EXPECTED}"
    return f"{label} tidak terbaca; {_EXPECTED}"
