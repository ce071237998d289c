"""Odd but legitimate CSV files are read correctly: BOM, cp1252, `;`, decimal commas, ragged rows,
duplicate headers, control characters; binary junk named .csv is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.errors import InputError
from reconcile.pipeline import prepare
from reconcile.readers import read_input


def _write(tmp_path: Path, lines: list[str], encoding: str = "utf-8", bom: bool = False) -> Path:
    path = tmp_path / "gaji.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + "\r\n".join(lines).encode(encoding) + b"\r\n")
    return path


def _typed(path: Path):
    table = read_input(path, f"in/{path.name}", "payroll")
    return table, prepare(table).prepared.frame


def test_bom_semicolons_cp1252_and_decimal_commas(tmp_path: Path) -> None:
    lines = [
        "DAFTAR UPAH PTHL;;;",
        "NO;NAMA;NIK;UPAH (Rp)",
        "1;JOSÉ SÆMUNDUR;1871011205850001;1.500.000,00",
        "2;SITI AMINAH;1871015205870002;Rp 1.250.000,50",
    ]
    for encoding, bom in (("utf-8", True), ("cp1252", False)):
        table, typed = _typed(_write(tmp_path, lines, encoding, bom))

        assert table.frame["name"].tolist()[0] == "JOSÉ SÆMUNDUR", encoding
        assert typed["monthly_wage"].tolist() == [1_500_000, 1_250_000.5], encoding
        assert table.frame["source_row"].tolist() == [3, 4]


def test_ragged_rows_keep_their_line_numbers(tmp_path: Path) -> None:
    lines = [
        "NO,NAMA,NIK,UPAH",
        "1,BUDI,1871011205850001",
        "2,SITI,1871015205870002,1500000,extra,cells",
        "3",
    ]

    table, typed = _typed(_write(tmp_path, lines))

    assert table.frame["source_row"].tolist()[:2] == [2, 3]
    assert typed["monthly_wage"].isna().tolist()[0]
    assert typed["monthly_wage"].tolist()[1] == 1_500_000


def test_duplicate_headers_use_the_first_column(tmp_path: Path) -> None:
    lines = ["NO,NAMA,NIK,NAMA,UPAH", "1,BUDI SANTOSO,1871011205850001,budi,1500000"]

    table, _ = _typed(_write(tmp_path, lines))

    assert table.frame["name"].tolist() == ["BUDI SANTOSO"]
    assert table.sheets[0].columns["name"] == "NAMA"


def test_control_characters_and_over_long_values(tmp_path: Path) -> None:
    lines = [
        "NO,NAMA,NIK,UPAH",
        "1,BUDI\x07 SANTOSO\x1b,1871011205850001,1500000",
        f"2,{'A' * 100_000},1871015205870002,1",
    ]

    table, typed = _typed(_write(tmp_path, lines))

    assert len(table.frame) == 2
    assert len(typed) == 2


@pytest.mark.parametrize("content", [b"\x00\x01\x02binary" * 100, b"PK\x03\x04" + bytes(300)])
def test_binary_content_named_csv_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "gaji.csv"
    path.write_bytes(content)

    with pytest.raises(InputError) as info:
        read_input(path, "in/gaji.csv", "payroll")

    assert str(info.value).startswith("in/gaji.csv")
