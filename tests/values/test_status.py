"""Participation status: AKTIF, NON AKTIF, blank, or unknown."""

import pandas as pd
import pytest

from reconcile.values import UnreadableValue, parse_status, parse_statuses


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("AKTIF", "AKTIF"),
        ("Aktif", "AKTIF"),
        ("AKTIF ", "AKTIF"),
        ("A", "AKTIF"),
        ("ACTIVE", "AKTIF"),
        ("NON AKTIF", "NON AKTIF"),
        ("NONAKTIF", "NON AKTIF"),
        ("NON-AKTIF", "NON AKTIF"),
        ("Non Aktif", "NON AKTIF"),
        ("NA", "NON AKTIF"),
        ("N", "NON AKTIF"),
        ("TIDAK AKTIF", "NON AKTIF"),
        ("INACTIVE", "NON AKTIF"),
        ("NONAKTIF (KELUAR)", "NON AKTIF"),
        ("NON AKTIF (MENINGGAL)", "NON AKTIF"),
        (None, None),
        ("", None),
        ("  ", None),
    ],
)
def test_parse_status(cell, expected):
    assert parse_status(cell) == expected


@pytest.mark.parametrize("cell", ["PENDING", "X", "AKTIF?", "1", 1, "N/A BARU"])
def test_unknown_status_raises(cell):
    with pytest.raises(UnreadableValue):
        parse_status(cell)


def test_parse_statuses_column():
    out = parse_statuses(pd.Series(["Aktif", "PENDING", None, "NA"]))
    assert out["status"].tolist() == ["AKTIF", pd.NA, pd.NA, "NON AKTIF"]
    assert out["unknown"].tolist() == [False, True, False, False]
    assert str(out["status"].dtype) == "string"
