"""Worker rows that Excel hides (by hand, or filtered out by an AutoFilter) are read, and said.

Offices hide the rows of workers who left instead of deleting them, or send a filtered view: the
rows are read like the others (nothing is lost), but each sheet holding some is counted and named.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from types import SimpleNamespace

import openpyxl

from reconcile.pipeline import prepare
from reconcile.readers import read_input
from reconcile.readers.error_cells import scan_sheet
from reconcile.readers.sheet_notices import hidden_row_notices
from tests.readers.builders import payroll_sheet


def _payroll(path: Path, hidden: list[int], autofilter: bool = False) -> Path:
    """The builders' payroll (header row 5, workers 7-11, JUMLAH 12, signature 14-23), rows hidden."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Mei"
    for r, row in enumerate(payroll_sheet(), start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(row=r, column=c, value=value)
    for r in hidden:
        ws.row_dimensions[r].hidden = True
    ws.column_dimensions["D"].hidden = True  # a hidden column needs nothing
    if autofilter:
        ws.auto_filter.ref = "A5:F11"
        ws.auto_filter.add_filter_column(4, ["Pengemudi"])
    book.save(path)
    return path


def test_hidden_data_rows_are_read_and_counted_but_hidden_title_total_and_signature_rows_are_not(
    tmp_path: Path,
) -> None:
    path = _payroll(tmp_path / "disdik.xlsx", hidden=[1, 8, 10, 12, 20])

    table = read_input(path, "in/disdik.xlsx", "payroll")

    assert table.rows_read == 5  # the hidden workers are still read
    (sheet,) = table.sheets
    assert (sheet.hidden_data_rows, sheet.hidden_rows) == (2, (8, 10))


def test_rows_an_autofilter_hides_are_counted_too(tmp_path: Path) -> None:
    path = _payroll(tmp_path / "disdik.xlsx", hidden=[8, 9, 10, 11], autofilter=True)

    (sheet,) = read_input(path, "in/disdik.xlsx", "payroll").sheets

    assert (sheet.hidden_data_rows, sheet.hidden_rows) == (4, (8, 9, 10, 11))


def test_a_sheet_without_hidden_rows_has_none(tmp_path: Path) -> None:
    (sheet,) = read_input(_payroll(tmp_path / "p.xlsx", hidden=[]), "p.xlsx", "payroll").sheets

    assert (sheet.hidden_data_rows, sheet.hidden_rows) == (0, ())


def test_many_hidden_rows_are_all_counted_and_the_first_hundred_listed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["NO", "NAMA", "NIK", "UPAH"])
    for i in range(300):
        ws.append([i + 1, f"PEKERJA {i}", f"18710112058{i:05d}", 1500000])
        if i % 2:
            ws.row_dimensions[i + 2].hidden = True
    book.save(tmp_path / "besar.xlsx")

    (sheet,) = read_input(tmp_path / "besar.xlsx", "besar.xlsx", "payroll").sheets

    assert sheet.hidden_data_rows == 150
    assert sheet.hidden_rows == tuple(range(3, 203, 2))


def test_the_manifest_sheet_entry_says_how_many_rows_are_hidden_and_which(tmp_path: Path) -> None:
    path = _payroll(tmp_path / "disdik.xlsx", hidden=[8, 10])

    (sheet,) = prepare(read_input(path, "in/disdik.xlsx", "payroll")).sheets

    assert sheet["hidden_rows"] == {"count": 2, "rows": [8, 10]}


def test_every_way_the_xml_writes_a_hidden_row_is_found(tmp_path: Path) -> None:
    sheet = (
        b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<x:cols><x:col min="2" max="2" hidden="1"/></x:cols><x:sheetData>'
        b'<x:row r="2" hidden="0"><x:c r="A2"><x:v>1</x:v></x:c></x:row>'
        b"<x:row hidden='true' r='3'><x:c r=\"A3\"><x:v>2</x:v></x:c></x:row>"
        b'<x:row r="4" spans="1:6" hidden="1" ht="15" customHeight="1"><x:c r="A4"><x:v>3</x:v></x:c></x:row>'
        b'<x:row r="5" hidden="1"/>'
        b'<x:row r="6" customFormat="1"><x:c r="A6" t="inlineStr"><x:is><x:t>hidden</x:t></x:is></x:c>'
        b"</x:row>"
        b"</x:sheetData></x:worksheet>"
    )
    with zipfile.ZipFile(tmp_path / "b.xlsx", "w") as z:
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    with zipfile.ZipFile(tmp_path / "b.xlsx") as z:
        marks, hidden = scan_sheet(z, "xl/worksheets/sheet1.xml")

    assert (marks, hidden) == ([], [2, 3, 4])


def test_the_notice_names_file_sheet_count_and_first_rows_in_the_report_language() -> None:
    few = SimpleNamespace(
        path="pay/disdik.xlsx", sheets=({"sheet": "Mei", "hidden_rows": {"count": 3, "rows": [12, 15, 18]}},)
    )
    many = SimpleNamespace(
        path="pay/dinsos.xlsx",
        sheets=(
            {"sheet": "Sheet1", "hidden_rows": {"count": 0, "rows": []}},
            {"sheet": "Juni", "hidden_rows": {"count": 40, "rows": list(range(8, 48))}},
        ),
    )
    csv = SimpleNamespace(path="pay/dishub.csv", sheets=({"sheet": "", "data_rows": 4},))

    indonesian = hidden_row_notices([few, many, csv])
    (english, _) = hidden_row_notices([few, many], "en")

    assert indonesian == [
        "pay/disdik.xlsx, sheet 'Mei': 3 baris pekerja tersembunyi di Excel (disembunyikan atau tersaring) "
        "ikut dibaca: baris 12, 15, 18. Periksa apakah pekerja itu memang termasuk periode ini.",
        "pay/dinsos.xlsx, sheet 'Juni': 40 baris pekerja tersembunyi di Excel (disembunyikan atau tersaring) "
        "ikut dibaca: baris 8, 9, 10, 11, 12, 13, 14, 15, 16, 17 … "
        "Periksa apakah pekerja itu memang termasuk periode ini.",
    ]
    assert english.startswith(
        "pay/disdik.xlsx, sheet 'Mei': 3 worker row(s) hidden in Excel (hidden or filtered out) "
        "were read too: row(s) 12, 15, 18."
    )
