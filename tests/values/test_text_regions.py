"""Free text cleaning and the region table."""

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile.values import clean_text, parse_texts, province_codes, regions


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("  SITI   NURHALIZA ", "SITI NURHALIZA"),
        ("Dinas\nPendidikan", "Dinas Pendidikan"),
        ("-", None),
        ("", None),
        (None, None),
        (12.0, "12"),
        (7, "7"),
        ("\u200bSiti\u00a0 Aminah\ufeff", "Siti Aminah"),  # invisible characters go, NBSP is a space
        ("Dinas\u200e Pendidikan\u200f", "Dinas Pendidikan"),
        ("\u200b", None),
        ("\u200b-", None),
    ],
)
def test_clean_text(cell, expected):
    assert clean_text(cell) == expected


def test_parse_texts_is_string_dtype_with_na():
    out = parse_texts(pd.Series([" a ", None, "-"], index=[5, 6, 7]))
    assert str(out.dtype) == "string"
    assert out.tolist() == ["a", pd.NA, pd.NA]
    assert list(out.index) == [5, 6, 7]


def test_province_codes_are_the_documented_ones():
    expected = {
        *map(str, range(11, 20)),
        "21",
        *map(str, range(31, 37)),
        *map(str, range(51, 54)),
        *map(str, range(61, 66)),
        *map(str, range(71, 77)),
        "81",
        "82",
        *map(str, range(91, 97)),
    }
    assert province_codes() == expected


def test_lampung_regencies():
    table = regions()
    assert table["18"] == "Lampung"
    assert table["1871"] == "Bandar Lampung" and table["1872"] == "Metro"
    lampung = {c for c in table if len(c) == 4 and c.startswith("18")}
    assert lampung == {f"18{n:02d}" for n in range(1, 14)} | {"1871", "1872"}


_PIECES = ["", " ", "  ", "\t", "\x0b", "\x1c", "\n", "-", "--", ".", "—", "a", "Budi", "é", "\u200b"]
_PIECES += ["\u00a0", "\u3000"]  # no lone surrogates: no reader produces one


@given(
    st.lists(
        st.one_of(
            st.lists(st.sampled_from(_PIECES), max_size=5).map("".join),
            st.text(max_size=6),
            st.none(),
            st.integers(),
            st.floats(),
        ),
        max_size=30,
    )
)
def test_column_of_texts_cleans_as_cell_by_cell(cells):
    """The column cleaner (ASCII text in Arrow) gives what clean_text gives per cell."""
    cleaned = parse_texts(pd.Series(cells, dtype=object))
    got = [None if pd.isna(v) else v for v in cleaned]
    assert got == [clean_text(c) for c in cells]
