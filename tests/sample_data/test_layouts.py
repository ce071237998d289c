"""The files look like office spreadsheets: titles, varied headers, totals, signature blocks, CSV exports."""

from __future__ import annotations

from pathlib import Path

from tests.sample_data.sheet_reader import norm, read_sheets


def _texts(rows: list[list[object]]) -> list[str]:
    return [" ".join(str(c) for c in row if c not in (None, "")) for row in rows]


def test_payroll_sheets_have_title_total_and_signature(bundle: Path) -> None:
    files = sorted((bundle / "payroll").iterdir())
    assert len(files) >= 5
    for path in files:
        for sheet in read_sheets(path).values():
            above = " | ".join(_texts(sheet.rows[: sheet.header_row - 1]))
            below = _texts(sheet.rows[sheet.header_row :])
            assert "Februari 2018".upper() in above.upper()
            assert any(t.startswith(("JUMLAH", "TOTAL")) for t in below), path
            assert any(t.startswith("Mengetahui") for t in below)
            assert any("NIP. " in t for t in below)
            assert any("28 Februari 2018" in t for t in below)


def test_payroll_layouts_differ(bundle: Path) -> None:
    headers = set()
    for path in sorted((bundle / "payroll").iterdir()):
        for sheet in read_sheets(path).values():
            headers.add(tuple(norm(c) for c in sheet.rows[sheet.header_row - 1]))
    assert len(headers) >= 5


def test_numeric_and_text_niks_both_present(bundle: Path) -> None:
    kinds = set()
    for path in sorted((bundle / "payroll").iterdir()):
        for sheet in read_sheets(path).values():
            kinds |= {
                type(sheet.cell(r, "nik")).__name__ for r in range(sheet.header_row + 2, sheet.header_row + 8)
            }
    assert {"str", "float"} <= kinds


def test_bpjs_titles_and_total(bundle: Path) -> None:
    (path,) = sorted((bundle / "bpjs").iterdir())
    (sheet,) = read_sheets(path).values()
    above = " ".join(_texts(sheet.rows[: sheet.header_row - 1]))
    assert "PEMERINTAH PROVINSI LAMPUNG" in above and "NPP" in above and "FEBRUARI 2018" in above
    assert any(t.startswith("JUMLAH") for t in _texts(sheet.rows[sheet.header_row :]))


def test_alt_style_uses_other_headers_and_a_cp1252_csv(bundle: Path, alt_bundle: Path) -> None:
    csvs = sorted((alt_bundle / "payroll").glob("*.csv"))
    assert csvs
    raw = csvs[0].read_bytes()
    assert b";" in raw and "–".encode("cp1252") in raw
    lampung = {
        norm(c)
        for p in (bundle / "payroll").iterdir()
        for s in read_sheets(p).values()
        for c in s.rows[s.header_row - 1]
    }
    alt = {
        norm(c)
        for p in (alt_bundle / "payroll").iterdir()
        for s in read_sheets(p).values()
        for c in s.rows[s.header_row - 1]
    }
    assert len(alt - lampung) >= 5
