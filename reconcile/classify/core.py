"""The intermediate finding frame every classifier returns, before row references are filled in.

A core finding points at rows by index label (`payroll_idx`, `bpjs_idx`); `materialise` in
reconcile.classify.render turns that into file / sheet / row references and identity columns.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

CORE_COLUMNS = [
    "category",
    "payroll_idx",
    "bpjs_idx",
    "match_method",
    "expected_idr",
    "billed_idr",
    "difference_idr",
    "exposure_idr",
    "detail",
]

_DTYPES = {
    "category": "string",
    "payroll_idx": "Int64",
    "bpjs_idx": "Int64",
    "match_method": "string",
    "expected_idr": "float64",
    "billed_idr": "float64",
    "difference_idr": "float64",
    "exposure_idr": "float64",
    "detail": "string",
}


def core_frame(category: str, **columns: object) -> pd.DataFrame:
    """A core finding frame for one category; columns not given stay empty.

    Every given column must be a sequence of the same length (or a scalar, broadcast).
    """
    lengths = {len(v) for v in columns.values() if isinstance(v, (list, pd.Series, pd.Index))}
    if len(lengths) > 1:
        raise ValueError(f"columns of unequal length: {lengths}")
    n = lengths.pop() if lengths else 0
    data: dict[str, object] = {}
    for col in CORE_COLUMNS:
        value = category if col == "category" else columns.get(col)
        if isinstance(value, (pd.Series, pd.Index)):
            value = list(value)
        data[col] = pd.Series(value if isinstance(value, list) else [value] * n, dtype=_DTYPES[col])
    return pd.DataFrame(data)


def concat_core(frames: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """All core findings in one frame (empty frames allowed)."""
    frames = [f for f in frames if len(f)]
    if not frames:
        return core_frame("")
    return pd.concat(frames, ignore_index=True).astype(_DTYPES)
