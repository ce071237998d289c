"""side_check: a BPJS list given as payroll, or a payroll given as the BPJS list, is told from its header."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reconcile.errors import InputError
from reconcile.pipeline import prepare
from reconcile.readers import read_input
from reconcile.readers.side_check import misplaced, misplaced_as_errors
from tests.readers.builders import write_csv, write_xlsx

PERIOD = "2024-05"
NIK = "1810094104730049"
DETAIL_TITLE = [["BPJS KETENAGAKERJAAN KANTOR CABANG METRO"], ["RINCIAN IURAN MEI 2024"], []]
DETAIL_HEADER = [
    "NO",
    "NO PESERTA",
    "NO IDENTITAS",
    "NAMA TK",
    "TGL KEPESERTAAN",
    "STATUS",
    "IURAN JKK",
    "IURAN JKM",
]
DETAIL_ROW = [1, "24392655486", NIK, "NUR NUGROHO", "08-04-2022", "AKTIF", 10000, 6800]
PAYROLL_TITLE = [["DAFTAR PEMBAYARAN HONORARIUM THL BULAN MEI 2024"], []]
PAYROLL_HEADER = ["NO", "NAMA LENGKAP", "NIK", "JABATAN", "GAJI", "POTONGAN BPJS", "JUMLAH DITERIMA"]
PAYROLL_ROW = [1, "Nur Nugroho", NIK, "Pramu Kantor", 1500000, 16800, 1483200]


def _read(path: Path, kind: str) -> Any:
    """What the flow's read task gives: the prepared file, or the InputError that makes it unusable."""
    try:
        return prepare(read_input(path, path.name, kind, PERIOD))  # type: ignore[arg-type]
    except InputError as e:
        return e


def _sheet(tmp_path: Path, name: str, rows: list[list[Any]]) -> Path:
    return write_xlsx(tmp_path / name, {"Data": {"rows": rows}})


def test_a_contribution_detail_given_as_payroll_names_its_bpjs_columns_and_the_swap(tmp_path: Path) -> None:
    path = _sheet(tmp_path, "rincian.xlsx", [*DETAIL_TITLE, DETAIL_HEADER, DETAIL_ROW])

    found = misplaced(path, "rincian.xlsx", "payroll", _read(path, "payroll"))

    assert found is not None
    assert (found.sheet, found.row) == ("Data", 4)
    assert found.columns == ("TGL KEPESERTAAN", "STATUS", "IURAN JKK", "IURAN JKM")
    assert str(found.error("id")) == (
        "rincian.xlsx [sheet Data]: berkas ini tampaknya daftar BPJS (kolom TGL KEPESERTAAN; STATUS; "
        "IURAN JKK; IURAN JKM pada baris judul, baris 4), bukan daftar gaji: diharapkan kolom upah "
        "(misalnya Gaji, Upah, Upah Harian), tidak ditemukan. Apakah --payroll dan --participants "
        "tertukar? Berikan berkas ini dengan --participants."
    )
    assert "Were --payroll and --participants swapped?" in str(found.error("en"))


def test_a_payroll_given_as_the_bpjs_list_names_its_payroll_columns(tmp_path: Path) -> None:
    path = _sheet(tmp_path, "setda.xlsx", [*PAYROLL_TITLE, PAYROLL_HEADER, PAYROLL_ROW])

    found = misplaced(path, "setda.xlsx", "bpjs", _read(path, "bpjs"))

    assert found is not None
    assert found.columns == ("JABATAN", "GAJI")
    assert "bukan daftar BPJS" in str(found.error()) and "--payroll." in str(found.error())


def test_a_daily_wage_csv_given_as_bpjs_whose_name_column_bpjs_does_not_know_is_said_to_be_a_payroll(
    tmp_path: Path,
) -> None:
    path = write_csv(
        tmp_path / "rsud.csv",
        [
            "DAFTAR UPAH RSUD MEI 2024;;;;",
            "No;Nama Pegawai;No KTP;Upah Harian;Hari Kerja",
            f"1;Tuti Lestari;{NIK};75000;21",
        ],
    )
    read = _read(path, "bpjs")
    assert isinstance(read, InputError)  # the BPJS reader alone says only "missing the name column"

    [value] = misplaced_as_errors([(path, "rsud.csv", "bpjs")], [read])

    assert isinstance(value, InputError)
    assert "tampaknya daftar gaji (kolom Upah Harian; Hari Kerja pada baris judul, baris 2)" in str(value)


