"""A sheet as a plain grid of cell values, the common shape of workbook sheets and CSV files."""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

#: A grid row: raw cell values; "" or None for an empty cell.
Row = list[Any]


@dataclass
class Grid:
    """One sheet (or one CSV file) as read, before any interpretation, stored by column.

    `columns[c][i]` is the cell in row i, column c; every column holds `height` cells. Columns are
    what the reader needs in bulk (the mapped fields) and what the sandbox sends; rows are built on
    demand for the few rows looked at as a whole (title, header, totals, signatures).
    `row_numbers[i]` is what a person sees for row i: the Excel row or the CSV line of the record's
    start. `merges` lists merged areas as (first_row, first_col, last_row, last_col), 0-based.
    `visibility` is Excel's sheet state: "visible", "hidden" or "veryhidden" (only VBA can show it).
    `hidden_rows` lists the rows i (0-based, like `columns`) that Excel hides: hidden by hand or by
    an active AutoFilter. They are read like the others; the reader says so.
    """

    name: str  # sheet name; "" for CSV
    columns: list[list[Any]]
    height: int
    row_numbers: list[int] | None = None  # None: row i is row i + 1
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    visibility: str = "visible"
    hidden_rows: list[int] = field(default_factory=list)

    @classmethod
    def from_rows(cls, name: str, rows: list[Row], row_numbers: list[int] | None = None) -> Grid:
        """A grid from rows of any lengths (short rows are padded in place with None)."""
        width = max(map(len, rows), default=0)
        for row in rows:
            if len(row) < width:
                row.extend([None] * (width - len(row)))
        return cls(name, [list(map(itemgetter(c), rows)) for c in range(width)], len(rows), row_numbers)

    @property
    def hidden(self) -> bool:
        """Hidden or very hidden in Excel: the office did not mean it to be read."""
        return self.visibility != "visible"

    def row(self, i: int) -> Row:
        return [column[i] for column in self.columns]

    def head(self, n: int) -> list[Row]:
        """The first `n` rows (fewer if the grid is shorter)."""
        return [self.row(i) for i in range(min(n, self.height))]

    def row_number(self, i: int) -> int:
        return self.row_numbers[i] if self.row_numbers is not None else i + 1


def is_empty(value: Any) -> bool:
    """An empty cell: None, "" or only whitespace."""
    return value is None or (isinstance(value, str) and not value.strip())


def cell(row: Row, col: int) -> Any:
    """The value at `col`, or None past the end of a short row."""
    return row[col] if col < len(row) else None


def row_text(row: Row) -> str:
    """The non-empty cells of a row, as text, joined by single spaces."""
    return " ".join(str(v).strip() for v in row if not is_empty(v))
