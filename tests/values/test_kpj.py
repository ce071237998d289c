"""KPJ cells -> 11-digit text: a "KPJ" label is dropped; 9-10 digits lost leading zeros and are padded."""

import pandas as pd
import pytest

from reconcile.values import parse_kpj, read_kpj


@pytest.mark.parametrize(
    ("cell", "kpj", "padded"),
    [
        ("12345678901", "12345678901", False),
        ("123-4567-8901", "12345678901", False),
        ("'01234567890", "01234567890", False),
        (12345678901, "12345678901", False),
        (12345678901.0, "12345678901", False),
        (1234567890, "01234567890", True),  # Excel ate one leading zero
        (123456789, "00123456789", True),  # ... or two
        (123456789.0, "00123456789", True),
        (12345678, "12345678", False),  # too short to be a zero-stripped KPJ: left for the schema
        ("12345678", "12345678", False),
        # A CSV saved by Excel writes the number without its zeros: text has no cell type to tell.
        ("1234567890", "01234567890", True),
        ("123456789", "00123456789", True),
        # How people label the number is not part of it.
        ("KPJ-18000006666", "18000006666", False),
        ("KPJ 18000006666", "18000006666", False),
        ("No. KPJ: 18000006666", "18000006666", False),
        ("nomor kpj : 1800-000-6666", "18000006666", False),
        ("KPJ-1800007777", "01800007777", True),
        # Letters elsewhere still make the cell unreadable.
        ("1800A006666", None, False),
        ("KPJ 1800A006666", None, False),
        ("18000006666 KPJ", None, False),
        ("BPJS 18000006666", None, False),
        ("KPJ", None, False),
        ("\u200b12345678901\ufeff", "12345678901", False),  # invisible characters from a copy-paste
        (None, None, False),
        ("", None, False),
    ],
)
def test_read_kpj(cell, kpj, padded):
    read, was_padded = read_kpj(cell)
    assert (read.digits, was_padded) == (kpj, padded)


def test_a_label_is_not_a_problem_but_letters_inside_are():
    out = parse_kpj(pd.Series(["KPJ-18000006666", "No. KPJ: 18000006666", "KPJ 18000A06666"]))
    assert out["kpj"].tolist() == ["18000006666", "18000006666", pd.NA]
    assert out["kpj_problem"].tolist() == [pd.NA, pd.NA, "not_digits"]
    assert out["kpj_raw"].tolist() == ["KPJ-18000006666", "No. KPJ: 18000006666", "KPJ 18000A06666"]


def test_digit_text_from_a_csv_is_padded_like_a_number_cell():
    # "1800007777" is what Excel writes to a CSV for the number 01800007777.
    out = parse_kpj(pd.Series(["1800007777", 1800007777, "180008888", "18000009999"]))
    assert out["kpj"].tolist() == ["01800007777", "01800007777", "00180008888", "18000009999"]
    assert out["kpj_zeros_restored"].tolist() == [1, 1, 2, 0]
    assert out["kpj_padded"].tolist() == [True, True, True, False]


@pytest.mark.parametrize(
    "cell",
    [
        "12345678901",
        "01234567890",
        1234567890,
        "1234567890",
        "KPJ-01234567890",
        "No KPJ 1234567890",
        "1800A006666",
        None,
    ],
)
def test_read_kpj_and_parse_kpj_agree(cell):
    read, padded = read_kpj(cell)
    out = parse_kpj(pd.Series([cell], dtype=object)).iloc[0]
    assert (read.digits, read.raw, padded) == (
        None if pd.isna(out["kpj"]) else out["kpj"],
        None if pd.isna(out["kpj_raw"]) else out["kpj_raw"],
        bool(out["kpj_padded"]),
    )


def test_parse_kpj_columns():
    out = parse_kpj(pd.Series([1234567890, "12345678901", None], index=[4, 5, 6]))
    assert out["kpj"].tolist() == ["01234567890", "12345678901", pd.NA]
    assert out["kpj_padded"].tolist() == [True, False, False]
    assert out["kpj_raw"].tolist() == ["1234567890", "12345678901", pd.NA]
    assert list(out.index) == [4, 5, 6]
