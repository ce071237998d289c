"""One detail-sheet column rendered in one go: values converted, measured and turned into cell XML.

Each distinct value is converted once (see distinct.py): text as a person reads it (`values.as_text`),
whole Rupiah and row numbers (`as_int`), rounded scores, dates as Excel dates. The longest shown value
sizes the column. Every data cell has the column's look: a thin grid, top alignment, the kind's number
format; text cells wrap, so a text longer than its capped column is shown and printed whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from reconcile.report import styles
from reconcile.report.cells import make_cell
from reconcile.report.detail_columns import Column
from reconcile.report.distinct import distinct
from reconcile.report.sheet_xml import number_cell, safe_text_cell
from reconcile.report.values import as_date, as_float, as_int, as_text

NUMBER_FORMAT = {"int": styles.INTEGER, "money": styles.RUPIAH, "score": styles.SCORE, "date": styles.DATE}
DATE_CHARS = 10  # dd-mm-yyyy


class ColumnStyle:
    """Style ids of a column's data cells, registered in the workbook when first used."""

    def __init__(self, ws: WriteOnlyWorksheet, column: Column) -> None:
        self._ws = ws
        self._number_format = NUMBER_FORMAT.get(column.kind)
        # A text longer than its (capped) column wraps, on screen and on paper, instead of being cut.
        self._alignment = styles.WRAP if column.kind == "text" else styles.TOP

    def _cell_style(self, *, quote_prefix: bool) -> int:
        cell = make_cell(
            self._ws, None, number_format=self._number_format, border=styles.GRID, alignment=self._alignment
        )
        cell.quotePrefix = quote_prefix
        return int(cell.style_id)

    @cached_property
    def plain(self) -> int:
        return self._cell_style(quote_prefix=False)

    @cached_property
    def quoted(self) -> int:
        """For a text that starts like a formula: shown literally, also after someone edits it."""
        return self._cell_style(quote_prefix=True)


@dataclass(frozen=True)
class ColumnCells:
    cells: list[str | None]  # per row: the cell's XML (sheet_xml), None for an empty cell
    longest: int  # characters of the longest value as shown
    #: A text column's distinct texts and, per row, the index of its text (-1: empty), to size rows.
    texts: list[str | None] = field(default_factory=list)
    codes: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.intp))


def column_cells(ws: WriteOnlyWorksheet, column: Column, values: pd.Series) -> ColumnCells:
    """`values` as the data cells of `column`; `ws` is any sheet of the workbook (for its styles)."""
    column_values = distinct(values)
    style = ColumnStyle(ws, column)
    cells: list[str | None]
    if column.kind == "text":
        texts = [as_text(v) for v in column_values.values]
        cells = [None if t is None else safe_text_cell(t, style.plain, lambda: style.quoted) for t in texts]
        longest = max((len(t) for t in texts if t is not None), default=0)
        return ColumnCells(column_values.spread(cells, None), longest, texts, column_values.codes)
    elif column.kind == "date":
        epoch = ws.parent.epoch
        dates = [as_date(v) for v in column_values.values]
        cells = [None if d is None else number_cell(to_excel(d, epoch), style.plain) for d in dates]
        longest = DATE_CHARS if len(values) else 0
    else:
        convert = as_float if column.kind == "score" else as_int
        numbers = [convert(v) for v in column_values.values]
        cells = [None if x is None else number_cell(x, style.plain) for x in numbers]
        if column.kind == "money":
            shown = [f"{x:,}" for x in numbers if x is not None]
        else:
            shown = [t for v in column_values.values if (t := as_text(v)) is not None]
        longest = max(map(len, shown), default=0)
    return ColumnCells(column_values.spread(cells, None), longest)
