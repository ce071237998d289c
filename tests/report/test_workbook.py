"""The workbook a person opens: sheets in order, summary figures (golden), layout, print, language."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import openpyxl
import pandas as pd
import pytest

from reconcile.categories import CATEGORY_ORDER
from reconcile.report.labels import LANGS, all_keys, load_labels
from reconcile.report.page_setup import MIN_PRINT_SCALE
from reconcile.report.table_sheet import wrapped_lines
from reconcile.report.workbook import build_workbook
from tests.report.conftest import RUN_TIME
from tests.report.fixtures import make_result
from tests.report.golden import assert_golden
from tests.report.xlsx_xml import xml_parts

SHEETS_ID = [
    "Ringkasan",
    "Tidak Terdaftar",
    "Tidak Aktif",
    "Tidak di Daftar Gaji",
    "Peserta Ganda",
    "Selisih Iuran",
    "Selisih Upah",
    "Gaji Ganda",
    "Identitas Berbeda",
    "Baris Ditolak",
    "Peringatan",
    "Pasangan",
    "Penjelasan",
]


def _cells(ws) -> dict[str, object]:
    """Every non-empty cell of the sheet by coordinate, in reading order (one line each in the golden)."""
    out: dict[str, object] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None:
                value = cell.value.isoformat() if isinstance(cell.value, dt.datetime) else cell.value
                out[cell.coordinate] = value
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_summary_figures_golden(write, lang):
    wb = openpyxl.load_workbook(write(lang=lang).xlsx)
    assert_golden(f"summary_{lang}", _cells(wb.worksheets[0]))


def test_sheet_order(write):
    assert openpyxl.load_workbook(write().xlsx, read_only=True).sheetnames == SHEETS_ID


def test_english_labels(write):
    wb = openpyxl.load_workbook(write(lang="en").xlsx)
    assert wb.sheetnames[0] == "Summary" and wb.sheetnames[-1] == "Explanations"
    assert "Unregistered" in wb.sheetnames and "Rejected Rows" in wb.sheetnames
    assert wb["Unregistered"]["A1"].value == "Name"
    texts = " ".join(str(c.value) for row in wb["Summary"].iter_rows() for c in row if c.value is not None)
    assert "Register with BPJS Ketenagakerjaan" in texts
    assert "Daftarkan" not in texts


def test_category_without_findings_has_no_sheet_and_says_so(write):
    result = make_result()
    kept = result.findings[result.findings["category"] != "INACTIVE"]
    wb = openpyxl.load_workbook(write(make_result(findings=kept)).xlsx)
    assert "Tidak Aktif" not in wb.sheetnames
    row = next(r for r in wb["Ringkasan"].iter_rows() if r[0].value == "Tidak Aktif")
    assert row[1].value == 0 and row[3].value == "Tidak ada temuan" and row[0].hyperlink is None


def test_no_findings_at_all(write):
    empty = make_result().findings.iloc[0:0]
    wb = openpyxl.load_workbook(write(make_result(findings=empty)).xlsx)
    assert wb.sheetnames == ["Ringkasan", "Baris Ditolak", "Peringatan", "Pasangan", "Penjelasan"]
    assert wb["Baris Ditolak"]["A2"].value == "Tidak ada baris."
    texts = [c.value for row in wb["Ringkasan"].iter_rows() for c in row]
    assert "Tidak ada temuan untuk periode ini." in texts


def test_detail_sheet_layout(write):
    wb = openpyxl.load_workbook(write().xlsx)
    ws = wb["Tidak Terdaftar"]
    headers = [c.value for c in ws[1]]
    assert headers[:4] == ["Nama", "NIK", "KPJ", "Unit Kerja"]
    assert {"File Gaji", "Lembar Gaji", "Baris Gaji", "Eksposur (Rp)", "Keterangan"} <= set(headers)
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(headers))}{ws.max_row}"
    exposure = headers.index("Eksposur (Rp)") + 1
    values = [ws.cell(row=r, column=exposure).value for r in range(2, ws.max_row + 1)]
    assert values == sorted(values, reverse=True)  # biggest exposure first
    assert ws.cell(row=2, column=exposure).number_format == "#,##0"
    assert ws.conditional_formatting  # data bars on exposure, age shading
    assert all(ws.column_dimensions[c].width for c in "ABCD")
    assert ws.cell(row=2, column=headers.index("Baris Gaji") + 1).value == 13


def test_print_setup_on_every_sheet(write):
    wb = openpyxl.load_workbook(write().xlsx)
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        if ws.sheet_properties.pageSetUpPr.fitToPage:
            assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        else:  # too wide to fit legibly: printed across pages, never below the legible scale
            assert int(ws.page_setup.scale) == MIN_PRINT_SCALE, ws.title
            assert ws.print_title_cols == "$A:$B", ws.title  # name and NIK on every page
        assert "2018-02" in ws.oddFooter.left.text and "&P" in ws.oddFooter.center.text
        assert "run-20180301-0001" in ws.oddFooter.right.text
    assert wb["Tidak Terdaftar"].print_title_rows == "$1:$1"


def test_summary_has_two_charts_links_and_banner(write):
    parts = xml_parts(write().xlsx)
    assert len([n for n in parts if n.startswith("xl/charts/chart")]) == 2
    wb = openpyxl.load_workbook(write().xlsx)
    ws = wb["Ringkasan"]
    links = {c.value: c.hyperlink.location for row in ws.iter_rows() for c in row if c.hyperlink}
    assert links["Tidak Terdaftar"] == "'Tidak Terdaftar'!A1"
    assert links["Baris Ditolak"] == "'Baris Ditolak'!A1"
    assert ws["A2"].value.startswith("PEMERIKSAAN KESEIMBANGAN: SEIMBANG")
    assert ws["A2"].fill.fgColor.rgb.endswith("2E7D32")


def test_unbalanced_banner_is_loud(write):
    ws = openpyxl.load_workbook(write(make_result(balanced=False)).xlsx)["Ringkasan"]
    assert "TIDAK SEIMBANG" in ws["A2"].value and "rincian-iuran" in ws["A2"].value
    assert ws["A2"].fill.fgColor.rgb.endswith("C62828")


def test_long_sheets_split(tmp_path):
    # 20 rows per sheet stands in for Excel's 1,048,575: the split logic is the same.
    result = make_result()
    many = pd.concat(
        [result.findings[result.findings["category"] == "NOT_ON_PAYROLL"]] * 15, ignore_index=True
    )
    findings = pd.concat([result.findings, many], ignore_index=True)
    path = tmp_path / "split.xlsx"
    titles = build_workbook(
        result,
        findings,
        result.matches,
        result.warnings,
        load_labels("id"),
        path,
        generated_at=RUN_TIME,
        max_rows=20,
    )
    assert titles[3:6] == ["Tidak di Daftar Gaji", "Tidak di Daftar Gaji (2)", "Tidak di Daftar Gaji (3)"]
    wb = openpyxl.load_workbook(path)
    rows = [wb[t].max_row - 1 for t in titles[3:6]]
    assert rows == [20, 20, 8]
    assert wb["Tidak di Daftar Gaji (3)"]["A1"].value == "Nama"


def test_labels_complete_in_both_languages():
    for lang in LANGS:
        labels = load_labels(lang)
        for key in all_keys():
            assert labels(key).strip(), f"{lang}: {key} is empty"
        for key in [k for k in all_keys() if k.startswith("sheet.")] + [f"cat.{c}" for c in CATEGORY_ORDER]:
            name = labels(key)
            assert len(name) <= 31 and not set(name) & set("[]:*?/\\"), name


def test_missing_label_raises():
    with pytest.raises(KeyError, match="labels.csv"):
        load_labels("id")("no.such.key")


@pytest.mark.parametrize(
    ("lang", "sheet", "expected", "reported"),
    [
        ("id", "Selisih Upah", "Upah/penghasilan menurut aturan (Rp)", "Upah dilaporkan ke BPJS (Rp)"),
        ("en", "Wage Mismatch", "Wage/income per the rules (Rp)", "Wage reported to BPJS (Rp)"),
    ],
)
def test_wage_sheet_headers_say_the_figures_are_wages(write, lang, sheet, expected, reported):
    wb = openpyxl.load_workbook(write(lang=lang).xlsx)
    headers = [c.value for c in wb[sheet][1]]
    assert headers[4:7] == [expected, reported, load_labels(lang)("col.wage.difference_idr")]
    billed = load_labels(lang)("col.billed_idr")
    assert billed not in headers  # "Ditagih": the wage reported to BPJS is not a bill
    premium = [c.value for c in wb[load_labels(lang)("cat.PREMIUM_MISMATCH")][1]]
    assert load_labels(lang)("col.premium.billed_idr") in premium


def test_wide_detail_sheet_prints_legibly_and_long_texts_wrap(write, result):
    findings = result.findings.copy()
    wage = findings.index[findings["category"] == "WAGE_MISMATCH"][0]
    findings.loc[wage, "detail"] = "Penghasilan yang dilaporkan berbeda dari upah menurut aturan " * 3
    wb = openpyxl.load_workbook(write(replace(result, findings=findings)).xlsx)
    ws = wb["Selisih Upah"]
    assert not ws.sheet_properties.pageSetUpPr.fitToPage  # 19 columns: one page wide would be ~40%
    assert int(ws.page_setup.scale) >= MIN_PRINT_SCALE
    headers = [c.value for c in ws[1]]
    detail = ws.cell(row=2, column=headers.index("Keterangan") + 1)
    assert detail.alignment.wrap_text
    assert ws.row_dimensions[2].height >= 4 * 15  # 183 characters in a 48-wide column: 4+ lines
    assert wb["Ringkasan"].sheet_properties.pageSetUpPr.fitToPage  # narrow sheets stay one page wide


def test_wrapped_lines_never_undercount():
    assert wrapped_lines("short", 20) == 1
    assert wrapped_lines("aaaa bbbb cccc", 10) == 2
    assert wrapped_lines("x" * 25, 11) == 3  # a path with no spaces is broken
    assert wrapped_lines("one\ntwo", 30) == 2
