"""One frame as one or more detail sheets: header row frozen and filtered, fitted widths, formats.

Texts wrap in their capped columns and the header row is as tall as its longest wrapped header, so
nothing is cut; the print setup keeps the text legible (page_setup.py).

openpyxl writes each sheet's header row, columns, panes, filter, conditional formats and print
settings; the data rows are rendered column by column (column_cells.py) and written as XML text
(sheet_xml.py), so a sheet of a million rows costs little time and memory. A frame longer than
Excel's 1,048,575 data rows continues on "<name> (2)", ...
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule, DataBarRule, FormulaRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from reconcile.report import styles
from reconcile.report.cells import make_cell
from reconcile.report.column_cells import ColumnCells, column_cells
from reconcile.report.detail_columns import Column
from reconcile.report.labels import Labels
from reconcile.report.page_setup import apply_print, fits_one_page_wide, prepare_print
from reconcile.report.sheet_xml import row_xml, write_rows

MAX_DATA_ROWS = 1_048_575  # 1,048,576 rows per sheet, one is the header
MAX_SHEET_NAME = 31
HEADER_HEIGHT_PT = 32.0  # at least two lines
HEADER_LINE_PT = 15.0  # one line of the 11 pt bold header
DATA_LINE_PT = 15.0  # one line of 11 pt text
#: Leading columns that say whose row it is: repeated on every page when a sheet prints across pages.
IDENTITY_KEYS = frozenset({"category", "name", "nik"})
AGE_ALERT_MONTHS = 3  # a finding open this long goes to the top of someone's list


@dataclass(frozen=True)
class TableSpec:
    """What to write: translated sheet title and headers, the rows, and how to flag them."""

    title: str
    frame: pd.DataFrame
    columns: list[Column]
    headers: list[str]
    empty_text: str
    databar: str | None = None  # column key carrying data bars (the amount to act on first)
    #: (column key, shown value) of rows to grey out, e.g. ("status", "dijelaskan"): explained findings.
    muted: tuple[str, str] | None = None


def sheet_titles(title: str, parts: int) -> list[str]:
    """'Name', 'Name (2)', ... each within Excel's 31 characters."""
    names = [title[:MAX_SHEET_NAME]]
    for n in range(2, parts + 1):
        tag = f" ({n})"
        names.append(title[: MAX_SHEET_NAME - len(tag)] + tag)
    return names


def column_width(column: Column, header: str, longest: int) -> float:
    """Characters wide enough for the longest value, capped; the header wraps at word breaks."""
    longest_word = max((len(w) for w in header.split()), default=4)
    return float(min(max(longest, longest_word, 6) + 2, column.max_width))


