"""A deliberately small reader of the generated files, so tests check cells, not the generator's memory."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from python_calamine import CalamineWorkbook

HEADER_KEYS = {
    "nik": {
        "nik",
        "noktp",
        "nomorktp",
        "noktpnik",
        "nomorindukkependudukan",
        "noidentitas",
        "nomoridentitas",
    },
    "name": {"nama", "namalengkap", "namapegawai", "namapthl", "namatenagakerja", "namatk"},
    "birth_date": {"tanggallahir", "tgllahir"},
    "ttl": {"tempattgllahir", "tempat,tanggallahir", "ttl"},
    "monthly_wage": {"upah", "gaji", "upahsebulan", "jumlahupah", "honor", "gajipokok", "upahdilaporkan"},
    "daily_wage": {"upahharian"},
    "kpj": {"kpj", "nokpj", "nopeserta"},
    "status": {"status", "statuskepesertaan"},
    "jkk": {"iuranjkk"},
    "jkm": {"iuranjkm"},
    "total": {"totaliuran", "jumlahiuran"},
}


def norm(text: object) -> str:
    return re.sub(r"[\s._/]", "", str(text)).lower()


@dataclass
class Sheet:
    name: str
    rows: list[list[object]]  # rows[0] is Excel row 1
    columns: dict[str, int]  # field -> 0-based column
    header_row: int  # 1-based

    def cell(self, row: int, field: str) -> object:
        return self.rows[row - 1][self.columns[field]] if field in self.columns else None


def read_sheets(path: Path) -> dict[str, Sheet]:
    """Sheets of an xlsx or CSV file (CSV under sheet name "")."""
    if path.suffix == ".csv":
        raw = path.read_bytes()
        text = raw.decode("utf-8") if raw.count(b";") < raw.count(b",") else raw.decode("cp1252")
        delim = "," if text.count(",") > text.count(";") else ";"
        tables = {"": [list(r) for r in csv.reader(text.splitlines(), delimiter=delim)]}
    else:
        wb = CalamineWorkbook.from_path(str(path))
        tables = {n: wb.get_sheet_by_name(n).to_python(skip_empty_area=False) for n in wb.sheet_names}
    return {name: _locate(name, rows) for name, rows in tables.items()}


def _locate(name: str, rows: list[list[object]]) -> Sheet:
    for i, row in enumerate(rows[:30]):
        keys = [norm(c) for c in row]
        if any(k in HEADER_KEYS["name"] for k in keys) and any(k in HEADER_KEYS["nik"] for k in keys):
            columns: dict[str, int] = {}
            for sub in (rows[i + 1] if i + 1 < len(rows) else [], row):  # two-row headers: sub-row first
                for c, value in enumerate(sub):
                    for field, aliases in HEADER_KEYS.items():
                        if norm(value) in aliases and field not in columns:
                            columns[field] = c
            return Sheet(name, rows, columns, i + 1)
    raise AssertionError(f"no header in sheet {name!r}")


def digits(value: object) -> str:
    """A NIK cell as digit text ('' when blank); numeric cells come back without '.0'."""
    if isinstance(value, float):
        return str(int(value))
    return str(value or "").strip()
