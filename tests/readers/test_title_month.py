"""A title row that is only a month and year ("APRIL 2024", no BULAN / PERIODE) names the sheet's period,
as regional offices write it: last month's sheet is left out, and last month's file is for another month."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from reconcile.readers import read_input
from reconcile.readers.period_check import period_mismatches
from tests.readers.builders import write_xlsx

HEADER = ["No", "Nama PTHL", "No KTP", "Upah Harian", "Jumlah Hari Kerja"]
WORKERS = [("BUDI", "1871011205850001"), ("SITI", "1871015205870002"), ("DEWI", "1871014101920004")]


def _uptd_sheet(unit: str, month: str, *, month_cell_beside: bool = False) -> dict[str, Any]:
    """Title rows "DAFTAR UPAH PTHL ...", the unit, the month (alone, or in a cell beside other text)."""
    month_row = ["REKAPITULASI", None, month] if month_cell_beside else [month]
    rows: list[list[Any]] = [["DAFTAR UPAH PTHL DINAS PEKERJAAN UMUM DAN PENATAAN RUANG"], [unit], month_row]
    rows += [HEADER, *([i, name, nik, 85_000, 22] for i, (name, nik) in enumerate(WORKERS, 1))]
    return {"rows": rows}


def _read(path: Path):
    return read_input(path, f"in/{path.name}", "payroll", "2024-05")


def test_last_months_payroll_titled_only_april_2024_is_for_another_month(tmp_path: Path) -> None:
    """Tester case A: one sheet titled "... | UPTD WILAYAH I | APRIL 2024" in a May run."""
    path = write_xlsx(
        tmp_path / "A_only_april.xlsx", {"UPTD Wilayah I": _uptd_sheet("UPTD WILAYAH I", "APRIL 2024")}
    )

    table = _read(path)

    assert [(s.periods, s.period_source) for s in table.sheets] == [(("2024-04",), "title")]
    item = {"sheet": "UPTD Wilayah I", "periods": list(table.sheets[0].periods), "period_source": "title"}
    payroll = SimpleNamespace(path="in/A_only_april.xlsx", kind="payroll", sheets=(item,))
    (found,) = period_mismatches([payroll], "2024-05")
    assert found.found == "2024-04" and "its title rows say 2024-04" in found.message("2024-05")


def test_last_months_copy_titled_april_2024_beside_mei_2024_is_not_read(tmp_path: Path) -> None:
    """Tester case B: sheet 1 titled "MEI 2024", sheet 2 (last month's copy) "APRIL 2024"."""
    path = write_xlsx(
        tmp_path / "B_mei_and_april.xlsx",
        {
            "UPTD Wilayah I": _uptd_sheet("UPTD WILAYAH I", "MEI 2024"),
            "UPTD Wilayah I (2)": _uptd_sheet("UPTD WILAYAH I", "APRIL 2024"),
        },
    )

    table = _read(path)

    assert [s.name for s in table.sheets] == ["UPTD Wilayah I"]
    assert table.sheets[0].periods == ("2024-05",)
    assert [(s.name, s.reason, s.periods) for s in table.sheets_not_read] == [
        ("UPTD Wilayah I (2)", "other_month", ("2024-04",))
    ]
    assert table.rows_read == 3


def test_a_month_and_year_in_its_own_title_cell_names_the_period(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "upah.xlsx",
        {
            "Sheet1": _uptd_sheet("UPTD WILAYAH I", "April, 2024", month_cell_beside=True),
            "Sheet2": _uptd_sheet("UPTD WILAYAH II", "Mei, 2024", month_cell_beside=True),
        },
    )

    table = _read(path)

    assert [s.name for s in table.sheets] == ["Sheet2"]
    assert [(s.name, s.periods) for s in table.sheets_not_read] == [("Sheet1", ("2024-04",))]


def test_a_printing_date_in_the_title_names_no_period(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "upah.xlsx", {"Sheet1": _uptd_sheet("UPTD WILAYAH I", "Dicetak 03 April 2024 10:15")}
    )

    table = _read(path)

    assert [(s.name, s.periods) for s in table.sheets] == [("Sheet1", ())]
