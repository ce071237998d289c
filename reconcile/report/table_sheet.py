"""One frame as one or more detail sheets: header row frozen and filtered, fitted widths, formats.

Rows are streamed into write-only sheets, one reused cell per column, so a sheet of a million rows
costs little memory. A frame longer than Excel's 1,048,575 data rows continues on "<name> (2)", ...
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.formatting.rule import CellIsRule, DataBarRule, FormulaRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from reconcile.report import styles
from reconcile.report.cells import make_cell, set_text
from reconcile.report.detail_columns import Column
from reconcile.report.labels import Labels
from reconcile.report.page_setup import apply_print, prepare_print
from reconcile.report.values import as_date, as_float, as_int, as_text

MAX_DATA_ROWS = 1_048_575  # 1,048,576 rows per sheet, one is the header
MAX_SHEET_NAME = 31
HEADER_HEIGHT_PT = 32.0
AGE_ALERT_MONTHS = 3  # a finding open this long goes to the top of someone's list

_CONVERT: dict[str, Callable[[Any], Any]] = {
    "text": as_text,
    "int": as_int,
    "money": as_int,
    "score": as_float,
    "date": as_date,
}
_FORMAT = {"int": styles.INTEGER, "money": styles.RUPIAH, "score": styles.SCORE, "date": styles.DATE}


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


def column_width(column: Column, header: str, values: pd.Series) -> float:
    """Characters wide enough for the longest value, capped; the header wraps at word breaks."""
    longest_word = max((len(w) for w in header.split()), default=4)
    if values.empty:
        longest = 0
    elif column.kind == "money":
        longest = int(values.map(lambda v: len(f"{x:,}") if (x := as_int(v)) is not None else 0).max())
    elif column.kind == "date":
        longest = 10
    else:
        longest = int(values.map(lambda v: len(x) if (x := as_text(v)) is not None else 0).max())
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
    widths = [column_width(c, h, _col(frame, c.key)) for c, h in zip(spec.columns, spec.headers, strict=True)]
    for index, title in enumerate(titles):
        chunk = frame.iloc[index * max_rows : (index + 1) * max_rows]
        ws = wb.create_sheet(title)
        _write_part(ws, spec, chunk, widths)
        apply_print(ws, labels, period=period, run_id=run_id, title_rows="1:1")
    return titles


def _col(frame: pd.DataFrame, key: str) -> pd.Series:
    return frame[key] if key in frame.columns else pd.Series([None] * len(frame), index=frame.index)


def _write_part(ws: WriteOnlyWorksheet, spec: TableSpec, chunk: pd.DataFrame, widths: list[float]) -> None:
    # Widths, panes and page properties go into the sheet's head: set before the first row.
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.row_dimensions[1].height = HEADER_HEIGHT_PT  # headers wrap; LibreOffice does not grow the row
    ws.freeze_panes = "A2"
    prepare_print(ws)
    last_col = get_column_letter(len(spec.columns))
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
    if chunk.empty:
        ws.append([make_cell(ws, spec.empty_text, font=styles.MUTED_FONT)])
        return
    _stream_rows(ws, spec.columns, chunk)
    last_row = len(chunk) + 1
    ws.auto_filter.ref = f"A1:{last_col}{last_row}"
    _flag(ws, spec, last_row)


def _stream_rows(ws: WriteOnlyWorksheet, columns: list[Column], chunk: pd.DataFrame) -> None:
    templates = [_template(ws, c) for c in columns]
    converters = [_CONVERT[c.kind] for c in columns]
    series = [_col(chunk, c.key).tolist() for c in columns]
    for values in zip(*series, strict=True):
        row: list[WriteOnlyCell | None] = []
        for template, convert, column, raw in zip(templates, converters, columns, values, strict=True):
            value = convert(raw)
            if value is None:
                row.append(None)
                continue
            if column.kind == "text":
                set_text(template, value)
            else:
                template.value = value
            row.append(template)  # written at once by append, so one cell per column is reused
        ws.append(row)


def _template(ws: WriteOnlyWorksheet, column: Column) -> WriteOnlyCell:
    cell = make_cell(ws, None, border=styles.GRID, alignment=styles.TOP)
    if column.kind in _FORMAT:
        cell.number_format = _FORMAT[column.kind]
    return cell


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
