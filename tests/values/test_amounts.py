"""Rupiah amounts: Indonesian and English separators, currency marks, dashes, brackets."""

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile.values import UnreadableValue, parse_amount, parse_amounts


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (2000000, 2000000.0),
        (2000000.0, 2000000.0),
        (16800.5, 16800.5),
        ("2000000", 2000000.0),
        ("Rp 2.000.000", 2000000.0),
        ("\u200bRp 2.000.000\ufeff", 2000000.0),  # invisible characters from a copy-paste
        ("Rp2.000.000", 2000000.0),
        ("Rp. 2.000.000,-", 2000000.0),
        ("RP 2.000.000,00", 2000000.0),
        ("IDR 2,000,000", 2000000.0),
        ("2.000.000,00", 2000000.0),
        ("2,000,000.00", 2000000.0),
        ("1.234.567,89", 1234567.89),
        ("1,234,567.89", 1234567.89),
        ("16.800", 16800.0),
        ("16,800", 16800.0),
        ("1.000", 1000.0),
        ("16800,50", 16800.5),  # a single ',' then two digits is decimal
        ("16800,5", 16800.5),
        ("2000000.0", 2000000.0),  # a single '.' not followed by three digits is decimal
        ("0,500", 0.5),  # "0.500" cannot be thousands
        ("2 000 000", 2000000.0),
        ("(16.800)", -16800.0),
        ("-16.800", -16800.0),
        ("Rp -16.800", -16800.0),
        ("- Rp 16.800", -16800.0),
        ("1.5E+06", 1500000.0),
        ("10.000,-", 10000.0),
        ("0", 0.0),
    ],
)
def test_parse_amount(cell, expected):
    assert parse_amount(cell) == pytest.approx(expected)


@pytest.mark.parametrize("cell", ["-", "", "  ", None, float("nan"), pd.NA, "Rp -", "Rp. -", "(-)", "--"])
def test_blank_amount_is_nan(cell):
    assert math.isnan(parse_amount(cell))


@pytest.mark.parametrize(
    "cell",
    ["abc", "2.00.000", "2,00,000", "Rp 2.000.000 per bulan", "dua juta", "1.2.3,4,5", "12-05-1985", True],
)
def test_unreadable_amount_raises(cell):
    with pytest.raises(UnreadableValue):
        parse_amount(cell)


def test_parse_amounts_flags_unreadable_and_keeps_index():
    out = parse_amounts(pd.Series(["Rp 16.800", "abc", None, "16.800", 16800], index=[3, 1, 2, 9, 8]))
    assert list(out.index) == [3, 1, 2, 9, 8]
    assert out["value"].dtype == "float64"
    values = out["value"].tolist()
    assert values[0] == values[3] == values[4] == 16800.0
    assert math.isnan(values[1]) and math.isnan(values[2])
    assert out["unreadable"].tolist() == [False, True, False, False, False]


def _indonesian(number: int) -> str:
    return f"{number:,}".replace(",", ".")


@given(st.integers(min_value=0, max_value=10**12))
def test_indonesian_formats_round_trip(number):
    assert parse_amount(f"Rp {_indonesian(number)}") == number
    assert parse_amount(f"{_indonesian(number)},00") == number
    assert parse_amount(f"Rp. {_indonesian(number)},-") == number
    assert parse_amount(f"{number:,}.00") == number
    assert parse_amount(f"({_indonesian(number)})") == -number


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_decimal_cents_round_trip(whole, cents):
    assert parse_amount(f"{_indonesian(whole)},{cents:02d}") == pytest.approx(whole + cents / 100)
