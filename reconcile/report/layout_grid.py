"""A small row buffer for laid-out sheets (summary, explanations): rows first, then streamed in one go.

A write-only sheet takes rows strictly in order, and column widths, merges, row heights, page breaks
and chart anchors must be known by row number. The grid hands out row numbers while the layout is built,
estimates the height of rows with wrapped text (LibreOffice does not grow them on its own), and breaks
pages so that a table head or a chart is not cut at a page edge.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.chart._chart import ChartBase
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.pagebreak import Break

from reconcile.report import styles
from reconcile.report.cells import make_cell

ROW_HEIGHT_PT = 15.0  # Excel's default row
PT_PER_CM = 72 / 2.54
# Rows of 15 pt on a landscape A4 page once a summary ~170 characters wide is fitted to its width.
PAGE_ROWS = 44


class LayoutGrid:
    """Rows of cells with their merges, links, heights and charts, flushed into a write-only sheet."""

    def __init__(self, ws: WriteOnlyWorksheet, widths: Sequence[float]) -> None:
        self.ws = ws
        self.widths = widths
        self.width = len(widths)  # columns a full-width line spans
        self.rows: list[list[WriteOnlyCell | None]] = []
        self.heights: dict[int, float] = {}
        self.spans: dict[tuple[int, int], int] = {}  # (row, first col) -> last col of a merge
        self._page_start = 1
        self._used = 0.0  # points used on the current page

    @property
    def next_row(self) -> int:
        return len(self.rows) + 1

    def cell(self, value: Any, **style: Any) -> WriteOnlyCell:
        return make_cell(self.ws, value, **style)

    def add(self, cells: list[WriteOnlyCell | None], height: float | None = None) -> int:
        """Append a row; returns its number."""
        self.rows.append(cells)
        row = len(self.rows)
        if height:
            self.heights[row] = height
        return row

    def blank(self, count: int = 1) -> None:
        for _ in range(count):
            self.rows.append([])

    def line(self, text: str, *, span: int | None = None, **style: Any) -> int:
        """A text across the sheet (merged), e.g. a title, a banner or a note."""
        row = self.add([self.cell(text, **style)])
        self.merge(row, 1, span or self.width)
        return row

    def section(self, title: str, keep_rows: int = 4) -> int:
        """A section title; starts a new page unless `keep_rows` more rows fit under it."""
        self.keep_together(keep_rows + 1)
        return self.line(title, font=styles.SECTION_FONT, fill=styles.SECTION_FILL)

    def merge(self, row: int, first_col: int, last_col: int) -> None:
        if last_col > first_col:
            self.ws.merged_cells.add(
                f"{get_column_letter(first_col)}{row}:{get_column_letter(last_col)}{row}"
            )
            self.spans[(row, first_col)] = last_col

    def header(self, titles: list[str]) -> int:
        style = {
            "font": styles.HEADER_FONT,
            "fill": styles.HEADER_FILL,
            "alignment": styles.HEADER_ALIGN,
            "border": styles.GRID,
        }
        return self.add([self.cell(t, **style) for t in titles])

    def keep_together(self, rows: int) -> None:
        """Break the page here unless `rows` default rows still fit on it."""
        used = sum(self._height(r) for r in range(self._page_start, self.next_row))
        if self.next_row > self._page_start and used + rows * ROW_HEIGHT_PT > PAGE_ROWS * ROW_HEIGHT_PT:
            self.ws.row_breaks.append(Break(id=self.next_row - 1))
            self._page_start = self.next_row

    def reserve_for_chart(self, chart: ChartBase, column: str = "A") -> None:
        """Place `chart` at the next row (on a fresh page if it would be cut) and leave room under it."""
        rows = math.ceil(chart.height * PT_PER_CM / ROW_HEIGHT_PT) + 1
        self.keep_together(rows)
        chart.anchor = f"{column}{self.next_row}"
        self.ws.add_chart(chart)
        self.blank(rows)

    def _height(self, row: int) -> float:
        if row in self.heights:
            return self.heights[row]
        lines = 1
        for col, cell in enumerate(self.rows[row - 1], start=1):
            if cell is None or not isinstance(cell.value, str) or not cell.alignment.wrap_text:
                continue
            last = self.spans.get((row, col), col)
            chars = (
                sum(self.widths[c - 1] for c in range(col, last + 1)) * 1.0
            )  # a width unit is about one character (less in bold)
            lines = max(lines, sum(math.ceil(max(len(part), 1) / chars) for part in cell.value.split("\n")))
        height = ROW_HEIGHT_PT * lines if lines > 1 else 0.0
        if height:
            self.heights[row] = height
        return height or ROW_HEIGHT_PT

    def flush(self) -> None:
        for row in range(1, self.next_row):
            self._height(row)
        for row, height in self.heights.items():
            self.ws.row_dimensions[row].height = min(height, 409)  # Excel's largest row height
        for cells in self.rows:
            self.ws.append(cells)


def link(cell: WriteOnlyCell, sheet_title: str) -> WriteOnlyCell:
    """Make `cell` jump to A1 of another sheet of this workbook (no external target)."""
    quoted = sheet_title.replace("'", "''")
    cell._hyperlink = Hyperlink(ref="A1", location=f"'{quoted}'!A1")
    cell.font = styles.LINK_FONT
    return cell
