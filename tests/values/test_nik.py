"""NIK cells -> digit text, numeric flag and problem; the embedded birth date."""

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile.values import embedded_birth_parts, last4, parse_nik, read_identifier

NA = None


@pytest.mark.parametrize(
    ("cell", "digits", "numeric", "problem"),
    [
        ("1871015205850001", "1871015205850001", False, NA),
        (" 1871015205850001 ", "1871015205850001", False, NA),
        ("'1871015205850001", "1871015205850001", False, NA),  # Excel text prefix
        ("1871 0152 0585 0001", "1871015205850001", False, NA),
        ("1871.0152.0585.0001", "1871015205850001", False, NA),
        ("1871-0152-0585-0001", "1871015205850001", False, NA),
        ("1871\u00a0015205850001", "1871015205850001", False, NA),  # non-breaking space
        ("\u200b1871015205850001", "1871015205850001", False, NA),  # zero-width space, invisible
        ("\ufeff1871015205850001\u200e", "1871015205850001", False, NA),  # BOM, left-to-right mark
        ("1871\u00ad0152\u20600585\u200d0001", "1871015205850001", False, NA),  # soft hyphen, joiners
        ("'\u200b1871015205850001", "1871015205850001", False, NA),
        ("\u200b", NA, False, NA),  # nothing visible: blank
        (1871015205850001, "1871015205850001", True, NA),
        (1871015205850000.0, "1871015205850000", True, NA),  # float: exact digits via int()
        (9007199254740991.0, "9007199254740991", True, NA),
        ("1871015205850001.0", "1871015205850001", True, NA),  # written out by a float-minded tool
        ("1.87101E+15", NA, False, "scientific"),
        ("1,87101E+15", NA, False, "scientific"),
        ("1.871015E15", NA, False, "scientific"),
        ("18710152O5850001", NA, False, "not_digits"),  # letter O for zero
        ("KTP 1871015205850001", NA, False, "not_digits"),
        ("-", NA, False, NA),  # placeholder for "none": blank, no warning
        ("", NA, False, NA),
        ("   ", NA, False, NA),
        (None, NA, False, NA),
        (float("nan"), NA, False, NA),
        (pd.NA, NA, False, NA),
        (1871015205.5, NA, True, "fraction"),
        (-1871015205850001, NA, True, "not_digits"),
        (True, NA, False, "not_digits"),
        ("187101", "187101", False, NA),  # too short: read here, refused by the schema
    ],
)
def test_read_identifier(cell, digits, numeric, problem):
    read = read_identifier(cell)
    assert (read.digits, read.numeric, read.problem) == (digits, numeric, problem)


def test_parse_nik_keeps_raw_text_and_index():
    cells = pd.Series(["18710152O5850001", 1871015205850001, None, "1.87101E+15"], index=[7, 3, 9, 1])
    out = parse_nik(cells)
    assert list(out.index) == [7, 3, 9, 1]
    assert out["nik"].tolist() == [pd.NA, "1871015205850001", pd.NA, pd.NA]
    assert out["nik_raw"].tolist() == ["18710152O5850001", "1871015205850001", pd.NA, "1.87101E+15"]
    assert out["nik_numeric"].tolist() == [False, True, False, False]
    assert out["nik_problem"].tolist() == ["not_digits", pd.NA, pd.NA, "scientific"]
    assert str(out["nik"].dtype) == "string" and out["nik_numeric"].dtype == bool


def test_parse_nik_drops_invisible_characters_from_raw_text_too():
    out = parse_nik(pd.Series(["\u200b1871031001920004", "1871031001920004"]))
    assert out["nik"].tolist() == ["1871031001920004"] * 2
    assert out["nik_raw"].tolist() == ["1871031001920004"] * 2  # what the message shows is what was read
    assert out["nik_problem"].isna().all()


def test_parse_nik_text_and_number_of_same_digits_differ_in_numeric_flag():
    out = parse_nik(pd.Series(["1871015205850001", 1871015205850001, 1871015205850001.0]))
    assert out["nik"].nunique() == 1
    assert out["nik_numeric"].tolist() == [False, True, True]


@given(st.integers(min_value=10**15, max_value=9_007_199_254_740_991))
def test_nik_int_and_float_round_trip(number):
    # Every 16-digit integer below 2**53 survives a float exactly; it must come back digit for digit.
    assert read_identifier(number).digits == str(number)
    assert read_identifier(float(number)).digits == str(number)


@pytest.mark.parametrize(
    ("nik", "day", "month", "yy", "female"),
    [
        ("1871011205850001", 12, 5, 85, False),
        ("1871015205850001", 12, 5, 85, True),  # women: day + 40
        ("1871017112990003", 31, 12, 99, True),
        ("1871010101000001", 1, 1, 0, False),
    ],
)
def test_embedded_birth_parts(nik, day, month, yy, female):
    parts = embedded_birth_parts(pd.Series([nik], dtype="string")).iloc[0]
    assert (parts["day"], parts["month"], parts["yy"], bool(parts["female"])) == (day, month, yy, female)


def test_embedded_birth_parts_of_short_nik_are_missing():
    parts = embedded_birth_parts(pd.Series(["187101", pd.NA], dtype="string"))
    assert parts["day"].isna().all() and parts["month"].isna().all()


def test_last4_shows_only_the_tail():
    assert last4("1871015205850001") == "...0001"
    assert last4(None) == ""


@given(
    st.lists(
        st.one_of(
            st.text(alphabet="0123456789 .-'é١\t", max_size=6),
            st.text(max_size=4),
            st.integers(),
            st.floats(),
            st.none(),
            st.booleans(),
        ),
        max_size=30,
    )
)
def test_column_of_identifiers_reads_as_cell_by_cell(cells):
    """The column reader (plain digit text decided in Arrow) gives what read_identifier gives per cell."""
    read = parse_nik(pd.Series(cells, dtype=object))
    for i, cell in enumerate(cells):
        one = read_identifier(cell)
        assert (None if pd.isna(read["nik"].iloc[i]) else read["nik"].iloc[i]) == one.digits
        assert (None if pd.isna(read["nik_raw"].iloc[i]) else read["nik_raw"].iloc[i]) == one.raw
        assert bool(read["nik_numeric"].iloc[i]) == one.numeric
