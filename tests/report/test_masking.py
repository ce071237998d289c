"""--mask-nik: only the last 4 digits of a NIK appear anywhere, in the workbook and both CSVs, and every
finding_id is replaced by its masked id (a keyed hash: the real id is a plain hash of the NIK)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import openpyxl
import pandas as pd

from reconcile.ledger.mask_key import masked_finding_id
from reconcile.report.masking import mask_frame, mask_nik, mask_numbers_in_text
from tests.report.fixtures import EXPLAINED_NOTE, make_result, nik
from tests.report.xlsx_xml import xml_parts

# 16 digits in a row, not the fraction of a number: openpyxl writes 0.7767 as 0.7766999999999999.
LONG_DIGITS = re.compile(r"(?<![\d.])\d{16}")
KEY = bytes(range(32))  # a ledger's mask key


def test_mask_nik_keeps_last_four():
    assert mask_nik("1801010101900001") == "************0001"
    assert mask_nik("123") == "123"


def test_mask_numbers_in_text_leaves_kpj_and_amounts():
    text = "NIK 1871011205850001 / 1871 0112 0585 0002, KPJ 18000000001, upah 2.000.000"
    assert mask_numbers_in_text(text) == (
        "NIK ************0001 / **** **** **** 0002, KPJ 18000000001, upah 2.000.000"
    )


def test_mask_frame_handles_numbers_and_missing():
    frame = pd.DataFrame({"nik": [1871011205850001, None], "detail": [f"x {nik(7)}", None]})
    out = mask_frame(frame)
    assert out["nik"].tolist()[0] == "************0001"
    assert out["detail"].tolist()[0] == "x ************0007"


def test_unmasked_outputs_do_hold_full_niks(write):
    """The check below must be able to fail: without masking the NIKs are there."""
    paths = write()
    assert LONG_DIGITS.search(paths.exceptions_csv.read_text(encoding="utf-8"))
    assert any(LONG_DIGITS.search(xml) for xml in xml_parts(paths.xlsx).values())


def test_masked_outputs_hold_no_full_nik(write):
    paths = write(mask_nik=True)
    for name, xml in xml_parts(paths.xlsx).items():
        assert not LONG_DIGITS.search(xml), name
    for path in (paths.exceptions_csv, paths.matches_csv):
        text = path.read_text(encoding="utf-8")
        assert not LONG_DIGITS.search(text), path.name
    with paths.exceptions_csv.open(encoding="utf-8", newline="") as handle:
        first = next(csv.DictReader(handle))
    assert first["nik"] == "************0001"
    assert '"mask_nik": true' in paths.manifest.read_text(encoding="utf-8")


def test_masking_covers_history_columns_resolved_sheet_notices_and_excluded(write):
    """The explained note, the resolved findings, notices and left-out file reasons can all carry a NIK."""
    excluded = ({"path": "payroll/x.xlsx", "kind": "payroll", "reason": f"baris 7: NIK {nik(4242)} ganda"},)
    notices = (f"NIK {nik(4343)} muncul di dua unit",)
    result = make_result(history=True, excluded=excluded, notices=notices)
    unmasked = write(result)
    assert any(nik(7000) in xml for xml in xml_parts(unmasked.xlsx).values())  # resolved sheet holds it
    assert nik(4242) in unmasked.manifest.read_text(encoding="utf-8")

    paths = write(result, mask_nik=True)
    for name, xml in xml_parts(paths.xlsx).items():
        assert not LONG_DIGITS.search(xml), name
    for path in (paths.exceptions_csv, paths.matches_csv, paths.manifest):
        assert not LONG_DIGITS.search(path.read_text(encoding="utf-8")), path.name
    wb = openpyxl.load_workbook(paths.xlsx)
    resolved = [c.value for row in wb["Selesai"].iter_rows() for c in row]
    assert "************7000" in resolved
    notes = [c.value for row in wb["Tidak di Daftar Gaji"].iter_rows() for c in row]
    assert EXPLAINED_NOTE.replace(nik(8888), "************8888") in notes
    summary = [c.value for row in wb["Ringkasan"].iter_rows() for c in row]
    assert "NIK ************4343 muncul di dua unit" in summary
    assert any(isinstance(v, str) and "************4242" in v for v in summary)


def _ids(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["finding_id"] for row in csv.DictReader(handle)]


def _cell_values(xlsx: Path) -> set[object]:
    wb = openpyxl.load_workbook(xlsx)
    return {c.value for ws in wb for row in ws.iter_rows() for c in row}


def test_masked_outputs_hold_no_real_finding_id(write):
    """finding_id is a plain hash of the NIK: with the last 4 digits shown it gives the NIK away."""
    result = make_result(history=True)
    real = set(result.findings["finding_id"]) | set(result.history["resolved"]["finding_id"])
    paths = write(result, mask_nik=True, mask_key=KEY)
    masked = _ids(paths.exceptions_csv)
    assert len(masked) == len(result.findings) and all(masked)
    assert not real & set(masked)
    for path in (paths.exceptions_csv, paths.matches_csv, paths.manifest):
        text = path.read_text(encoding="utf-8")
        assert not [i for i in real if i in text], path.name
    cells = _cell_values(paths.xlsx)
    assert not real & cells
    resolved = {masked_finding_id(i, KEY) for i in result.history["resolved"]["finding_id"]}
    assert resolved <= cells  # the "Selesai" sheet shows the resolved findings' masked ids


def test_masked_ids_are_the_same_with_the_same_key_and_differ_with_another(write, tmp_path):
    result = make_result()
    first = _ids(write(result, tmp_path / "a", mask_nik=True, mask_key=KEY).exceptions_csv)
    again = _ids(write(result, tmp_path / "b", mask_nik=True, mask_key=KEY).exceptions_csv)
    other = _ids(write(result, tmp_path / "c", mask_nik=True, mask_key=b"\x01" * 32).exceptions_csv)
    assert first == again == [masked_finding_id(i, KEY) for i in result.findings["finding_id"]]
    assert not set(first) & set(other)


def test_unmasked_outputs_keep_the_real_finding_ids(write):
    result = make_result()
    assert _ids(write(result, mask_key=KEY).exceptions_csv) == result.findings["finding_id"].tolist()


def test_a_masked_id_keeps_the_occurrence_suffix_and_hides_the_stem():
    stem = "0123456789abcdef"
    assert masked_finding_id(f"{stem}-2", KEY) == masked_finding_id(stem, KEY) + "-2"
    assert re.fullmatch(r"[0-9a-f]{16}", masked_finding_id(stem, KEY))
    assert masked_finding_id(stem, KEY) != stem
