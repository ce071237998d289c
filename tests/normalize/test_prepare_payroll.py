"""prepare_payroll: exact columns and dtypes, wage derivation, and which rows are rejected."""

import math

import pandas as pd
import pytest

from reconcile.model import ISSUE_COLUMNS, PAYROLL_COLUMNS
from reconcile.normalize import prepare_payroll
from reconcile.normalize.payroll import unit_of_rows
from tests.normalize.conftest import make_table

NIK = "1871011205850001"  # born 12-05-85, man
NIK_WOMAN = "1871015205850002"  # born 12-05-85, woman (day + 40)

EXPECTED_DTYPES = {
    "source_row": "int64",
    "nik": "string",
    "nik_raw": "string",
    "nik_numeric": "bool",
    "kpj": "string",
    "name": "string",
    "birth_date": "datetime64[ns]",
    "birth_place": "string",
    "unit": "string",
    "position": "string",
    "monthly_wage": "float64",
    "daily_wage": "float64",
    "days_worked": "float64",
    "nik_valid": "bool",
    "kpj_valid": "bool",
    "rejected": "bool",
}


def _issues(result) -> list[tuple[int, str, str]]:
    return list(
        zip(result.issues["source_row"], result.issues["field"], result.issues["severity"], strict=True)
    )


def test_columns_dtypes_and_index(today):
    table = make_table(
        "payroll",
        [
            {
                "nik": NIK,
                "name": " SITI  AMINAH ",
                "birth_date": "12-05-1985",
                "monthly_wage": "Rp 2.000.000",
            },
            {"nik": None, "name": None},
        ],
        index=[7, 3],
    )
    result = prepare_payroll(table, today=today)
    assert list(result.frame.columns) == PAYROLL_COLUMNS
    assert list(result.frame.index) == [7, 3]
    assert {c: str(result.frame[c].dtype) for c in EXPECTED_DTYPES} == EXPECTED_DTYPES
    assert list(result.issues.columns) == ISSUE_COLUMNS
    first = result.frame.loc[7]
    assert (first["nik"], first["name"], first["monthly_wage"]) == (NIK, "SITI AMINAH", 2_000_000.0)
    assert first["unit"] == "Dinas Hint" and pd.isna(first["kpj"]) and pd.isna(result.frame.loc[3, "name"])


@pytest.mark.parametrize(
    ("row", "rejected", "issues"),
    [
        # a clean row
        ({"nik": NIK, "name": "A", "monthly_wage": 2_000_000}, False, []),
        # invalid NIK, but name + birth date still say who it is -> warning only
        (
            {"nik": "187101", "name": "A", "birth_date": "12-05-1985", "monthly_wage": 1},
            False,
            [("nik", "warning")],
        ),
        # invalid NIK and nothing else -> no usable identity
        (
            {"nik": "187101", "name": "A", "monthly_wage": 1},
            True,
            [("nik", "warning"), ("identity", "error")],
        ),
        # a valid KPJ alone is enough
        ({"kpj": "12345678901", "monthly_wage": 1}, False, []),
        ({"kpj": "1234", "name": "A", "monthly_wage": 1}, True, [("kpj", "warning"), ("identity", "error")]),
        # scientific notation: digits lost
        (
            {"nik": "1.87101E+15", "name": "A", "birth_date": "12-05-1985", "monthly_wage": 1},
            False,
            [("nik", "warning")],
        ),
        # NIK and birth date disagree: still valid, warned
        ({"nik": NIK, "birth_date": "13-05-1985", "monthly_wage": 1}, False, [("nik", "warning")]),
        ({"nik": NIK_WOMAN, "birth_date": "12-05-1985", "monthly_wage": 1}, False, []),
        # wages: an unusable wage is an error, but the worker stays on the payroll
        ({"nik": NIK, "monthly_wage": "dua juta"}, False, [("monthly_wage", "error")]),
        ({"nik": NIK, "monthly_wage": "(2.000.000)"}, False, [("monthly_wage", "error")]),
        ({"nik": NIK, "monthly_wage": "-"}, False, [("monthly_wage", "warning")]),
        ({"nik": NIK, "daily_wage": "80.000"}, False, [("days_worked", "warning")]),
        ({"nik": NIK, "daily_wage": "80.000", "days_worked": "banyak"}, False, [("days_worked", "error")]),
        # no identity and an unreadable wage: rejected for the identity
        (
            {"name": "SITI", "monthly_wage": "dua juta"},
            True,
            [("monthly_wage", "error"), ("identity", "error")],
        ),
        ({"nik": NIK, "monthly_wage": 1, "days_worked": "banyak"}, False, [("days_worked", "warning")]),
        # dates
        ({"nik": NIK, "birth_date": "31-02-1985", "monthly_wage": 1}, False, [("birth_date", "warning")]),
        (
            {"nik": NIK, "birth_place_date": "Metro, 31-02-1985", "monthly_wage": 1},
            False,
            [("birth_place_date", "warning")],
        ),
    ],
)
def test_rejection_decisions(today, row, rejected, issues):
    result = prepare_payroll(make_table("payroll", [row]), today=today)
    assert bool(result.frame["rejected"].iloc[0]) is rejected
    assert _issues(result) == [(10, field, severity) for field, severity in issues]


