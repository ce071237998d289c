"""Cells for a write-only sheet. Every text goes through `set_text`, so input can never become a formula.

openpyxl turns any string starting with '=' into a formula when assigned. `set_text` cleans the text,
then forces the cell type back to a plain string and sets quotePrefix when the text starts with a
formula trigger, so Excel and LibreOffice show it literally, also after someone edits the cell.
The data rows of detail sheets are written as XML text by sheet_xml.py, under the same rules.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from reconcile.report import styles
from reconcile.report.safe_text import clean_text, needs_quote_prefix


def set_text(cell: WriteOnlyCell, text: str) -> None:
    """Store `text` in `cell` as literal text, never a formula."""
    text = clean_text(text)
    cell.value = text
    cell.data_type = "s"
    cell.quotePrefix = needs_quote_prefix(text)


def make_cell(
    ws: WriteOnlyWorksheet,
    value: Any,
    *,
    number_format: str | None = None,
    font: Font | None = None,
    fill: PatternFill | None = None,
    alignment: Alignment | None = None,
    border: Border | None = None,
) -> WriteOnlyCell:
    """A styled cell holding `value`: text (made safe), a number, a date, or nothing."""
    cell = WriteOnlyCell(ws)
    if isinstance(value, str):
        set_text(cell, value)
    elif isinstance(value, dt.datetime | dt.date) or (
        isinstance(value, int | float) and not isinstance(value, bool)
    ):
        cell.value = value
    elif value is not None:
        set_text(cell, str(value))
    if number_format:
        cell.number_format = number_format
    if font:
        cell.font = font
    if fill:
        cell.fill = fill
    cell.alignment = alignment or styles.TOP
    if border:
        cell.border = border
    return cell
