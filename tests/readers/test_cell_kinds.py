"""The column-at-a-time cell questions give exactly the answers of the scalar rules, on any cells."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.readers.cell_kinds import cell_array, column_number_start_flags, digit_counts, row_number_flags
from reconcile.readers.structure import _digits, _maybe_column_number, _row_number


def _scalar_cells(column: list, start: int) -> list:
    return [None if v.__class__ is str and not v.strip() else v for v in column[start:]]


_TEXT_PARTS = st.sampled_from(
    ["", " ", "\t", "\x1f", "\u00a0", "\u3000", "1", "0", "9", "12", ".", "'", "-", "(", ")", "a", "Budi",
     "é", "٣", "²", "１", "\ud800"]
)  # fmt: skip
_TEXT = st.lists(_TEXT_PARTS, max_size=5).map("".join) | st.text(max_size=8)
_CELL = st.one_of(
    _TEXT,
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**25), max_value=10**25),
    st.integers(min_value=-20, max_value=20_000_000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-1e20, max_value=1e20).map(float.__round__).map(float),
    st.sampled_from([1871011234560001.0, 187101123456000.0, 9.2e18, 2.0**63, 1e7, 9999999.0, -0.0]),
    st.dates(),
    st.datetimes(),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_CELL, max_size=40), st.integers(min_value=0, max_value=3))
def test_cell_array_blanks_empty_and_whitespace_text(column: list, start: int) -> None:
    start = min(start, len(column))
    got = cell_array(column, start)
    assert got.dtype == object
    assert [type(v) for v in got] == [type(v) for v in _scalar_cells(column, start)]
    assert all(a is b for a, b in zip(got, _scalar_cells(column, start), strict=True))


@settings(max_examples=400, deadline=None)
@given(st.lists(_CELL, max_size=40))
def test_digit_counts_match_the_scalar_rule(column: list) -> None:
    values = cell_array(column)
    assert digit_counts(values, _digits).tolist() == [_digits(v) for v in values]


@settings(max_examples=400, deadline=None)
@given(st.lists(_CELL, max_size=40))
def test_row_number_flags_match_the_scalar_rule(column: list) -> None:
    values = cell_array(column)
    assert row_number_flags(values, _row_number).tolist() == [_row_number(v) for v in values]


@settings(max_examples=400, deadline=None)
@given(st.lists(_CELL, max_size=40))
def test_column_number_starts_match_the_scalar_rule(column: list) -> None:
    values = cell_array(column)
    expected = [_maybe_column_number(v) for v in values]
    assert column_number_start_flags(values, _maybe_column_number).tolist() == expected


def test_identity_cells_as_offices_type_them() -> None:
    column = ["1871011234560001", "1871 0112 3456 0001", "'1871011234560001", 1871011234560001.0,
              187101123456000, "24-0123-4567-8", "", "  ", None, date(1985, 5, 12), "N/A", "١٢٣"]  # fmt: skip
    values = cell_array(column)
    assert values[6] is None and values[7] is None
    assert digit_counts(values, _digits).tolist() == [16, 16, 16, 16, 15, 11, 0, 0, 0, 0, 0, 0]


def test_row_numbers_as_offices_type_them() -> None:
    cells = [1.0, "2", "3.", " 4 ", 5, "6 .", "1.5", 0, 10_000_000, True, datetime(2024, 1, 1), "٣"]
    values = cell_array(cells)
    assert row_number_flags(values, _row_number).tolist() == [
        True, True, True, True, True, False, False, False, False, False, False, True,
    ]  # fmt: skip
    assert np.array_equal(row_number_flags(cell_array([]), _row_number), np.array([], dtype=bool))