def test_validity_flags(today):
    rows = [
        {"nik": NIK, "kpj": "12345678901"},
        {"nik": "9971011205850001", "kpj": 1234567890},  # unknown province; KPJ padded from a number
        {"nik": None, "kpj": None, "name": "A", "birth_date": "12-05-1985"},
    ]
    frame = prepare_payroll(make_table("payroll", rows), today=today).frame
    assert frame["nik_valid"].tolist() == [True, False, False]
    assert frame["kpj_valid"].tolist() == [True, True, False]
    assert frame["kpj"].tolist()[1] == "01234567890"


def test_monthly_wage_derivation(today):
    rows = [
        {"nik": NIK, "monthly_wage": "2.000.000", "daily_wage": "80.000", "days_worked": 22},  # monthly wins
        {"nik": NIK, "daily_wage": "80.000", "days_worked": "22"},
        {"nik": NIK, "daily_wage": 80000.0, "days_worked": "22 hari"},
        {"nik": NIK, "daily_wage": "80.000"},  # days blank -> x 25
        {"nik": NIK},
    ]
    frame = prepare_payroll(make_table("payroll", rows), today=today).frame
    wages = frame["monthly_wage"].tolist()
    assert wages[:4] == [2_000_000.0, 1_760_000.0, 1_760_000.0, 2_000_000.0]
    assert math.isnan(wages[4])
    assert math.isnan(frame["days_worked"].iloc[3])  # the file said nothing; 25 is only assumed


def test_nik_from_number_cell_is_exact_and_flagged(today):
    frame = prepare_payroll(
        make_table("payroll", [{"nik": 1871011205850000}, {"nik": NIK}]), today=today
    ).frame
    assert frame["nik"].tolist() == ["1871011205850000", NIK]
    assert frame["nik_numeric"].tolist() == [True, False]


def test_birth_place_date_split_and_birth_date_column_wins(today):
    rows = [
        {"nik": NIK, "birth_place_date": "Bandar Lampung, 12-05-1985"},
        {"nik": NIK, "birth_place_date": "Metro, 1 Januari 1990", "birth_date": "12-05-1985"},
        {"nik": NIK, "birth_place_date": "Metro, 3 Agustus 1990", "birth_date": None},
    ]
    frame = prepare_payroll(make_table("payroll", rows), today=today).frame
    assert frame["birth_place"].tolist() == ["Bandar Lampung", "Metro", "Metro"]
    assert frame["birth_date"].dt.strftime("%Y-%m-%d").tolist() == ["1985-05-12", "1985-05-12", "1990-08-03"]


