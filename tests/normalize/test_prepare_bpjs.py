"""prepare_bpjs: exact columns and dtypes, status, amounts, and which rows are rejected."""

import pandas as pd
import pytest

from reconcile.model import BPJS_COLUMNS
from reconcile.normalize import prepare_bpjs
from tests.normalize.conftest import make_table

NIK = "1871011205850001"
KPJ = "12345678901"
FLOATS = ["reported_wage", "jkk", "jkm", "jht", "jp", "total"]


def _issues(result) -> list[tuple[str, str]]:
    return list(zip(result.issues["field"], result.issues["severity"], strict=True))


def test_columns_and_dtypes(today):
    row = {
        "kpj": KPJ,
        "nik": NIK,
        "name": "SITI",
        "birth_date": "12-Mei-85",
        "join_date": "01-Jan-18",
        "status": "AKTIF",
        "jkk": "10.000",
        "jkm": "6.800",
        "total": "16.800",
    }
    result = prepare_bpjs(make_table("bpjs", [row]), today=today)
    frame = result.frame
    assert list(frame.columns) == BPJS_COLUMNS
    assert {c: str(frame[c].dtype) for c in FLOATS} == dict.fromkeys(FLOATS, "float64")
    for c in ("kpj", "nik", "nik_raw", "name", "status"):
        assert str(frame[c].dtype) == "string"
    assert str(frame["birth_date"].dtype) == str(frame["join_date"].dtype) == "datetime64[ns]"
    for c in ("nik_numeric", "nik_valid", "kpj_valid", "rejected"):
        assert frame[c].dtype == bool
    got = frame.iloc[0]
    assert (got["status"], got["jkk"], got["jkm"], got["total"]) == ("AKTIF", 10_000.0, 6_800.0, 16_800.0)
    assert got["join_date"] == pd.Timestamp("2018-01-01") and pd.isna(got["jht"])
    assert len(result.issues) == 0


@pytest.mark.parametrize(
    ("row", "rejected", "issues", "status"),
    [
        ({"kpj": KPJ, "status": "Aktif"}, False, [], "AKTIF"),
        ({"kpj": KPJ, "status": "NONAKTIF (KELUAR)"}, False, [], "NON AKTIF"),
        ({"kpj": KPJ, "status": "N/A"}, False, [], "NON AKTIF"),  # CONTRACT.md: NA is Non Aktif
        ({"kpj": KPJ, "status": "Tidak Aktif"}, False, [], "NON AKTIF"),
        ({"kpj": KPJ, "status": None}, False, [], None),  # blank: later stages treat it as active if billed
        # unreadable: still a registration (not rejected), with a warning; no status
        ({"kpj": KPJ, "status": "PENDING"}, False, [("status", "error")], None),  # kept: INVALID_ROW
        ({"kpj": KPJ, "total": "abc"}, True, [("total", "error")], None),
        # a negative premium (accounting brackets too) is a correction, kept; a negative wage is not
        ({"kpj": KPJ, "jkk": "(10.000)"}, False, [], None),
        ({"kpj": KPJ, "jkk": "-10.000", "jkm": "-6.800", "total": "-16.800"}, False, [], None),
        ({"kpj": KPJ, "jkk": "-10.000", "total": "16.800"}, True, [("jkk", "error")], None),
        (
            {"kpj": KPJ, "reported_wage": "-1.000.000", "total": "-16.800"},
            True,
            [("reported_wage", "error")],
            None,
        ),
        ({"kpj": KPJ, "join_date": "kemarin"}, False, [("join_date", "warning")], None),
        ({"kpj": "123", "nik": NIK}, False, [("kpj", "warning")], None),
        ({"kpj": "123"}, True, [("kpj", "warning"), ("identity", "error")], None),
        ({"name": "SITI", "birth_date": "12-Mei-85"}, False, [], None),
        ({"name": "SITI"}, True, [("identity", "error")], None),
    ],
)
def test_rejection_decisions(today, row, rejected, issues, status):
    result = prepare_bpjs(make_table("bpjs", [row]), today=today)
    assert bool(result.frame["rejected"].iloc[0]) is rejected
    assert _issues(result) == issues
    got = result.frame["status"].iloc[0]
    assert (None if pd.isna(got) else got) == status


def test_status_message_does_not_echo_the_cell(today):
    result = prepare_bpjs(make_table("bpjs", [{"kpj": KPJ, "status": "BUDI SANTOSO"}]), today=today)
    assert "BUDI" not in result.issues["message"].iloc[0]


def test_the_end_date_column_and_a_date_in_the_status_give_the_end_date(today):
    rows = [
        {"kpj": KPJ, "status": "AKTIF", "end_date": "31-03-2024"},
        {"kpj": KPJ, "status": "Aktif s/d 30-04-2024"},
        {"kpj": KPJ, "status": "Aktif s/d 30-04-2024", "end_date": "15-04-2024"},  # the column wins
        {"kpj": KPJ, "status": "Aktif per 01-06-2024"},  # a start date fills a blank join date
    ]
    frame = prepare_bpjs(make_table("bpjs", rows), today=today).frame
    assert frame["end_date"].dt.strftime("%Y-%m-%d").fillna("").tolist() == [
        "2024-03-31",
        "2024-04-30",
        "2024-04-15",
        "",
    ]
    assert frame["join_date"].iloc[3] == pd.Timestamp("2024-06-01")
    assert frame["status_text"].tolist()[:2] == ["AKTIF", "Aktif s/d 30-04-2024"]


def test_a_program_line_bills_its_program_and_a_late_fee_is_no_premium(today):
    # Long form: one IURAN amount (total) per participant and program, the program in a column.
    rows = [
        {"kpj": KPJ, "status": "AKTIF", "program": "JKK", "total": "10.000"},
        {"kpj": KPJ, "status": "AKTIF", "program": "Jaminan Kematian", "total": "6.800"},
        {"kpj": KPJ, "status": "AKTIF", "program": "DENDA", "total": "336"},
        {"kpj": KPJ, "status": "AKTIF", "program": "XYZ", "total": "500"},
    ]
    result = prepare_bpjs(make_table("bpjs", rows), today=today)
    frame = result.frame
    assert frame["program"].fillna("").tolist() == ["jkk", "jkm", "late_fee", ""]
    assert frame["jkk"].fillna(-1).tolist() == [10_000, -1, -1, -1]
    assert frame["jkm"].fillna(-1).tolist() == [-1, 6_800, -1, -1]
    assert frame["total"].fillna(-1).tolist() == [10_000, 6_800, -1, 500]  # the late fee bills nothing
    assert not frame["rejected"].any()
    assert _issues(result) == [("total", "warning"), ("program", "warning")]
    late, unknown = result.issues["message"].tolist()
    assert late.startswith("Baris DENDA (denda keterlambatan) Rp336 bukan iuran")
    assert unknown.startswith("Program tidak dikenal: 'XYZ'; diharapkan JKK, JKM, JHT, JP atau DENDA")


def test_a_sheet_named_after_a_program_gives_its_rows_that_program(today):
    rows = [{"kpj": KPJ, "status": "AKTIF", "total": "6.800", "source_sheet": "JKM"}]
    frame = prepare_bpjs(make_table("bpjs", rows), today=today).frame
    assert (frame["program"].iloc[0], frame["jkm"].iloc[0], frame["total"].iloc[0]) == ("jkm", 6_800, 6_800)
    assert pd.isna(frame["jkk"].iloc[0])
