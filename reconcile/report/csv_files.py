"""exceptions.csv and matches.csv: the machine files, UTF-8, comma-separated, contract column order.

Values are written as the result holds them (no formula defusing: other tools read these files as
data). Rupiah amounts and row numbers are whole numbers without separators; a side that does not
apply stays empty.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
from pandas.api.types import infer_dtype, is_integer_dtype

from reconcile.categories import EXCEPTION_COLUMNS, MATCH_COLUMNS
from reconcile.report.distinct import distinct
from reconcile.report.values import as_float, as_int, as_text

INT_COLUMNS = frozenset(
    {"payroll_row", "bpjs_row", "expected_idr", "billed_idr", "difference_idr", "exposure_idr", "age_months"}
)
FLOAT_COLUMNS = frozenset({"score"})


def _csv_text(fn: Callable[[Any], object]) -> Callable[[Any], str]:
    return lambda v: "" if (x := fn(v)) is None else str(x)


def column_text(series: pd.Series, fn: Callable[[Any], object]) -> pd.Series:
    """`fn` of every cell as CSV text ("" for nothing), as an object column.

    Whole columns where the dtype says what `fn` would do: text stays as it is, whole numbers are
    written as they are; any other column is converted per distinct value.
    """
    if fn is as_text and infer_dtype(series, skipna=True) in ("string", "empty"):
        return series.astype(object).where(series.notna(), "")
    if fn is as_int and is_integer_dtype(series.dtype):
        return series.astype(str).fillna("").astype(object)
    return pd.Series(distinct(series).convert(_csv_text(fn)), index=series.index, dtype=object)


def contract_frame(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """`columns` in order (missing ones empty), then any further columns the frame carries, as text."""
    ordered = columns + [c for c in frame.columns if c not in columns]
    out = pd.DataFrame(index=frame.index)
    for column in ordered:
        if column not in frame.columns:
            out[column] = ""
            continue
        fn: Callable[[Any], object]
        if column in INT_COLUMNS:
            fn = as_int
        elif column in FLOAT_COLUMNS:
            fn = as_float
        else:
            fn = as_text
        out[column] = column_text(frame[column], fn)
    return out


def write_csv(frame: pd.DataFrame, columns: list[str], path: Path) -> None:
    """Write `frame` as a contract CSV at `path` (header line always present)."""
    texts = contract_frame(frame, columns)
    with path.open("w", encoding="utf-8", newline="") as handle:
        # CRLF as RFC 4180 says; it also makes the csv module quote a text holding a lone CR.
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(texts.columns)
        writer.writerows(zip(*(texts[c].tolist() for c in texts.columns), strict=True))


def write_exceptions_csv(findings: pd.DataFrame, path: Path) -> None:
    write_csv(findings, EXCEPTION_COLUMNS, path)


def write_matches_csv(matches: pd.DataFrame, path: Path) -> None:
    write_csv(matches, MATCH_COLUMNS, path)
