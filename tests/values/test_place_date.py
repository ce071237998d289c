""" "Tempat/Tgl Lahir" cells split into place and date."""

import datetime as dt

import pandas as pd
import pytest

from reconcile.values import parse_place_dates, split_place_date

TODAY = dt.date(2026, 3, 1)


@pytest.mark.parametrize(
    ("cell", "place", "date", "unreadable"),
    [
        ("Bandar Lampung, 12-05-1985", "Bandar Lampung", dt.date(1985, 5, 12), False),
        ("Metro, 3 Agustus 1990", "Metro", dt.date(1990, 8, 3), False),
        ("Metro,3 Agustus 1990", "Metro", dt.date(1990, 8, 3), False),
        ("Kota Bumi , 12/05/85", "Kota Bumi", dt.date(1985, 5, 12), False),
        ("Metro 03-08-1990", "Metro", dt.date(1990, 8, 3), False),
        ("Metro / 3 Agt 1990", "Metro", dt.date(1990, 8, 3), False),
        ("Liwa , 09 - 10 - 1989", "Liwa", dt.date(1989, 10, 9), False),  # spaces around separators
        ("Liwa, 09 / 10 / 1989", "Liwa", dt.date(1989, 10, 9), False),
        ("Liwa, 09 .10. 1989", "Liwa", dt.date(1989, 10, 9), False),
        ("Liwa, 9-Okt- 1989", "Liwa", dt.date(1989, 10, 9), False),
        ("Liwa 09 - 10 - 1989", "Liwa", dt.date(1989, 10, 9), False),  # ... and no comma
        ("Liwa 9 - Okt - 1989", "Liwa", dt.date(1989, 10, 9), False),
        ("\u200bLiwa\u200b, 09-10-1989", "Liwa", dt.date(1989, 10, 9), False),
        ("12-05-1985", None, dt.date(1985, 5, 12), False),
        (dt.datetime(1985, 5, 12), None, dt.date(1985, 5, 12), False),
        (31179, None, dt.date(1985, 5, 12), False),
        ("Tanggamus", "Tanggamus", None, False),
        ("Metro, 31-02-1985", "Metro", None, True),
        ("Metro, -", "Metro", None, False),
        ("Metro 1985", None, None, True),
        (None, None, None, False),
    ],
)
def test_split_place_date(cell, place, date, unreadable):
    got = split_place_date(cell, today=TODAY)
    assert (got.place, got.date, got.unreadable) == (place, date, unreadable)


def test_parse_place_dates_column():
    out = parse_place_dates(pd.Series(["Metro, 3 Agustus 1990", None]), today=TODAY)
    assert out["place"].tolist() == ["Metro", pd.NA]
    assert str(out["date"].dtype) == "datetime64[ns]"
    assert out["unreadable"].tolist() == [False, False]
