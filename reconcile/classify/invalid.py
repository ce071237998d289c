"""INVALID_ROW: a data row that cannot be used, or holds a value that cannot, with every reason found.

A rejected row is out of the reconciliation. A row kept with an error (a payroll row whose wage could
not be read: reconcile.normalize.finish) stays a worker on the payroll and gets its INVALID_ROW too,
saying which checks are skipped. One finding per row either way.
"""

from __future__ import annotations

import pandas as pd

from reconcile.categories import Category
from reconcile.classify.core import core_frame
from reconcile.messages import Lang, message
from reconcile.model import SOURCE_COLUMNS, Side


def invalid_rows(frame: pd.DataFrame, issues: pd.DataFrame, side: Side, lang: Lang) -> pd.DataFrame:
    """One INVALID_ROW finding per rejected row, or kept row with an error, of one side."""
    errors = issues[issues["severity"] == "error"].copy()
    errors["source_row"] = errors["source_row"].astype("int64")
    errors["source_sheet"] = errors["source_sheet"].fillna("").astype(str)
    reasons = errors.groupby(SOURCE_COLUMNS, sort=False)["message"].agg(lambda m: "; ".join(dict.fromkeys(m)))
    # Only rows that are rejected or share a row number with an error can be named: build their keys only.
    rows = frame["source_row"].astype("int64")
    candidates = frame[frame["rejected"].to_numpy(dtype=bool) | rows.isin(errors["source_row"]).to_numpy()]
    keys = pd.MultiIndex.from_arrays(
        [
            candidates["source_file"].astype(str),
            candidates["source_sheet"].fillna("").astype(str),
            candidates["source_row"].astype("int64"),
        ]
    )
    rejected = candidates["rejected"].to_numpy(dtype=bool)
    named = rejected | keys.isin(reasons.index)
    found = reasons.reindex(keys[named]).fillna(message("no_reason", lang))
    detail = [
        message("invalid_row" if whole else "invalid_value", lang, reasons=r)
        for whole, r in zip(rejected[named], found, strict=True)
    ]
    column = "payroll_idx" if side == "payroll" else "bpjs_idx"
    return core_frame(Category.INVALID_ROW, **{column: list(candidates.index[named]), "detail": detail})