def wrapped_lines(text: str, width: float) -> int:
    """Lines `text` takes when wrapped at word breaks in a column `width` characters wide (a word
    longer than the column is broken). Counting characters overestimates a little: never cut."""
    room = max(int(width) - 1, 1)
    if len(text) <= room and "\n" not in text:
        return 1
    total = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0
        for word in paragraph.split():
            if used and used + 1 + len(word) <= room:
                used += 1 + len(word)
                continue
            lines += 1 if used else 0
            broken = -(-len(word) // room)  # lines the word takes on its own
            lines += broken - 1
            used = len(word) - (broken - 1) * room
        total += lines
    return total


def row_heights(columns: list[ColumnCells], widths: list[float]) -> list[float | None]:
    """Per data row: points tall enough for its longest wrapped text, None for a one-line row."""
    count = len(columns[0].cells) if columns else 0
    lines = np.ones(count, dtype=np.int64)
    for cells, width in zip(columns, widths, strict=True):
        if not cells.texts or (cells.longest < int(width) - 1 and not _has_line_breaks(cells.texts)):
            continue
        per_text = np.array([1 if t is None else wrapped_lines(t, width) for t in cells.texts] + [1])
        lines = np.maximum(lines, per_text[cells.codes])
    return [None if n == 1 else n * DATA_LINE_PT + 2 for n in lines.tolist()]


def _has_line_breaks(texts: list[str | None]) -> bool:
    return any(t is not None and "\n" in t for t in texts)


def header_height(headers: list[str], widths: list[float]) -> float:
    """Points tall enough for the longest wrapped header (LibreOffice does not grow the row itself)."""
    lines = max((wrapped_lines(h, w) for h, w in zip(headers, widths, strict=True)), default=1)
    return max(HEADER_HEIGHT_PT, lines * HEADER_LINE_PT + 2)


def title_columns(columns: list[Column]) -> str | None:
    """'A:B' for the leading identity columns (name, NIK ...), repeated on each page printed across."""
    count = 0
    while count < len(columns) and columns[count].key in IDENTITY_KEYS:
        count += 1
    return f"A:{get_column_letter(count)}" if count else None


def write_table(
    wb: Workbook,
    spec: TableSpec,
    labels: Labels,
    *,
    period: str,
    run_id: str,
    max_rows: int = MAX_DATA_ROWS,
) -> list[str]:
    """Write `spec` as sheets appended to `wb`; returns the sheet titles used."""
    frame = spec.frame
    parts = max(1, -(-len(frame) // max_rows))
    titles = sheet_titles(spec.title, parts)
    sheets = [wb.create_sheet(title) for title in titles]
    columns = [column_cells(sheets[0], c, _col(frame, c.key)) for c in spec.columns]
    widths = [
        column_width(c, h, cells.longest)
        for c, h, cells in zip(spec.columns, spec.headers, columns, strict=True)
    ]
    heights = row_heights(columns, widths)
    for index, ws in enumerate(sheets):
        rows = slice(index * max_rows, (index + 1) * max_rows)
        cells = [c.cells[rows] for c in columns]
        _write_part(ws, spec, cells, heights[rows], widths, labels, period=period, run_id=run_id)
    return titles


def _col(frame: pd.DataFrame, key: str) -> pd.Series:
    return frame[key] if key in frame.columns else pd.Series([None] * len(frame), index=frame.index)


def _write_part(
    ws: WriteOnlyWorksheet,
    spec: TableSpec,
    cells: list[list[str | None]],
    heights: list[float | None],
    widths: list[float],
    labels: Labels,
    *,
    period: str,
    run_id: str,
) -> None:
    """One sheet: `cells` holds this sheet's data cells, column by column; `heights` its rows' heights."""
    # Widths, panes and page properties go into the sheet's head: set before the first row.
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.row_dimensions[1].height = header_height(spec.headers, widths)
    ws.freeze_panes = "A2"
    fit_width = fits_one_page_wide(widths)
    prepare_print(ws, fit_width=fit_width)
    ws.append(
        [
            make_cell(
                ws,
                h,
                font=styles.HEADER_FONT,
                fill=styles.HEADER_FILL,
                alignment=styles.HEADER_ALIGN,
                border=styles.GRID,
            )
            for h in spec.headers
        ]
    )
    apply_print(
        ws,
        labels,
        period=period,
        run_id=run_id,
        title_rows="1:1",
        fit_width=fit_width,
        title_cols=title_columns(spec.columns),
    )
    count = len(cells[0]) if cells else 0
    if not count:
        ws.append([make_cell(ws, spec.empty_text, font=styles.MUTED_FONT)])
        return
    last_row = count + 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(spec.columns))}{last_row}"
    _flag(ws, spec, last_row)
    letters = [get_column_letter(i) for i in range(1, len(spec.columns) + 1)]
    rows = zip(heights, zip(*cells, strict=True), strict=True)
    write_rows(ws, (row_xml(r, letters, row, height) for r, (height, row) in enumerate(rows, start=2)))


def _formula_text(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _flag(ws: WriteOnlyWorksheet, spec: TableSpec, last_row: int) -> None:
    """Conditional formats: explained rows greyed, data bars on the amount to act on, findings open
    AGE_ALERT_MONTHS or more (not explained) shaded in the age and status cells, weak pairings shaded."""
    letters = {c.key: get_column_letter(i) for i, c in enumerate(spec.columns, start=1)}
    last_col = get_column_letter(len(spec.columns))
    not_muted = ""
    if spec.muted and spec.muted[0] in letters:
        # First rule, so it wins where rules overlap; the age rule also excludes these rows explicitly.
        key, value = spec.muted
        test = f"${letters[key]}2={_formula_text(value)}"
        ws.conditional_formatting.add(
            f"A2:{last_col}{last_row}",
            FormulaRule(
                formula=[test], fill=styles.CF_MUTED_FILL, font=styles.CF_MUTED_FONT, stopIfTrue=True
            ),
        )
        not_muted = f",${letters[key]}2<>{_formula_text(value)}"
    if "age_months" in letters:
        age = f"${letters['age_months']}2"
        old = f"AND(ISNUMBER({age}),{age}>={AGE_ALERT_MONTHS}{not_muted})"
        cells = [letters[k] for k in ("status", "age_months") if k in letters]
        ranges = " ".join(f"{c}2:{c}{last_row}" for c in cells)
        ws.conditional_formatting.add(
            ranges, FormulaRule(formula=[old], fill=styles.CF_ACTION_FILL, font=styles.CF_ACTION_FONT)
        )
    for key, letter in letters.items():
        rng = f"{letter}2:{letter}{last_row}"
        if key == spec.databar:
            ws.conditional_formatting.add(
                rng, DataBarRule(start_type="min", end_type="max", color="F4B183", showValue=True)
            )
        elif key == "score":
            ws.conditional_formatting.add(
                rng, CellIsRule(operator="lessThan", formula=["1"], fill=styles.CF_WARN_FILL)
            )
