"""Left-out inputs are said loudly (red banner, manifest `complete: false`); run notices are shown."""

from __future__ import annotations

import json

import openpyxl
import pytest

from reconcile.readers.period_check import PeriodMismatch
from reconcile.report.labels import load_labels
from reconcile.report.summary_notices import incomplete_lines
from tests.report.fixtures import EXCLUDED, NOTICES, make_result

BANNER = {
    "id": (
        "LAPORAN TIDAK LENGKAP: 2 berkas tidak diproses",
        "• Berkas daftar gaji tidak diproses: pekerja unit itu tidak ada di sisi daftar gaji, sehingga baris "
        'BPJS mereka tampil sebagai "Tidak di Daftar Gaji" walaupun mereka mungkin masih bekerja.',
        '• Berkas BPJS tidak diproses: pekerja yang ditanggung berkas itu tampil sebagai "Tidak Terdaftar" '
        "walaupun mereka mungkin terdaftar, dan iurannya tidak diperiksa.",
    ),
    "en": (
        "INCOMPLETE REPORT: 2 file(s) not processed",
        "• Payroll file not processed: the workers of that unit are missing from the payroll side, so their "
        'BPJS rows appear as "Not on Payroll" although they may still be working.',
        '• BPJS file not processed: the workers it covers appear as "Unregistered" although they may be '
        "registered, and their premiums are not checked.",
    ),
}


def _column_a(ws) -> list[str]:
    return [str(r[0].value) for r in ws.iter_rows(max_col=1) if r[0].value is not None]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_incomplete_banner_on_top_of_summary(write, lang):
    wb = openpyxl.load_workbook(write(make_result(excluded=EXCLUDED), lang=lang).xlsx)
    ws = wb.worksheets[0]
    headline, payroll, bpjs = BANNER[lang]
    assert ws["A2"].value == headline
    assert ws["A2"].fill.fgColor.rgb.endswith("C62828") and ws["A2"].font.bold
    assert ws.print_title_rows == "$1:$2"  # the headline repeats on every printed page
    lines = _column_a(ws)[2:9]
    assert lines[0] == "• payroll/Dinas Sosial.xlsx: no header row with NIK and Nama in the first 30 rows"
    empty = {"id": "berkas kosong", "en": "the file is empty"}[lang]  # the reader's words, in the report's
    assert lines[1] == f"• bpjs/peserta-tambahan.csv: {empty}"
    assert payroll in lines and bpjs in lines
    for row in range(3, 3 + len(lines) - 1):
        assert ws.cell(row=row, column=1).fill.fgColor.rgb.endswith("C62828")
    balance = next(v for v in _column_a(ws) if v.startswith(("PEMERIKSAAN", "BALANCE")))
    assert "TIDAK SEIMBANG" not in balance  # still there, after the red block


def test_banner_names_only_the_side_that_is_missing():
    L = load_labels("id")
    lines = incomplete_lines((EXCLUDED[0],), L)
    assert any("Tidak di Daftar Gaji" in line for line in lines)
    assert not any("Tidak Terdaftar" in line for line in lines)
    unknown = incomplete_lines(({"path": "x.xlsx", "reason": "rusak"},), L)  # no kind: say both
    assert any("Tidak di Daftar Gaji" in line for line in unknown)
    assert any("Tidak Terdaftar" in line for line in unknown)
    assert unknown[0] == "• x.xlsx: rusak"


def test_complete_run_has_no_banner_and_says_complete(write):
    paths = write()
    ws = openpyxl.load_workbook(paths.xlsx).worksheets[0]
    assert not any("TIDAK LENGKAP" in v for v in _column_a(ws))
    manifest = json.loads(paths.manifest.read_text(encoding="utf-8"))
    assert manifest["complete"] is True
    assert manifest["excluded_inputs"] == [] and manifest["notices"] == []


def test_manifest_lists_excluded_inputs_and_notices(write):
    manifest = json.loads(
        write(make_result(excluded=EXCLUDED, notices=NOTICES)).manifest.read_text(encoding="utf-8")
    )
    assert manifest["complete"] is False
    assert manifest["excluded_inputs"] == [dict(e) for e in EXCLUDED]
    assert manifest["notices"] == list(NOTICES)


def test_excluded_inputs_from_the_flow_extra_also_make_it_incomplete(write):
    extra = {"excluded_inputs": [dict(EXCLUDED[0])], "partial_run": True}
    manifest = json.loads(write(extra_manifest=extra).manifest.read_text(encoding="utf-8"))
    assert manifest["complete"] is False and manifest["partial_run"] is True


@pytest.mark.parametrize(("lang", "title"), [("id", "Catatan proses"), ("en", "Run notices")])
def test_notices_in_a_box_under_the_header(write, lang, title):
    ws = openpyxl.load_workbook(write(make_result(notices=NOTICES), lang=lang).xlsx).worksheets[0]
    column = _column_a(ws)
    run_id = "ID proses" if lang == "id" else "Run ID"
    box = column.index(title)
    assert (
        column.index(run_id)
        < box
        < column.index(next(v for v in column if v in ("File input", "Input files")))
    )
    assert column[box + 1] == NOTICES[0]
    cell = next(r[0] for r in ws.iter_rows(max_col=1) if r[0].value == NOTICES[0])
    assert cell.fill.fgColor.rgb.endswith("FFE699")


def test_no_notices_no_box(write):
    ws = openpyxl.load_workbook(write().xlsx).worksheets[0]
    assert "Catatan proses" not in _column_a(ws)


def test_hostile_notice_and_reason_stay_text(write):
    hostile = ({"path": "=cmd|' /C calc'!A0", "kind": "payroll", "reason": '=HYPERLINK("http://x")'},)
    ws = openpyxl.load_workbook(write(make_result(excluded=hostile, notices=("=1+1",))).xlsx).worksheets[0]
    cells = [c for r in ws.iter_rows(max_col=1) for c in r if c.value is not None]
    assert all(c.data_type == "s" for c in cells)
    assert "=1+1" in [c.value for c in cells]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_period_mismatch_notice_reads_in_the_report_language(write, lang):
    notice = PeriodMismatch("bpjs/mei.xlsx", "2024-05", "its title rows say 2024-05").notice("2024-06")
    ws = openpyxl.load_workbook(write(make_result(notices=(notice,)), lang=lang).xlsx).worksheets[0]
    expected = {
        "id": "bpjs/mei.xlsx: berkas BPJS ini tampaknya untuk periode 2024-05, bukan 2024-06 (baris judulnya"
        " menyebut 2024-05); diterima dengan --accept-period-mismatch: peserta masuk, peserta keluar"
        " dan iuran mungkin dilaporkan keliru",
        "en": notice,
    }[lang]
    assert expected in _column_a(ws)
