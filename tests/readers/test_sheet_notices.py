"""The report's notices for sheets not read: file, sheets, the month each names, in the report language."""

from __future__ import annotations

from types import SimpleNamespace

from reconcile.readers.sheet_notices import empty_input_notices, sheet_notices


def test_one_notice_per_file_and_reason_naming_sheets_and_months() -> None:
    item = SimpleNamespace(
        path="pay/disdik_2024.xlsx",
        sheets=({"sheet": "MEI"},),
        sheets_not_read=(
            {"sheet": "MARET", "reason": "other_month", "periods": ["2024-03"]},
            {"sheet": "APRIL", "reason": "other_month", "periods": ["2024-04"]},
            {"sheet": "Lama", "reason": "hidden", "periods": []},
        ),
    )

    other, hidden = sheet_notices([item, SimpleNamespace(path="b.csv", sheets=())], "2024-05", "en")

    assert other == (
        "pay/disdik_2024.xlsx: sheet(s) 'MARET' (2024-03), 'APRIL' (2024-04) not read: they name another "
        "month than 2024-05; sheet(s) read: 'MEI'. Their rows are not part of this period's input."
    )
    assert hidden.startswith("pay/disdik_2024.xlsx: hidden sheet(s) 'Lama' not read.")
    (indonesian, _) = sheet_notices([item], "2024-05")
    assert "tidak dibaca" in indonesian


def test_a_sheet_with_an_incomplete_header_is_named_with_its_header_row_and_what_it_lacks() -> None:
    item = SimpleNamespace(
        path="bpjs/rincian.xlsm",
        sheets=({"sheet": "Data"},),
        sheets_not_read=(
            {"sheet": "Petunjuk", "reason": "incomplete_header", "header_rows": "3-4", "missing": "name"},
            {"sheet": "Kode", "reason": "incomplete_header", "header_rows": "1", "missing": "identity"},
        ),
    )

    (english,) = sheet_notices([item], "2024-05", "en")
    (indonesian,) = sheet_notices([item], "2024-05")

    assert english.startswith(
        "bpjs/rincian.xlsm: sheet(s) 'Petunjuk' (row 3-4: no name column), "
        "'Kode' (row 1: no NIK or KPJ column) not read: the header row lacks the name column"
    )
    assert "sheet(s) read: 'Data'" in english
    assert "'Petunjuk' (baris 3-4: tanpa kolom nama)" in indonesian and "tidak dibaca" in indonesian


def test_a_file_with_a_header_and_no_worker_row_is_said_naming_where_its_header_is() -> None:
    empty = SimpleNamespace(
        path="pay/kesbangpol.xlsx", sheets=({"sheet": "Juni", "header_row": 5, "data_rows": 0},)
    )
    empty_csv = SimpleNamespace(
        path="pay/dishub.csv", sheets=({"sheet": "", "header_row": 1, "data_rows": 0},)
    )
    full = SimpleNamespace(
        path="pay/inspektorat.xlsx",
        sheets=(
            {"sheet": "Juni", "header_row": 5, "data_rows": 0},
            {"sheet": "Juli", "header_row": 5, "data_rows": 1},
        ),
    )

    notices = empty_input_notices([empty, empty_csv, full], "en")

    assert notices == [
        "pay/kesbangpol.xlsx: no worker rows under the header (sheet 'Juni' row 5): the file holds an empty "
        "list. Check that the right file was sent.",
        "pay/dishub.csv: no worker rows under the header (line 1): the file holds an empty list. "
        "Check that the right file was sent.",
    ]
    (indonesian,) = empty_input_notices([empty])
    assert indonesian.startswith(
        "pay/kesbangpol.xlsx: tidak ada baris pekerja di bawah baris judul (sheet 'Juni' baris 5)"
    )
