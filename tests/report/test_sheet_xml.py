"""Detail rows written as XML text are exactly what openpyxl writes for the same cells, styles included."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from openpyxl import Workbook

from reconcile.report import styles
from reconcile.report.cells import make_cell, set_text
from reconcile.report.column_cells import NUMBER_FORMAT, column_cells
from reconcile.report.detail_columns import Column
from reconcile.report.safe_text import MAX_CELL_CHARS
from reconcile.report.sheet_xml import row_xml, write_rows
from reconcile.report.values import as_date, as_float, as_int, as_text
from tests.report.fixtures import HOSTILE_NAMES

CONVERT: dict[str, Callable[[Any], Any]] = {
    "text": as_text,
    "int": as_int,
    "money": as_int,
    "score": as_float,
    "date": as_date,
}

# The first value of each is plain, so both writers register the column's styles in the same order.
VALUES: dict[str, list[Any]] = {
    "text": [
        "BUDI",
        *HOSTILE_NAMES,
        " leading",
        "trailing ",
        "   ",
        "",
        "\x00",
        'a & b < c > d "e"',
        "line\nbreak",
        "BUDI",
        "\ud800",  # a lone surrogate: written as a character reference, as openpyxl does
        None,
        float("nan"),
        pd.NA,
        12.0,
        3.5,
        7,
        True,
        dt.date(2018, 2, 1),
    ],
    "money": [97_000_000.4, -1_000_000, 0, None, pd.NA, "1,234", "abc", 2.5, -2.5, 10**20],
    "int": [13, 14.0, None, "15"],
    "score": [1.0, 0.9375, 0.812345, None, 1],
    "date": [dt.date(2018, 2, 1), dt.datetime(2018, 2, 1, 13, 30), pd.Timestamp("2018-02-03"), None, "x"],
}


def _sheet_data(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    return re.search(r"<sheetData.*</sheetData>", xml, re.S).group(0)  # type: ignore[union-attr]


def _openpyxl_writes(column: Column, values: list[Any], path: Path) -> None:
    """The reference: one styled openpyxl cell per value (a new cell each: a reused cell's style
    would change under the cells already written with it)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("x")
    for raw in values:
        value = CONVERT[column.kind](raw)
        alignment = styles.WRAP if column.kind == "text" else styles.TOP  # texts wrap, never cut
        cell = make_cell(
            ws, None, number_format=NUMBER_FORMAT.get(column.kind), border=styles.GRID, alignment=alignment
        )
        if column.kind == "text" and value is not None:
            set_text(cell, value)
        else:
            cell.value = value
        ws.append([cell if value is not None else None])
    wb.save(path)


def _report_writes(column: Column, values: list[Any], path: Path) -> int:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("x")
    rendered = column_cells(ws, column, pd.Series(values, dtype=object))
    write_rows(ws, (row_xml(r, ["A"], [cell]) for r, cell in enumerate(rendered.cells, start=1)))
    wb.save(path)
    return rendered.longest


@pytest.mark.parametrize("kind", list(VALUES))
def test_rows_are_what_openpyxl_writes(tmp_path, kind):
    column = Column("x", kind)  # type: ignore[arg-type]
    _openpyxl_writes(column, VALUES[kind], tmp_path / "openpyxl.xlsx")
    _report_writes(column, VALUES[kind], tmp_path / "report.xlsx")
    assert _sheet_data(tmp_path / "report.xlsx") == _sheet_data(tmp_path / "openpyxl.xlsx")
    with zipfile.ZipFile(tmp_path / "openpyxl.xlsx") as a, zipfile.ZipFile(tmp_path / "report.xlsx") as b:
        assert a.read("xl/styles.xml") == b.read("xl/styles.xml")


def test_typed_columns_are_what_openpyxl_writes(tmp_path):
    """Typed (not object) columns take the distinct-value path; the cells are the same."""
    for kind, series in [
        ("money", pd.Series([5, None, 5, -7], dtype="Int64")),
        ("score", pd.Series([1.0, 0.5, float("nan"), 1.0])),
        ("text", pd.Series(["a", None, "=a", "a"], dtype="str")),
    ]:
        column = Column("x", kind)  # type: ignore[arg-type]
        _openpyxl_writes(column, series.tolist(), tmp_path / "openpyxl.xlsx")
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("x")
        cells = column_cells(ws, column, series).cells
        write_rows(ws, (row_xml(r, ["A"], [cell]) for r, cell in enumerate(cells, start=1)))
        wb.save(tmp_path / "report.xlsx")
        assert _sheet_data(tmp_path / "report.xlsx") == _sheet_data(tmp_path / "openpyxl.xlsx"), kind


def test_hostile_text_reads_back_as_literal_text(tmp_path):
    # A lone surrogate becomes &#55296;, as with openpyxl: not valid XML, so left out of a read-back.
    readable = [v for v in VALUES["text"] if not (isinstance(v, str) and "\ud800" in v)]
    _report_writes(Column("x", "text"), readable, tmp_path / "report.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "report.xlsx")["x"]
    cells = [ws.cell(row=r, column=1) for r in range(1, ws.max_row + 1)]
    assert all(c.data_type == "s" for c in cells if c.value is not None)
    formulas = [c for c in cells if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@"))]
    assert len(formulas) >= 5 and all(c.quotePrefix for c in formulas)
    assert max(len(c.value) for c in cells if isinstance(c.value, str)) == MAX_CELL_CHARS


@pytest.mark.parametrize(
    ("kind", "values", "longest"),
    [
        ("text", ["ab", None, "abcd", 12.0], 4),
        ("money", [1_234_567.4, -1_000, None], len("1,234,567")),
        ("int", [7, 12_345, None], 5),
        ("score", [0.9375, 1.0], len("0.9375")),
        ("date", [dt.date(2018, 2, 1)], 10),
        ("date", [], 0),
        ("text", [None, ""], 0),
    ],
)
def test_longest_shown_value(tmp_path, kind, values, longest):
    assert _report_writes(Column("x", kind), values, tmp_path / "w.xlsx") == longest


def test_row_skips_empty_cells():
    assert row_xml(7, ["A", "B", "C"], [' t="n"><v>1</v></c>', None, ' t="n"><v>2</v></c>']) == (
        '<row r="7"><c r="A7" t="n"><v>1</v></c><c r="C7" t="n"><v>2</v></c></row>'
    )
    assert row_xml(8, ["A"], [None]) == '<row r="8"></row>'
