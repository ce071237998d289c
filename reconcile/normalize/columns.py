"""Getting raw columns out of an InputTable frame, present or not."""

from __future__ import annotations

import numpy as np
import pandas as pd

from reconcile.model import SOURCE_COLUMNS


def raw_column(raw: pd.DataFrame, field: str) -> pd.Series:
    """The raw cells of `field`, or all-None when the file had no such column."""
    if field in raw.columns:
        return raw[field]
    return pd.Series(np.full(len(raw), None, dtype=object), index=raw.index)


def source_columns(raw: pd.DataFrame) -> dict[str, pd.Series]:
    """The row reference, typed: file and sheet as text ("" for a CSV's sheet), row as int64."""
    missing = [c for c in SOURCE_COLUMNS if c not in raw.columns]
    if missing:
        raise ValueError(f"input frame lacks {', '.join(missing)}: the reader must set them")
    sheet = raw["source_sheet"].astype(object).where(raw["source_sheet"].notna(), "")
    return {
        "source_file": raw["source_file"].astype(object).astype(str),
        "source_sheet": sheet.astype(str),
        "source_row": raw["source_row"].astype("int64"),
    }
