"""Participation status: AKTIF, NON AKTIF, blank, or unknown; the vocabulary is a data table."""

import csv
import datetime as dt

import pandas as pd
import pytest

from reconcile.errors import InputError
from reconcile.values import UnreadableValue, parse_status, parse_statuses
from reconcile.values.status import STATUS_FILE, read_status, status_words


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
        ("MUTASI", "NON AKTIF"),  # moved to another employer's NPP
        ("Belum Aktif", "NON AKTIF"),
        ("NON AKTIF (MENINGGAL)", "NON AKTIF"),
        # N/A in a BPJS status column is Non Aktif (CONTRACT.md: AKTIF / NON AKTIF / NA)
        ("N/A", "NON AKTIF"),
        ("n/a", "NON AKTIF"),
        ("N.A.", "NON AKTIF"),
        ("N A", "NON AKTIF"),
        ("Non-Aktif", "NON AKTIF"),
        ("NON_AKTIF", "NON AKTIF"),
        ("Tidak Aktif", "NON AKTIF"),
        ("TDK. AKTIF", "NON AKTIF"),
        ("NOT ACTIVE", "NON AKTIF"),
        ("KELUAR", "NON AKTIF"),  # an exit reason written alone: the membership has ended
        ("Meninggal Dunia", "NON AKTIF"),
        ("PENSIUN", "NON AKTIF"),
        ("AKTIF - BPU", "AKTIF"),
        ("\u200bAKTIF\ufeff", "AKTIF"),  # invisible characters from a copy-paste
        (None, None),
        ("", None),
        ("  ", None),
    ],
)
def test_parse_status(cell, expected):
    assert parse_status(cell) == expected


# Left out of the table on purpose: they may mean something else in a status column.
@pytest.mark.parametrize(
    "cell",
    ["PENDING", "X", "AKTIF?", "1", 1, "TA", "Y", "YA", "TIDAK", "AKTIF/NON AKTIF", "Dalam Proses"],
)
def test_unknown_status_raises(cell):
    with pytest.raises(UnreadableValue):
        parse_status(cell)


def test_parse_statuses_column():
    out = parse_statuses(pd.Series(["Aktif", "PENDING", None, "NA"]))
    assert out["status"].tolist() == ["AKTIF", pd.NA, pd.NA, "NON AKTIF"]
    assert out["unknown"].tolist() == [False, True, False, False]
    assert str(out["status"].dtype) == "string"


def test_every_row_of_the_status_table_is_read_as_its_status():
    with STATUS_FILE.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows
    assert {r["written"]: parse_status(r["written"]) for r in rows} == {
        r["written"]: r["status"] for r in rows
    }


def _table(tmp_path, body: str):
    path = tmp_path / "statuses.csv"
    path.write_text("written,status,note\n" + body, encoding="utf-8")
    return path


def test_status_table_can_be_extended(tmp_path):
    words = status_words(
        _table(tmp_path, "AKTIF,AKTIF,\nTidak Aktif,NON AKTIF,\nNon Aktip,NON AKTIF,misspelt\n")
    )
    assert words == {"AKTIF": "AKTIF", "TIDAKAKTIF": "NON AKTIF", "NONAKTIP": "NON AKTIF"}


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("AKTIF,AKTIF,\nPENDING,MENUNGGU,\n", "line 3"),  # not one of the two statuses
        (",NON AKTIF,\n", "line 2"),  # no written form
        ("NA,NON AKTIF,\nN/A,AKTIF,\n", "line 3"),  # the same word given two statuses
    ],
)
def test_a_bad_status_table_is_refused_with_its_line(tmp_path, body, said):
    with pytest.raises(InputError, match=said):
        status_words(_table(tmp_path, body))


@pytest.mark.parametrize(
    ("cell", "status", "end", "start", "deceased"),
    [
        ("Aktif s/d 30-04-2024", "AKTIF", "2024-04-30", None, False),  # "until": the registration ends
        ("Nonaktif per 01/03/2024", "NON AKTIF", "2024-02-29", None, False),  # covered through the day before
        ("KELUAR - MENGUNDURKAN DIRI", "NON AKTIF", None, None, False),  # the leading word decides
        ("Keluar tgl 30 April 2024", "NON AKTIF", "2024-04-30", None, False),
        ("Aktif per 01-06-2024", "AKTIF", None, "2024-06-01", False),  # "since": when it started
        ("Aktif (dicek) 01-06-2024", "AKTIF", None, None, False),  # a word in neither list: no date
        ("MENINGGAL DUNIA", "NON AKTIF", None, None, True),
        ("NON AKTIF (MENINGGAL)", "NON AKTIF", None, None, True),
        ("N/A BARU", "NON AKTIF", None, None, False),
    ],
)
def test_a_status_is_read_by_its_leading_words_with_its_date(cell, status, end, start, deceased):
    got = read_status(cell)
    assert (got.status, got.unknown, got.deceased) == (status, False, deceased)
    assert got.end_date == (None if end is None else dt.date.fromisoformat(end))
    assert got.start_date == (None if start is None else dt.date.fromisoformat(start))
