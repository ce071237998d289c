"""INVALID_ROW: a data row that cannot be used, with every reason found while reading it."""

from __future__ import annotations

import pandas as pd

from reconcile.categories import Category
from reconcile.classify.core import core_frame
from reconcile.messages import Lang, message
from reconcile.model import SOURCE_COLUMNS, Side


def invalid_rows(frame: pd.DataFrame, issues: pd.DataFrame, side: Side, lang: Lang) -> pd.DataFrame:
    """One INVALID_ROW finding per rejected row of one side, its error messages as the detail."""
    rejected = frame[frame["rejected"]]
    errors = issues[issues["severity"] == "error"].copy()
    errors["source_row"] = errors["source_row"].astype("int64")
    errors["source_sheet"] = errors["source_sheet"].fillna("").astype(str)
    reasons = errors.groupby(SOURCE_COLUMNS, sort=False)["message"].agg(lambda m: "; ".join(dict.fromkeys(m)))
    keys = pd.MultiIndex.from_arrays(
        [
            rejected["source_file"].astype(str),
            rejected["source_sheet"].fillna("").astype(str),
            rejected["source_row"].astype("int64"),
        ]
    )
    found = reasons.reindex(keys).fillna(message("no_reason", lang))
    detail = [message("invalid_row", lang, reasons=r) for r in found]
    column = "payroll_idx" if side == "payroll" else "bpjs_idx"
    return core_frame(Category.INVALID_ROW, **{column: list(rejected.index), "detail": detail})
