"""A sheet as a grid of cells, written to xlsx (openpyxl) or CSV; xlsx bytes are made reproducible.

Builders append rows and note merges and formats; the row number of an appended row is what a
person sees in Excel (1-based), and for CSV the line number.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

FIXED_TIME = datetime(2018, 3, 1, 8, 0, 0)
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


@dataclass
class Grid:
    """Rows of cell values (None = empty) plus presentation hints for xlsx."""

    width: int
    rows: list[list[object]] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2 (1-based)
    data_rows: set[int] = field(default_factory=set)  # rows that get the column number formats
    bold_rows: set[int] = field(default_factory=set)
    boxed_rows: set[int] = field(default_factory=set)
    formats: dict[int, str] = field(default_factory=dict)  # column -> number format for data cells
    widths: dict[int, float] = field(default_factory=dict)

    def add(
        self,
        values: list[object] | None = None,
        *,
        bold: bool = False,
        boxed: bool = False,
        data: bool = False,
    ) -> int:
        """Append a row (padded to the width) and return its 1-based number."""
        row = list(values or [])
        self.rows.append(row + [None] * (self.width - len(row)))
        n = len(self.rows)
        if bold:
            self.bold_rows.add(n)
        if boxed:
            self.boxed_rows.add(n)
        if data:
            self.data_rows.add(n)
        return n

    def at(self, cells: dict[int, object], *, bold: bool = False) -> int:
        """Append a row with values at the given 1-based columns."""
        row: list[object] = [None] * self.width
        for col, value in cells.items():
            row[col - 1] = value
        return self.add(row, bold=bold)


def write_xlsx(path: Path, sheets: list[tuple[str, Grid]]) -> None:
    """Write the sheets to one workbook with fixed metadata, then make the zip reproducible."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, grid in sheets:
        ws = wb.create_sheet(title)
        for r, row in enumerate(grid.rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None and r not in grid.boxed_rows:
                    continue
                cell = ws.cell(row=r, column=c, value=value)
                if r in grid.bold_rows:
                    cell.font = Font(bold=True)
                if r in grid.boxed_rows:
                    cell.border = _BOX
                    if r in grid.data_rows and c in grid.formats and not isinstance(value, str):
                        cell.number_format = grid.formats[c]
        for r1, c1, r2, c2 in grid.merges:
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
            ws.cell(row=r1, column=c1).alignment = Alignment(
                horizontal="center", vertical="center", wrap_text=True
            )
        for c, w in grid.widths.items():
            ws.column_dimensions[get_column_letter(c)].width = w
    wb.properties.creator = "Bendahara"
    wb.properties.created = FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(_reproducible_zip(buf.getvalue()))


def _reproducible_zip(data: bytes) -> bytes:
    """Same entries, fixed timestamps (zip headers and docProps/core.xml)."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), body
                )
            dst.writestr(
                zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6]),
                body,
                compress_type=zipfile.ZIP_DEFLATED,
            )
    return out.getvalue()


def write_csv(path: Path, grid: Grid, delimiter: str, encoding: str) -> None:
    """Write the grid as an office CSV export (CRLF lines, empty cells as empty fields)."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for row in grid.rows:
        writer.writerow(["" if v is None else v for v in row])
    path.write_bytes(buf.getvalue().encode(encoding))
