"""Hostile input stays literal text: no formula, link or DDE; control characters gone; long text cut."""

from __future__ import annotations

import re

import openpyxl
import pytest
from openpyxl.cell import WriteOnlyCell
from openpyxl.workbook import Workbook

from reconcile.report.cells import set_text
from reconcile.report.safe_text import ELLIPSIS, MAX_CELL_CHARS, clean_text, needs_quote_prefix
from tests.report.fixtures import HOSTILE_NAMES, make_result
from tests.report.xlsx_xml import xml_parts


@pytest.mark.parametrize("text", ["=1", "+1", "-1", "@A1", "\t=1", "\r=1"])
def test_formula_triggers_need_quote_prefix(text):
    assert needs_quote_prefix(text)


@pytest.mark.parametrize("text", ["BUDI", "1871011205850001", "", " =1"])
def test_plain_text_has_no_quote_prefix(text):
    assert not needs_quote_prefix(text)


def test_clean_text_removes_control_characters_and_cuts_long_text():
    assert clean_text("BUDI\x00\x07\x1b SANTOSO\x7f") == "BUDI SANTOSO"
    assert clean_text("a\tb\nc") == "a\tb\nc"  # legal in a cell
    long = clean_text("A" * 40_000)
    assert len(long) == MAX_CELL_CHARS and long.endswith(ELLIPSIS)


def test_set_text_never_leaves_a_formula_cell():
    cell = WriteOnlyCell(Workbook(write_only=True).create_sheet("x"))
    set_text(cell, '=HYPERLINK("http://x","y")')
    assert cell.data_type == "s" and cell.quotePrefix


def test_no_formula_in_any_sheet_and_charts_point_only_at_the_summary(write):
    parts = xml_parts(write().xlsx)
    sheets = {name: xml for name, xml in parts.items() if name.startswith("xl/worksheets/sheet")}
    assert len(sheets) >= 10
    for name, xml in sheets.items():
        assert "<f>" not in xml and "<f " not in xml, f"formula in {name}"
    chart_refs = [
        f for name, xml in parts.items() if "charts/" in name for f in re.findall(r"<f>(.*?)</f>", xml)
    ]
    assert chart_refs and all(re.fullmatch(r"'Ringkasan'!\$[A-Z]\$\d+:\$[A-Z]\$\d+", f) for f in chart_refs)


def test_only_internal_hyperlinks(write):
    parts = xml_parts(write().xlsx)
    assert not any('TargetMode="External"' in xml for xml in parts.values())
    summary = parts["xl/worksheets/sheet1.xml"]
    assert "location=\"'Tidak Terdaftar'!A1\"" in summary


def test_hostile_names_read_back_as_the_same_text(write):
    wb = openpyxl.load_workbook(write().xlsx)
    ws = wb["Tidak Terdaftar"]
    cells = {c.value: c for row in ws.iter_rows(min_col=1, max_col=1) for c in row}
    for hostile in HOSTILE_NAMES:
        # XML turns a lone CR into LF on reading; what matters is that it is still the text.
        expected = clean_text(hostile).replace("\r", "\n")
        assert expected in cells, hostile[:30]
        cell = cells[expected]
        assert cell.data_type == "s"
        assert cell.quotePrefix == needs_quote_prefix(expected.replace("\n", "\r"))
    assert "BUDI SANTOSO" in cells
    assert max(len(v) for v in cells if isinstance(v, str)) == MAX_CELL_CHARS


def test_hostile_unit_name_on_the_summary_stays_text(write):
    wb = openpyxl.load_workbook(write().xlsx)
    values = [c for row in wb["Ringkasan"].iter_rows() for c in row if c.value == "=Unit Jahat()"]
    assert values and all(c.data_type == "s" and c.quotePrefix for c in values)


def test_formula_like_names_keep_quote_prefix_when_plain_names_follow(write):
    """Each cell's look is its own: a plain name written after a formula-like one does not take the
    quote prefix away from it (a reused styled cell once did, through openpyxl's shared style)."""
    result = make_result()
    findings = result.findings.copy()
    rows = findings.index[findings["category"] == "UNREGISTERED"]
    hostile = ['=HYPERLINK("http://x","y")', "@SUM(1)"]
    findings.loc[rows, "name"] = hostile + ["PLAIN NAME"] * (len(rows) - len(hostile))
    findings.loc[rows, "exposure_idr"] = 1_000.0  # one amount: the sheet keeps this order
    ws = openpyxl.load_workbook(write(make_result(findings=findings)).xlsx)["Tidak Terdaftar"]
    cells = {c.value: c for c in ws["A"][1:]}
    assert all(cells[h].data_type == "s" and cells[h].quotePrefix for h in hostile)
    assert not cells["PLAIN NAME"].quotePrefix
