"""Converting a column per distinct value gives what converting every cell gives, whatever the dtype."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from reconcile.report.csv_files import column_text
from reconcile.report.distinct import distinct
from reconcile.report.masking import mask_frame, mask_nik
from reconcile.report.values import as_float, as_int, as_text

COLUMNS = {
    "mixed": pd.Series([1, True, 1.0, "1", None, np.nan, pd.NA, "", 2.5, "1,234.5"], dtype=object),
    "with_date": pd.Series(["a", dt.date(2018, 2, 1), None], dtype=object),
    "text": pd.Series(["a", None, "a", "", np.nan, "b"], dtype=object),
    "str": pd.Series(["a", None, "a", "b"], dtype="str"),
    "string": pd.Series(["a", pd.NA, "a"], dtype="string"),
    "Int64": pd.Series([12, None, 12, -3], dtype="Int64"),
    "int64": pd.Series([12, 7, 12], dtype="int64"),
    "float": pd.Series([3.0, np.nan, 2.5, -2.5, 0.812345, 3.0]),
    "bool": pd.Series([True, False, True]),
    "dates": pd.Series(pd.to_datetime(["2018-02-01", None, "2018-02-01"])),
    "category": pd.Series(["x", "y", "x"], dtype="category"),
    "empty": pd.Series([], dtype=object),
    "missing": pd.Series([None, np.nan], dtype=object),
}


def _per_cell(series: pd.Series, fn) -> list[str]:
    return ["" if (x := fn(v)) is None else str(x) for v in series.tolist()]


@pytest.mark.parametrize(
    ("name", "fn"),
    [
        (name, fn)
        for name in COLUMNS
        for fn in (as_text, as_int, as_float)
        if not (fn is as_int and name in ("dates", "with_date"))  # as_int takes no dates, nor needs to
    ],
)
def test_distinct_conversion_equals_per_cell(name, fn):
    series = COLUMNS[name]
    assert distinct(series).convert(fn) == [fn(v) for v in series.tolist()]
    assert column_text(series, fn).tolist() == _per_cell(series, fn)


def test_equal_values_of_different_types_are_not_merged():
    series = COLUMNS["mixed"]
    assert distinct(series).convert(as_text)[:4] == ["1", "True", "1", "1"]


def test_masking_repeated_texts_once_gives_every_cell_its_mask():
    nik = "1871011205850001"
    frame = pd.DataFrame(
        {
            "nik": [nik, nik, None, 1871011205850002.0, "12 34-56"],
            "detail": [f"x {nik}", f"x {nik}", None, np.nan, 5],
        }
    )
    out = mask_frame(frame)
    assert out["nik"].tolist()[:2] == ["************0001"] * 2
    assert out["nik"].tolist()[3:] == ["************0002", mask_nik("12 34-56")]
    assert out["detail"].tolist()[:2] == ["x ************0001"] * 2
    assert out["detail"].tolist()[4] == 5
    assert out["nik"].isna().tolist() == [False, False, True, False, False]


def test_mask_nik_digits_only_and_formatted_agree():
    assert mask_nik("12345") == "*2345"
    assert mask_nik("1234") == "1234"
    assert mask_nik("18 7101 1205") == "** **** 1205"
    assert mask_nik("") == ""
