"""A sheet as a plain grid of cell values, the common shape of workbook sheets and CSV files."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: A grid row: raw cell values; "" or None for an empty cell.
Row = list[Any]


@dataclass
class Grid:
    """One sheet (or one CSV file) as read, before any interpretation.

    `row_numbers[i]` is what a person sees for `rows[i]`: the Excel row or the CSV line of the
    record's start. `merges` lists merged areas as (first_row, first_col, last_row, last_col), 0-based.
    """

    name: str  # sheet name; "" for CSV
    rows: list[Row]
    row_numbers: list[int] | None = None  # None: row i is row i + 1
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)

    def row_number(self, i: int) -> int:
        return self.row_numbers[i] if self.row_numbers is not None else i + 1


def is_empty(value: Any) -> bool:
    """An empty cell: None, "" or only whitespace."""
    return value is None or (isinstance(value, str) and not value.strip())


def cell(row: Row, col: int) -> Any:
    """The value at `col`, or None past the end of a short (CSV) row."""
    return row[col] if col < len(row) else None


def row_text(row: Row) -> str:
    """The non-empty cells of a row, as text, joined by single spaces."""
    return " ".join(str(v).strip() for v in row if not is_empty(v))
