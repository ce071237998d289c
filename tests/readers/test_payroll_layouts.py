"""Payroll workbooks as offices make them: titles, column numbers, totals, signatures, offsets."""

from __future__ import annotations

import datetime as dt

from reconcile.model import SOURCE_COLUMNS
from tests.readers.builders import HEADER, SIGNATURE, TITLE, WORKERS, payroll_sheet, write_xlsx


def test_keeps_exactly_the_worker_rows_with_their_excel_row_numbers(tmp_path, read):
    path = write_xlsx(tmp_path / "dinkes.xlsx", {"Feb 2018": {"rows": payroll_sheet()}})

    table = read(path)

    assert table.frame["source_row"].tolist() == [7, 8, 9, 10, 11]
    assert table.frame["name"].tolist() == [w[1] for w in WORKERS]
    assert table.rows_read == 5
    (sheet,) = table.sheets
    assert (sheet.name, sheet.header_row, sheet.data_rows) == ("Feb 2018", 5, 5)
    # column numbers, JUMLAH, blank row and every signature line
    assert sheet.skipped_rows == 1 + 1 + len(SIGNATURE)


def test_frame_columns_source_refs_and_unit_hint(tmp_path, read):
    path = write_xlsx(tmp_path / "dinkes.xlsx", {"S": {"rows": payroll_sheet()}})

    table = read(path)

    assert list(table.frame.columns) == [
        *SOURCE_COLUMNS,
        "unit_hint",
        "row_no",
        "nik",
        "name",
        "birth_place_date",
        "position",
        "monthly_wage",
    ]
    assert set(table.frame["source_file"]) == {"in/dinkes.xlsx"}
    assert set(table.frame["source_sheet"]) == {"S"}
    assert set(table.frame["unit_hint"]) == {"DINAS KESEHATAN PROVINSI LAMPUNG"}
    assert table.sheets[0].title_text == " | ".join(r[0] for r in TITLE if r)
    assert table.sheets[0].columns["birth_place_date"] == "TEMPAT, TANGGAL LAHIR"
    assert table.frame["birth_place_date"][0] == "Bandar Lampung, 12-05-1985"
    assert len(table.sha256) == 64


def test_row_with_name_and_no_nik_is_kept_and_job_titles_are_not_signatures(tmp_path, read):
    path = write_xlsx(tmp_path / "p.xlsx", {"S": {"rows": payroll_sheet()}})

    frame = read(path).frame

    assert frame.loc[frame["name"] == "RAHMAT HIDAYAT", "nik"].tolist() == [None]
    assert "Pembantu Bendahara" in frame["position"].tolist()


def test_numeric_nik_cell_keeps_its_sixteen_digits(tmp_path, read):
    path = write_xlsx(tmp_path / "p.xlsx", {"S": {"rows": payroll_sheet()}})

    nik = read(path).frame["nik"][1]

    assert not isinstance(nik, str)  # raw number, not "1.871015205870002e+15"
    assert int(nik) == 1871015205870002


def test_data_starting_at_c8_keeps_excel_row_numbers(tmp_path, read):
    rows = [
        ["DAFTAR PEMBAYARAN UPAH PTHL"],
        ["Unit Kerja", ": Biro Umum"],
        [],
        ["NO", "NAMA PTHL", "NO. KTP", "Tgl. Lahir", "Upah Harian", "Jml Hari"],
        [1, "ANDI", "1871010101900001", dt.datetime(1990, 1, 1), 60000, 25],
        [2, "BUDI", "1871010101900002", dt.datetime(1991, 2, 3), 60000, 20],
    ]
    path = write_xlsx(tmp_path / "biro.xlsx", {"S": {"rows": rows, "at": "C5"}})

    table = read(path)

    assert table.sheets[0].header_row == 8
    assert table.frame["source_row"].tolist() == [9, 10]
    assert table.frame["name"].tolist() == ["ANDI", "BUDI"]
    assert table.frame["birth_date"][1] in (dt.date(1991, 2, 3), dt.datetime(1991, 2, 3))
    assert table.frame["days_worked"].tolist() == [25, 20]
    assert set(table.frame["unit_hint"]) == {"Biro Umum"}


