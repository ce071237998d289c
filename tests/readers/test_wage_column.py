"""Which column is the monthly wage when several name it: a total before a plain wage before a basic one."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.errors import InputError
from reconcile.readers.aliases import alias_table
from reconcile.readers.header import find_header

PAYROLL = alias_table("payroll")


def _header(*cells: str) -> dict[str, str]:
    match = find_header([["DAFTAR GAJI"], list(cells)], PAYROLL)
    assert match is not None
    return {field: cells[c] for field, c in match.columns.items()}


@pytest.mark.parametrize(
    "total", ["JUMLAH GAJI", "Jumlah Upah", "Upah Sebulan", "Total Gaji/Upah", "Penghasilan Bruto"]
)
def test_a_total_column_is_the_wage_even_right_of_basic_and_allowance(total):
    columns = _header("NO", "NAMA", "NIK", "GAJI POKOK", "TUNJANGAN", total)

    assert columns["monthly_wage"] == total
    assert "allowance" not in columns  # already in the total


def test_basic_wage_with_allowance_and_no_total_keeps_both_to_be_added():
    columns = _header("NO", "NAMA", "NIK", "GAJI POKOK", "TUNJANGAN TETAP", "JUMLAH HARI")

    assert columns["monthly_wage"] == "GAJI POKOK"
    assert columns["allowance"] == "TUNJANGAN TETAP"
    assert columns["days_worked"] == "JUMLAH HARI"  # a "Jumlah" column that is not a wage


def test_a_plain_wage_column_wins_over_a_basic_one_and_drops_the_allowance():
    columns = _header("NAMA", "NIK", "UPAH POKOK", "TUNJANGAN", "UPAH")

    assert columns["monthly_wage"] == "UPAH"
    assert "allowance" not in columns


def test_jumlah_hari_is_never_the_wage():
    columns = _header("NAMA", "NIK", "UPAH HARIAN", "JUMLAH HARI", "JUMLAH HARI KERJA")

    assert "monthly_wage" not in columns
    assert columns["daily_wage"] == "UPAH HARIAN"
    assert columns["days_worked"] == "JUMLAH HARI"  # same priority: the leftmost


def test_two_row_header_prefers_the_total_under_a_merged_parent():
    rows = [
        ["NAMA", "NIK", "PENGHASILAN", None, None],
        [None, None, "GAJI POKOK", "TUNJANGAN", "JUMLAH GAJI"],
        ["SITI", "1871011205850001", 2_000_000, 500_000, 2_500_000],
    ]
    match = find_header(rows, PAYROLL)

    assert match is not None and match.height == 2
    assert match.columns["monthly_wage"] == 4


def test_a_bad_priority_cell_stops_with_the_line(tmp_path: Path):
    path = tmp_path / "aliases.csv"
    path.write_text(
        "kind,field,alias,priority\npayroll,name,Nama,\npayroll,nik,NIK,first\n", encoding="utf-8"
    )

    with pytest.raises(InputError, match=r"line 3: column priority: .*found 'first'"):
        alias_table("payroll", path)
