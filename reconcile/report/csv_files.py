"""exceptions.csv and matches.csv: the machine files, UTF-8, comma-separated, contract column order.

Values are written as the result holds them (no formula defusing: other tools read these files as
data). Rupiah amounts and row numbers are whole numbers without separators; a side that does not
apply stays empty.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from reconcile.categories import EXCEPTION_COLUMNS, MATCH_COLUMNS
from reconcile.report.values import as_float, as_int, as_text

INT_COLUMNS = frozenset(
    {"payroll_row", "bpjs_row", "expected_idr", "billed_idr", "difference_idr", "exposure_idr", "age_months"}
)
FLOAT_COLUMNS = frozenset({"score"})


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
        out[column] = (
            frame[column].map(lambda v, fn=fn: "" if (x := fn(v)) is None else str(x)).astype(object)
        )
    return out


def write_csv(frame: pd.DataFrame, columns: list[str], path: Path) -> None:
    """Write `frame` as a contract CSV at `path` (header line always present)."""
    # CRLF as RFC 4180 says; it also makes the csv module quote a text holding a lone CR.
    contract_frame(frame, columns).to_csv(path, index=False, encoding="utf-8", lineterminator="\r\n")


def write_exceptions_csv(findings: pd.DataFrame, path: Path) -> None:
    write_csv(findings, EXCEPTION_COLUMNS, path)


def write_matches_csv(matches: pd.DataFrame, path: Path) -> None:
    write_csv(matches, MATCH_COLUMNS, path)
