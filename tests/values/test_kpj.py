"""KPJ cells -> 11-digit text; numeric cells that lost leading zeros are padded."""

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
        ("123456789", "123456789", False),  # text keeps its zeros, so nothing was lost
        ("KPJ123", None, False),
        ("\u200b12345678901\ufeff", "12345678901", False),  # invisible characters from a copy-paste
        (None, None, False),
        ("", None, False),
    ],
)
def test_read_kpj(cell, kpj, padded):
    read, was_padded = read_kpj(cell)
    assert (read.digits, was_padded) == (kpj, padded)


def test_parse_kpj_columns():
    out = parse_kpj(pd.Series([1234567890, "12345678901", None], index=[4, 5, 6]))
    assert out["kpj"].tolist() == ["01234567890", "12345678901", pd.NA]
    assert out["kpj_padded"].tolist() == [True, False, False]
    assert out["kpj_raw"].tolist() == ["1234567890", "12345678901", pd.NA]
    assert list(out.index) == [4, 5, 6]
