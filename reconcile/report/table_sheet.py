"""One frame as one or more detail sheets: header row frozen and filtered, fitted widths, formats.

openpyxl writes each sheet's header row, columns, panes, filter, conditional formats and print
settings; the data rows are rendered column by column (column_cells.py) and written as XML text
(sheet_xml.py), so a sheet of a million rows costs little time and memory. A frame longer than
Excel's 1,048,575 data rows continues on "<name> (2)", ...
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule, DataBarRule, FormulaRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from reconcile.report import styles
from reconcile.report.cells import make_cell
from reconcile.report.column_cells import column_cells
from reconcile.report.detail_columns import Column
from reconcile.report.labels import Labels
from reconcile.report.page_setup import apply_print, prepare_print
from reconcile.report.sheet_xml import row_xml, write_rows

MAX_DATA_ROWS = 1_048_575  # 1,048,576 rows per sheet, one is the header
MAX_SHEET_NAME = 31
HEADER_HEIGHT_PT = 32.0
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
    for index, ws in enumerate(sheets):
        rows = slice(index * max_rows, (index + 1) * max_rows)
        _write_part(ws, spec, [c.cells[rows] for c in columns], widths, labels, period=period, run_id=run_id)
    return titles


def _col(frame: pd.DataFrame, key: str) -> pd.Series:
    return frame[key] if key in frame.columns else pd.Series([None] * len(frame), index=frame.index)


def _write_part(
    ws: WriteOnlyWorksheet,
    spec: TableSpec,
    cells: list[list[str | None]],
    widths: list[float],
    labels: Labels,
    *,
    period: str,
    run_id: str,
) -> None:
    """One sheet: `cells` holds this sheet's data cells, column by column."""
    # Widths, panes and page properties go into the sheet's head: set before the first row.
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.row_dimensions[1].height = HEADER_HEIGHT_PT  # headers wrap; LibreOffice does not grow the row
    ws.freeze_panes = "A2"
    prepare_print(ws)
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
    apply_print(ws, labels, period=period, run_id=run_id, title_rows="1:1")
    count = len(cells[0]) if cells else 0
    if not count:
        ws.append([make_cell(ws, spec.empty_text, font=styles.MUTED_FONT)])
        return
    last_row = count + 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(spec.columns))}{last_row}"
    _flag(ws, spec, last_row)
    letters = [get_column_letter(i) for i in range(1, len(spec.columns) + 1)]
    write_rows(ws, (row_xml(r, letters, row) for r, row in enumerate(zip(*cells, strict=True), start=2)))


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