def test_two_row_header_birth_place_over_place_and_date(tmp_path, read):
    rows = [
        ["NO", "NAMA", "NIK", "TEMPAT/TGL LAHIR", None, "UPAH"],
        [None, None, None, "TEMPAT", "TGL LAHIR", None],
        ["1", "ANDI", "1871010101900001", "Metro", "01-01-1990", 1500000],
    ]
    merge = ["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:F2"]
    path = write_xlsx(tmp_path / "ttl.xlsx", {"S": {"rows": rows, "merge": merge}})

    table = read(path)

    assert "birth_place_date" not in table.frame.columns
    assert table.frame["birth_date"].tolist() == ["01-01-1990"]
    assert table.frame["monthly_wage"].tolist() == [1500000]
    assert table.frame["source_row"].tolist() == [3]
    assert table.sheets[0].header_row == 1


def test_later_row_that_looks_like_a_worker_is_never_dropped(tmp_path, read):
    late = [None, "YANTI", "1871014101950009", None, None, 1500000]
    rows = [HEADER, *WORKERS[:2], [None, "JUMLAH", None, None, None, 3000000], [], late, *SIGNATURE]
    path = write_xlsx(tmp_path / "p.xlsx", {"S": {"rows": rows}})

    frame = read(path).frame

    assert frame["source_row"].tolist() == [2, 3, 6]
    assert frame["name"].tolist()[-1] == "YANTI"


def test_merged_unit_cell_is_filled_down(tmp_path, read):
    rows = [
        ["NO", "NAMA", "NIK", "UNIT KERJA"],
        [1, "A", "1871010101900001", "Bidang Umum"],
        [2, "B", "1871010101900002", None],
        [3, "C", "1871010101900003", "Bidang P2P"],
        [4, "D", "1871010101900004", None],
    ]
    path = write_xlsx(tmp_path / "p.xlsx", {"S": {"rows": rows, "merge": ["D2:D3"]}})

    assert read(path).frame["unit"].tolist() == ["Bidang Umum", "Bidang Umum", "Bidang P2P", None]


def test_a_page_break_inside_a_merged_unit_cell_stays_structural(tmp_path, read):
    """Printed for signature: the header and its column-number row repeat inside the unit's merge."""
    rows = [
        ["NO", "NAMA", "NIK", "UNIT KERJA", "UPAH"],
        [1, 2, 3, 4, 5],
        [1, "A", "1871010101900001", "Sub Bagian Umum", 1000],
        [2, "B", "1871010101900002", None, 1000],
        ["NO", "NAMA", "NIK", None, "UPAH"],
        [1, 2, 3, None, 5],
        [3, "C", "1871010101900003", None, 1000],
    ]
    path = write_xlsx(tmp_path / "p.xlsx", {"S": {"rows": rows, "merge": ["D3:D7"]}})

    frame = read(path).frame

    assert frame["source_row"].tolist() == [3, 4, 7]
    assert frame["unit"].tolist() == ["Sub Bagian Umum"] * 3


def test_merged_unit_cells_below_the_data_are_ignored(tmp_path, read):
    rows = [["NO", "NAMA", "NIK", "UNIT KERJA"], [1, "A", "1871010101900001", "Bidang Umum"], [2, "B", None]]
    path = write_xlsx(tmp_path / "p.xlsx", {"S": {"rows": rows, "merge": ["D2:D3", "D10:D12"]}})

    assert read(path).frame["unit"].tolist() == ["Bidang Umum", "Bidang Umum"]


def test_repeated_header_and_unlabelled_total_are_structural(tmp_path, read):
    rows = [
        ["NO", "NAMA", "NIK", "UPAH"],
        [1, "A", "1871010101900001", 1000],
        ["NO", "NAMA", "NIK", "UPAH"],  # printed page break
        ["(1)", "(2)", "(3)", "(4)"],
        [2, "B", "1871010101900002", 1000],
        [None, None, None, 2000],  # sum with no label
    ]
    path = write_xlsx(tmp_path / "p.xlsx", {"S": {"rows": rows}})

    table = read(path)

    assert table.frame["source_row"].tolist() == [2, 5]
    assert table.sheets[0].skipped_rows == 3


def test_unit_hint_falls_back_to_the_file_stem(tmp_path, read):
    path = write_xlsx(tmp_path / "rsud abdul moeloek.xlsx", {"S": {"rows": [HEADER, WORKERS[0]]}})

    assert read(path).frame["unit_hint"].tolist() == ["rsud abdul moeloek"]
