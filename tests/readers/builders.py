"""Build awkward input files the way provincial offices make them (openpyxl / raw bytes)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

#: One sheet: its rows (None = empty cell), where the first row goes, and ranges to merge.
SheetSpec = dict[str, Any]


def write_xlsx(path: Path, sheets: dict[str, SheetSpec]) -> Path:
    """Write a workbook: {sheet name: {"rows": [...], "at": "C8", "merge": ["D1:F1"], "state": "hidden"}}.

    "state" is Excel's sheet state: visible (default), hidden or veryHidden.
    """
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, spec in sheets.items():
        ws = book.create_sheet(name)
        col_letter, row0 = coordinate_from_string(spec.get("at", "A1"))
        col0 = column_index_from_string(col_letter)
        for r, row in enumerate(spec.get("rows", [])):
            for c, value in enumerate(row):
                if value is not None:
                    ws.cell(row=row0 + r, column=col0 + c, value=value)
        for area in spec.get("merge", []):
            ws.merge_cells(area)
        ws.sheet_state = spec.get("state", "visible")
    book.save(path)
    return path


def write_csv(path: Path, lines: Sequence[str], encoding: str = "utf-8", bom: bool = False) -> Path:
    data = "\r\n".join(lines).encode(encoding) + b"\r\n"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


TITLE = [
    ["PEMERINTAH PROVINSI LAMPUNG"],
    ["DINAS KESEHATAN PROVINSI LAMPUNG"],
    ["DAFTAR PEMBAYARAN UPAH PTHL BULAN FEBRUARI 2018"],
    [],
]
HEADER = ["NO", "NAMA", "NIK", "TEMPAT, TANGGAL LAHIR", "JABATAN", "UPAH (Rp)"]
COLUMN_NUMBERS = [1, 2, 3, 4, 5, 6]
WORKERS = [
    [1, "BUDI SANTOSO", "1871011205850001", "Bandar Lampung, 12-05-1985", "Pengemudi", 1500000],
    [2, "SITI AMINAH, S.Pd", 1871015205870002, "Metro, 12-05-1987", "Pembantu Bendahara", 1500000],
    [3, "RAHMAT HIDAYAT", None, "Pringsewu, 01-01-1990", "Tenaga Kebersihan", 1400000],
    [4, "Drs. H. MUH. YUSUF", "1871010101800003", "Bandar Lampung, 01-01-1980", "Kepala Regu", 1600000],
    [5, "DEWI LESTARI", "1871014101920004", "Kotabumi, 01-01-1992", "Staf Bendahara", 1500000],
]
TOTAL = [None, "JUMLAH", None, None, None, 7500000]
SIGNATURE = [
    [],
    [None, None, None, None, "Bandar Lampung, 28 Februari 2018"],
    [None, "Mengetahui", None, None, "Bendahara Pengeluaran"],
    [None, "Kepala Dinas Kesehatan"],
    [None, "Provinsi Lampung"],
    [],
    [None, "ttd", None, None, "ttd"],
    [None, "dr. REIHANA, M.Kes", None, None, "SUSANTI, S.E."],
    [None, "Pembina Utama Muda"],
    [None, "NIP. 19650403 199203 2 005", None, None, "NIP. 197505122002122003"],
]


def payroll_sheet() -> list[list[Any]]:
    """Title rows 1-3, blank 4, header 5, column numbers 6, workers 7-11, JUMLAH 12, signature below."""
    return [*TITLE, HEADER, COLUMN_NUMBERS, *WORKERS, TOTAL, *SIGNATURE]
