"""Dates: day first, Indonesian/English month names, Excel serials, two-digit years."""

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile.values import UnreadableValue, from_excel_serial, parse_date, parse_dates

TODAY = dt.date(2026, 3, 1)  # pivot: yy <= 26 -> 20yy, yy > 26 -> 19yy
D = dt.date


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (dt.datetime(1985, 5, 12, 0, 0), D(1985, 5, 12)),
        (pd.Timestamp("1985-05-12"), D(1985, 5, 12)),
        (D(1985, 5, 12), D(1985, 5, 12)),
        (31179, D(1985, 5, 12)),  # Excel serial
        (31179.0, D(1985, 5, 12)),
        (31179.75, D(1985, 5, 12)),  # a time of day is dropped
        (43101, D(2018, 1, 1)),
        ("12/05/1985", D(1985, 5, 12)),
        ("12-05-1985", D(1985, 5, 12)),
        ("12.05.1985", D(1985, 5, 12)),
        ("2/5/1985", D(1985, 5, 2)),  # day first, always
        ("12-05-85", D(1985, 5, 12)),
        ("01-01-18", D(2018, 1, 1)),
        ("01-01-26", D(2026, 1, 1)),  # yy == this year's -> 20yy
        ("01-01-27", D(1927, 1, 1)),
        ("1985-05-12", D(1985, 5, 12)),
        ("1985-05-12 00:00:00", D(1985, 5, 12)),
        ("1985/05/12", D(1985, 5, 12)),
        ("12-May-85", D(1985, 5, 12)),
        ("12-Mei-85", D(1985, 5, 12)),
        ("03-Agu-90", D(1990, 8, 3)),
        ("03-Agt-90", D(1990, 8, 3)),
        ("03-AUG-90", D(1990, 8, 3)),
        ("10-Okt-90", D(1990, 10, 10)),
        ("10-Oct-90", D(1990, 10, 10)),
        ("24-Des-90", D(1990, 12, 24)),
        ("24-Dec-1990", D(1990, 12, 24)),
        ("3 Agustus 1990", D(1990, 8, 3)),
        ("3 August 1990", D(1990, 8, 3)),
        ("1 Januari 2000", D(2000, 1, 1)),
        ("29 Februari 2000", D(2000, 2, 29)),
        ("14 Pebruari 1979", D(1979, 2, 14)),
        ("17 Nopember 1980", D(1980, 11, 17)),
        ("17 November 1980", D(1980, 11, 17)),
        ("5 Maret 1991", D(1991, 3, 5)),
        ("5 Juni 1991", D(1991, 6, 5)),
        ("5 Juli 1991", D(1991, 7, 5)),
        ("5 Sept. 1991", D(1991, 9, 5)),
        ("  12-05-1985  ", D(1985, 5, 12)),
        # spaces around the separators, as typed by hand
        ("09 - 10 - 1989", D(1989, 10, 9)),
        ("09 / 10 / 1989", D(1989, 10, 9)),
        ("09 .10. 1989", D(1989, 10, 9)),
        ("9 -10- 89", D(1989, 10, 9)),
        ("9-Okt- 1989", D(1989, 10, 9)),
        ("9 - Okt - 1989", D(1989, 10, 9)),
        ("1989 - 10 - 09", D(1989, 10, 9)),
        ("\u200b09-10-1989\ufeff", D(1989, 10, 9)),  # invisible characters
    ],
)
def test_parse_date(cell, expected):
    assert parse_date(cell, today=TODAY) == expected


@pytest.mark.parametrize("cell", [None, "", "   ", float("nan"), pd.NaT, pd.NA])
def test_blank_date_is_none(cell):
    assert parse_date(cell, today=TODAY) is None


@pytest.mark.parametrize(
    "cell",
    [
        "31-02-1985",  # no such day
        "29-02-1985",  # not a leap year
        "12-13-1985",  # day first: month 13 does not exist
        "00-05-1985",
        "12 Mai 1985",  # not a month name we know
        "12-05-1850",  # outside 1900-2099
        "12051985",
        "09 - 10 / 1989",  # two different separators: not a date we can trust
        "09 10 1989",  # no separator at all
        "kemarin",
        1985,  # a bare year is not an Excel serial
        19850512,
        60,  # Excel's 29 February 1900 never existed
        True,
    ],
)
def test_unreadable_date_raises(cell):
    with pytest.raises(UnreadableValue):
        parse_date(cell, today=TODAY)


def test_excel_serial_1900_system():
    assert from_excel_serial(3654) == D(1910, 1, 1)
    assert from_excel_serial(73050) == D(2099, 12, 31)


def test_parse_dates_column():
    out = parse_dates(pd.Series(["12-05-85", "31-02-1985", None, 31179], index=[2, 4, 6, 8]), today=TODAY)
    assert str(out["date"].dtype) == "datetime64[ns]"
    assert list(out.index) == [2, 4, 6, 8]
    assert out["date"].tolist()[0] == pd.Timestamp("1985-05-12")
    assert out["date"].isna().tolist() == [False, True, True, False]
    assert out["unreadable"].tolist() == [False, True, False, False]


@given(
    st.lists(
        st.one_of(
            st.dates(),
            st.datetimes(),
            st.dates(min_value=dt.date(1890, 1, 1), max_value=dt.date(2110, 12, 31)),
            st.sampled_from(["12/05/1985", "12-Mei-85", "31-02-1985", "", " ", "N/A", 31000, 31000.5, True]),
            st.none(),
        ),
        max_size=30,
    )
)
def test_column_of_dates_reads_as_cell_by_cell(cells):
    """The column reader (date cells converted all at once) gives what parse_date gives per cell."""
    today = dt.date(2026, 11, 24)
    got = parse_dates(pd.Series(cells, dtype=object), today=today)
    for i, cell in enumerate(cells):
        try:
            expected, unreadable = parse_date(cell, today=today), False
        except UnreadableValue:
            expected, unreadable = None, True
        assert bool(got["unreadable"].iloc[i]) == unreadable
        found = got["date"].iloc[i]
        assert (None if pd.isna(found) else found.date()) == expected