def test_unit_column_else_hint(today):
    units = ["Dinas Hint", "  ", "Bidang Umum"]
    rows = [{"nik": NIK, "unit": unit} for unit in units]
    frame = prepare_payroll(make_table("payroll", rows), today=today).frame
    assert frame["unit"].tolist() == ["Dinas Hint", "Dinas Hint", "Dinas Hint / Bidang Umum"]


def test_a_unit_column_naming_a_part_of_the_opd_in_the_title_is_qualified_by_it():
    written = ["Bidang Program", "Sekretariat", "Dinas Pekerjaan Umum", None, "UPTD Alat Berat"]
    unit = pd.Series(written, dtype="string")
    hint = pd.Series(["DINAS PEKERJAAN UMUM"] * 4 + ["dinas_pu_feb"], dtype="string")
    files = pd.Series(["in/2024-05/dinas_pu_feb.xlsx"] * 5)
    assert unit_of_rows(unit, hint, files).tolist() == [
        "DINAS PEKERJAAN UMUM / Bidang Program",
        "DINAS PEKERJAAN UMUM / Sekretariat",
        "Dinas Pekerjaan Umum",  # the OPD itself
        "DINAS PEKERJAAN UMUM",  # no unit: the title's
        "UPTD Alat Berat",  # the hint is only the file's name: the column alone
    ]


def test_issue_rows_point_at_the_source_row(today):
    table = make_table(
        "payroll",
        [{"nik": NIK, "monthly_wage": 1}, {"nik": "187101", "name": "A", "monthly_wage": 1}],
        index=[50, 20],
    )
    issues = prepare_payroll(table, today=today).issues
    assert set(zip(issues["source_file"], issues["source_sheet"], issues["source_row"], strict=True)) == {
        ("payroll.xlsx", "Sheet1", 11)
    }


def test_messages_never_carry_a_full_nik_a_name_or_a_wage(today):
    rows = [
        {"nik": "187101120585000", "name": "BUDI SANTOSO", "monthly_wage": "-2.345.678"},
        {
            "nik": "1871011305850001",
            "name": "BUDI SANTOSO",
            "birth_date": "12-05-1985",
            "daily_wage": "98.765",
        },
        {"nik": "18710113O5850001", "name": "BUDI SANTOSO", "monthly_wage": "Rp 9.876.543 bulan"},
    ]
    messages = " ".join(prepare_payroll(make_table("payroll", rows), today=today).issues["message"])
    assert messages  # the rows above do produce messages
    for secret in (
        "187101120585000",
        "1871011305850001",
        "18710113O5850001",
        "BUDI",
        "2.345.678",
        "98.765",
        "9.876.543",
        "2345678",
        "98765",
    ):
        assert secret not in messages


def test_empty_table(today):
    table = make_table("payroll", [{"nik": NIK}])
    empty = type(table)(path=table.path, kind="payroll", sha256="", sheets=(), frame=table.frame.iloc[:0])
    result = prepare_payroll(empty, today=today)
    assert list(result.frame.columns) == PAYROLL_COLUMNS and len(result.frame) == 0
    assert len(result.issues) == 0


def test_a_worker_paid_after_the_leaving_date_gets_a_warning(today):
    from reconcile.normalize.payroll import left_before_period

    rows = [
        {"nik": NIK, "name": "A", "monthly_wage": "1000000", "leave_date": "30-04-2024"},
        {"nik": NIK, "name": "B", "monthly_wage": "1000000", "leave_date": "31-05-2024"},  # within: fine
        {"nik": NIK, "name": "C", "monthly_wage": "1000000"},
    ]
    frame = prepare_payroll(make_table("payroll", rows), today=today).frame
    warned = left_before_period(frame, "2024-05")
    assert list(warned.columns) == ISSUE_COLUMNS
    assert warned["severity"].tolist() == ["warning"]
    assert "30-04-2024" in warned["message"].iloc[0] and "2024-05" in warned["message"].iloc[0]