@pytest.mark.parametrize(
    ("kind", "header", "row", "columns"),
    [
        # a detail whose reported wage is headed "UPAH", a payroll wage header too
        (
            "payroll",
            ["NO", "KPJ", "NIK", "NAMA", "STATUS", "UPAH", "IURAN JKK", "IURAN JKM"],
            [1, "24392655486", NIK, "NUR", "AKTIF", 1_000_000, 10000, 6800],
            ("STATUS", "IURAN JKK", "IURAN JKM"),
        ),
        # a payroll with a "TOTAL" column (its total pay, a BPJS premium total by name)
        (
            "bpjs",
            ["NO", "NAMA", "NIK", "JABATAN", "HONOR", "TOTAL"],
            [1, "NUR", NIK, "Staf", 1_000_000, 1_000_000],
            ("JABATAN", "HONOR"),
        ),
    ],
)
def test_a_wage_or_total_both_sides_know_does_not_hide_a_misplaced_file(
    tmp_path: Path, kind: str, header: list[str], row: list[Any], columns: tuple[str, ...]
) -> None:
    path = _sheet(tmp_path, "input.xlsx", [header, row])

    found = misplaced(path, "input.xlsx", kind, _read(path, kind))

    assert found is not None and found.columns == columns


@pytest.mark.parametrize(
    ("kind", "header", "row"),
    [
        # a contribution detail has a reported wage ("Upah dilaporkan", "Upah") beside its premiums
        (
            "bpjs",
            ["NO", "KPJ", "NIK", "NAMA", "UPAH DILAPORKAN", "IURAN JKK"],
            [1, "24392655486", NIK, "NUR", 1e6, 1e4],
        ),
        # a participant list: no premium column, but a status and a join date
        (
            "bpjs",
            ["NO", "KPJ", "NIK", "NAMA", "TGL KEPESERTAAN", "STATUS"],
            [1, "24392655486", NIK, "NUR", "", "AKTIF"],
        ),
        # a bare participant list: "Upah" is also the wage BPJS reports, not enough to call it a payroll
        ("bpjs", ["NO", "KPJ", "NIK", "NAMA", "UPAH"], [1, "24392655486", NIK, "NUR", 1_000_000]),
        # a payroll with a BPJS deduction and a KPJ column
        (
            "payroll",
            ["NO", "NAMA", "NIK", "KPJ", "UPAH", "POTONGAN BPJS", "TOTAL"],
            [1, "NUR", NIK, "", 1e6, 16800, 1e6],
        ),
        # a payroll that shows the employer's premiums beside the wage, with no registration column
        ("payroll", ["NO", "NAMA", "NIK", "UPAH", "JKK", "JKM"], [1, "NUR", NIK, 1_000_000, 2400, 3000]),
        # a participant list with a status, a reported wage and a work unit
        (
            "bpjs",
            ["NO", "KPJ", "NIK", "NAMA", "UNIT KERJA", "UPAH", "STATUS"],
            [1, "24392655486", NIK, "NUR", "SETDA", 1_000_000, "AKTIF"],
        ),
        # a payroll whose wage column is unknown: a lone "Status" is an employment status too
        ("payroll", ["NO", "NAMA", "NIK", "STATUS", "HONOR KEGIATAN"], [1, "NUR", NIK, "PTHL", 1_000_000]),
    ],
)
def test_files_of_their_own_side_are_not_called_misplaced(
    tmp_path: Path, kind: str, header: list[str], row: list[Any]
) -> None:
    path = _sheet(tmp_path, "input.xlsx", [header, row])

    assert misplaced(path, "input.xlsx", kind, _read(path, kind)) is None


def test_a_file_that_cannot_be_read_keeps_its_own_error(tmp_path: Path) -> None:
    gone = InputError("file not found", path="gone.xlsx")

    assert misplaced_as_errors([(tmp_path / "gone.xlsx", "gone.xlsx", "payroll")], [gone]) == [gone]
