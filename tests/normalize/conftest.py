"""Build InputTables the way the readers do: raw cells under canonical names."""

import datetime as dt

import pandas as pd
import pytest

from reconcile.model import InputTable

TODAY = dt.date(2026, 3, 1)


def make_table(kind: str, rows: list[dict], *, index: list[int] | None = None) -> InputTable:
    base = [
        {
            "source_file": f"{kind}.xlsx",
            "source_sheet": "Sheet1",
            "source_row": 10 + i,
            "unit_hint": "Dinas Hint",
        }
        | row
        for i, row in enumerate(rows)
    ]
    frame = pd.DataFrame(base, dtype=object)
    if index is not None:
        frame.index = index
    frame["source_row"] = frame["source_row"].astype("int64")
    return InputTable(path=f"{kind}.xlsx", kind=kind, sha256="0" * 64, sheets=(), frame=frame)


@pytest.fixture
def today() -> dt.date:
    return TODAY
