"""The payroll wage: basic wage + allowance without a total, and a worker whose wage cannot be read."""

import math

import pytest

from reconcile.normalize import prepare_payroll
from tests.normalize.conftest import make_table

NIK = "1871011205850001"


def _prepare(rows, today):
    return prepare_payroll(make_table("payroll", rows), today=today)


def test_basic_wage_plus_allowance_is_the_wage_with_a_warning(today):
    result = _prepare([{"nik": NIK, "monthly_wage": "2.000.000", "allowance": "500.000"}], today)

    assert result.frame["monthly_wage"].tolist() == [2_500_000.0]
    (issue,) = result.issues.itertuples()
    assert (issue.field, issue.severity) == ("monthly_wage", "warning")
    assert issue.message == "Tidak ada kolom jumlah gaji/upah; upah sebulan dihitung gaji pokok + tunjangan"


def test_a_blank_allowance_leaves_the_basic_wage_alone(today):
    result = _prepare([{"nik": NIK, "monthly_wage": 2_000_000, "allowance": None}], today)

    assert result.frame["monthly_wage"].tolist() == [2_000_000.0]
    assert result.issues.empty


def test_an_unreadable_allowance_makes_the_wage_unusable(today):
    result = _prepare([{"nik": NIK, "monthly_wage": 2_000_000, "allowance": "lihat lampiran"}], today)

    assert math.isnan(result.frame["monthly_wage"].iloc[0])
    assert not result.frame["rejected"].iloc[0]
    assert [(i.field, i.severity) for i in result.issues.itertuples()] == [("allowance", "error")]


@pytest.mark.parametrize(
    "wage", ["=C5*D5", "dua juta", -2_000_000, "#N/A"], ids=["formula", "words", "negative", "error"]
)
def test_a_worker_whose_wage_cannot_be_used_stays_on_the_payroll_without_a_wage(today, wage):
    result = _prepare([{"nik": NIK, "name": "SITI", "monthly_wage": wage, "daily_wage": 80_000}], today)

    row = result.frame.iloc[0]
    assert not row["rejected"] and row["nik_valid"]
    assert math.isnan(row["monthly_wage"]) and math.isnan(row["daily_wage"])  # no check may use it
    assert [(i.field, i.severity) for i in result.issues.itertuples()] == [("monthly_wage", "error")]


def test_unreadable_days_cost_the_wage_not_the_row(today):
    result = _prepare([{"nik": NIK, "daily_wage": "80.000", "days_worked": "banyak"}], today)

    row = result.frame.iloc[0]
    assert not row["rejected"]
    assert math.isnan(row["monthly_wage"]) and math.isnan(row["daily_wage"])


def test_a_formula_without_a_saved_value_is_named_and_its_numbers_masked(today):
    rows = [{"nik": NIK, "monthly_wage": "=C5*D5"}, {"nik": NIK, "monthly_wage": "=1900000+0*0"}]
    messages = _prepare(rows, today).issues["message"].tolist()

    assert messages == [
        "Upah tidak terbaca: rumus tanpa nilai tersimpan: =C5*D5; "
        "simpan ulang berkas di Excel agar nilainya terhitung",
        "Upah tidak terbaca: rumus tanpa nilai tersimpan: =\u2026+0*0; "
        "simpan ulang berkas di Excel agar nilainya terhitung",
    ]


def test_an_excel_error_cell_is_named(today):
    (message,) = _prepare([{"nik": NIK, "monthly_wage": "#REF!"}], today).issues["message"]

    assert message == "Upah tidak terbaca: sel berisi galat Excel #REF!; diharapkan angka seperti 2.000.000"
