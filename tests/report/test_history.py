"""History in the report: statuses and age on the detail sheets, new / open / resolved and the trend on the
summary, the "Selesai" sheet. With a ledger (history present) and without (absent)."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from reconcile.report.labels import LANGS
from tests.report.fixtures import EXPLAINED_ID, EXPLAINED_NOTE, make_result
from tests.report.golden import assert_golden
from tests.report.xlsx_xml import xml_parts

STATUS_TEXT = {
    "id": {"new": "baru", "open": "masih terbuka", "explained": "dijelaskan"},
    "en": {"new": "new", "open": "open", "explained": "explained"},
}


def _texts(ws) -> list[str]:
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]


def _row(ws, first_cell: str) -> list[object]:
    row = next(r for r in ws.iter_rows() if r[0].value == first_cell)
    return [c.value for c in row]


def _table(ws) -> list[dict[str, object]]:
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def _chart_parts(path) -> dict[str, str]:
    return {n: x for n, x in xml_parts(path).items() if n.startswith("xl/charts/chart")}


# --- without a ledger -----------------------------------------------------------------------------


def test_without_history_no_status_columns_no_resolved_sheet_and_a_note(write):
    wb = openpyxl.load_workbook(write().xlsx)
    assert "Selesai" not in wb.sheetnames
    headers = [c.value for c in wb["Tidak Terdaftar"][1]]
    assert "Status" not in headers and "Penjelasan Analis" not in headers
    texts = _texts(wb["Ringkasan"])
    assert any(t.startswith("Riwayat temuan tidak tersedia") for t in texts)
    assert "Tren bulanan" not in texts
    assert len(_chart_parts(write().xlsx)) == 2  # findings and coverage only


# --- detail sheets ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_detail_sheet_shows_age_first_seen_translated_status_and_note(write, lang):
    wb = openpyxl.load_workbook(write(make_result(history=True), lang=lang).xlsx)
    sheet = "Tidak di Daftar Gaji" if lang == "id" else "Not on Payroll"
    rows = _table(wb[sheet])
    status, age, first, note = {
        "id": ("Status", "Umur (bulan)", "Pertama Terlihat", "Penjelasan Analis"),
        "en": ("Status", "Age (months)", "First Seen", "Analyst's Note"),
    }[lang]
    assert {status, age, first, note} <= set(rows[0])
    shown = {r[status] for r in rows}
    assert shown == set(STATUS_TEXT[lang].values())  # no raw codes left (id) and all three present
    explained = next(r for r in rows if r[status] == STATUS_TEXT[lang]["explained"])
    assert explained[note] == EXPLAINED_NOTE
    old = next(r for r in rows if r[age] == 4)
    assert old[first] == "2017-11" and old[status] == STATUS_TEXT[lang]["open"]
    if lang == "id":  # the codes are translated on every category sheet, not only this one
        for ws in wb.worksheets[1:10]:
            assert not {"new", "open", "explained"} & set(_texts(ws)), ws.title


def test_old_findings_highlighted_and_explained_rows_greyed(write):
    ws = openpyxl.load_workbook(write(make_result(history=True)).xlsx)["Tidak di Daftar Gaji"]
    headers = [c.value for c in ws[1]]
    letter = {h: openpyxl.utils.get_column_letter(i) for i, h in enumerate(headers, start=1)}
    last = openpyxl.utils.get_column_letter(len(headers))
    rules = {str(cf.sqref): cf.rules for cf in ws.conditional_formatting}

    grey = rules[f"A2:{last}{ws.max_row}"][0]
    assert grey.formula == [f'${letter["Status"]}2="dijelaskan"'] and grey.stopIfTrue
    assert grey.dxf.fill.bgColor.rgb.endswith("E7E6E6") and grey.dxf.font.color.rgb.endswith("7F7F7F")

    s, a = letter["Status"], letter["Umur (bulan)"]
    old = rules[f"{s}2:{s}{ws.max_row} {a}2:{a}{ws.max_row}"][0]
    assert old.formula == [f'AND(ISNUMBER(${a}2),${a}2>=3,${s}2<>"dijelaskan")']
    assert old.dxf.fill.bgColor.rgb.endswith("FCE4D6")
    assert grey.priority < old.priority  # grey wins where an explained finding is also old


def test_without_status_column_age_still_highlighted(write):
    ws = openpyxl.load_workbook(write().xlsx)["Tidak Terdaftar"]
    headers = [c.value for c in ws[1]]
    a = openpyxl.utils.get_column_letter(headers.index("Umur (bulan)") + 1)
    formulas = [r.formula for cf in ws.conditional_formatting for r in cf.rules]
    assert [f"AND(ISNUMBER(${a}2),${a}2>=3)"] in formulas


# --- summary ----------------------------------------------------------------------------------------


def test_summary_counts_new_open_old_explained_resolved(write):
    ws = openpyxl.load_workbook(write(make_result(history=True)).xlsx)["Ringkasan"]
    # 37 findings: the nine of serial 1 are 4 months old (open), F-NOT-2 is explained, the rest new.
    assert _row(ws, "Baru")[1] == 27
    assert _row(ws, "Masih terbuka")[1] == 9
    assert _row(ws, "Terbuka 3 bulan atau lebih")[1] == 9
    assert _row(ws, "Dijelaskan")[1] == 1
    resolved = next(c for r in ws.iter_rows() for c in r if c.value == "Selesai sejak 2018-01")
    assert ws.cell(row=resolved.row, column=2).value == 2
    assert resolved.hyperlink.location == "'Selesai'!A1"


def test_summary_history_golden(write):
    for lang in LANGS:
        ws = openpyxl.load_workbook(write(make_result(history=True), lang=lang).xlsx).worksheets[0]
        rows = [[c.value for c in r if c.value is not None] for r in ws.iter_rows()]
        start = next(
            i
            for i, r in enumerate(rows)
            if r and r[0] in ("Perubahan sejak periode sebelumnya", "Changes since the previous period")
        )
        end = next(i for i, r in enumerate(rows) if r and r[0] in ("Per unit kerja (OPD)", "Per unit (OPD)"))
        assert_golden(f"summary_history_{lang}", [r for r in rows[start:end] if r])


def test_trend_chart_with_two_or_more_periods(write):
    path = write(make_result(history=True, trend_periods=3)).xlsx
    charts = _chart_parts(path)
    assert len(charts) == 3
    trend = next(x for x in charts.values() if "lineChart>" in x)
    assert "barChart>" in trend  # bars for the uninsured, a line for the overpayment on its own axis
    assert trend.count("<valAx>") == 2
    ws = openpyxl.load_workbook(path)["Ringkasan"]
    assert _row(ws, "2017-12")[:4] == ["2017-12", 30, 60, 150000]
    assert _row(ws, "2018-02")[:4] == ["2018-02", 20, 54, 120000]
    assert "Grafik tren muncul setelah sedikitnya dua periode tercatat." not in _texts(ws)


@pytest.mark.parametrize("periods", [1, 0])
def test_trend_with_fewer_than_two_periods_is_a_note(write, periods):
    path = write(make_result(history=True, trend_periods=periods)).xlsx
    assert len(_chart_parts(path)) == 2
    texts = _texts(openpyxl.load_workbook(path)["Ringkasan"])
    assert "Grafik tren muncul setelah sedikitnya dua periode tercatat." in texts


# --- the "Selesai" sheet ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "title", "category"), [("id", "Selesai", "Tidak Terdaftar"), ("en", "Resolved", "Unregistered")]
)
def test_resolved_sheet_lists_previous_findings(write, lang, title, category):
    wb = openpyxl.load_workbook(write(make_result(history=True), lang=lang).xlsx)
    rejected = "Baris Ditolak" if lang == "id" else "Rejected Rows"
    assert wb.sheetnames.index(title) == wb.sheetnames.index(rejected) + 1
    ws = wb[title]
    rows = _table(ws)
    assert len(rows) == 2
    first = rows[0]
    assert first[next(k for k in first if k in ("Kategori", "Category"))] == category
    assert "2018-01" in first.values() and "PEGAWAI SELESAI 0" in first.values()
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    assert ws.print_title_rows == "$1:$1"


def test_resolved_sheet_empty_state(write):
    wb = openpyxl.load_workbook(write(make_result(history=True, resolved_rows=0)).xlsx)
    assert wb["Selesai"]["A2"].value == "Tidak ada temuan periode sebelumnya yang selesai."
    ws = wb["Ringkasan"]
    resolved = next(c for r in ws.iter_rows() for c in r if c.value == "Selesai sejak periode sebelumnya")
    assert ws.cell(row=resolved.row, column=2).value == 0


def test_history_columns_are_codes_in_csv(write):
    path = write(make_result(history=True), lang="id").exceptions_csv
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames[-2:] == ["status", "explained"]
    row = next(r for r in rows if r["finding_id"] == EXPLAINED_ID)
    assert (row["status"], row["explained"]) == (
        "explained",
        EXPLAINED_NOTE,
    )  # codes: the CSV is for machines


def test_explanations_sheet_explains_status_and_incomplete_reports(write):
    for lang, sheet, terms in [
        ("id", "Penjelasan", ["Status dan umur temuan", "Laporan tidak lengkap"]),
        ("en", "Explanations", ["Finding status and age", "Incomplete report"]),
    ]:
        texts = _texts(openpyxl.load_workbook(write(lang=lang).xlsx)[sheet])
        assert set(terms) <= set(texts)
