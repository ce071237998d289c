"""Which sheets of a workbook hold this period's rows: not the hidden ones, not other months' sheets.

Of the sheets with a recognisable header:
- a hidden or very hidden sheet is never read (offices hide last month's copy or a lookup list);
- when the run has a period, a sheet whose title rows (else name) name another month is not read
  if any sheet names the period or names no month at all; when every sheet names another month,
  the sheets of the month nearest the period are read and the file is for another month, which
  `period_check` then refuses unless the user accepts it.
Every sheet left out is returned with its reason, for the report's notices and the manifest: its
rows are not data rows of this period's input, so they are outside the row balance.
"""

from __future__ import annotations

from dataclasses import dataclass

from reconcile.model import SheetNotRead
from reconcile.readers.grid import Grid, Row
from reconcile.readers.header import HeaderMatch
from reconcile.readers.period_check import nearest_period
from reconcile.readers.sheet_month import SheetMonth, sheet_month
from reconcile.readers.title import title_text


@dataclass(frozen=True, eq=False)  # compared by identity: a grid may hold a million rows
class SheetCandidate:
    """A sheet with a header: the grid, its header, its title rows and the month they name."""

    grid: Grid
    header: HeaderMatch
    titles: list[Row]
    month: SheetMonth


def candidate(grid: Grid, header: HeaderMatch, period: str | None) -> SheetCandidate:
    titles = grid.head(header.index)
    month = sheet_month(grid.name, title_text(titles), period) if period else SheetMonth()
    return SheetCandidate(grid, header, titles, month)


def choose_sheets(
    candidates: list[SheetCandidate], period: str | None
) -> tuple[list[SheetCandidate], list[SheetNotRead]]:
    """(sheets to read, sheets not read with their reason), each in workbook order."""
    visible = [c for c in candidates if not c.grid.hidden]
    read = _for_period(visible, period) if period else visible
    not_read = [
        _not_read(c, "hidden" if c.grid.hidden else "other_month") for c in candidates if c not in read
    ]
    return read, not_read


def _for_period(visible: list[SheetCandidate], period: str) -> list[SheetCandidate]:
    """The sheets naming `period` or no month; else those naming the month nearest it."""
    this_period = [c for c in visible if not c.month.names_other_month(period)]
    if this_period or not visible:
        return this_period
    nearest = nearest_period({p for c in visible for p in c.month.periods}, period)
    return [c for c in visible if nearest in c.month.periods]


def _not_read(c: SheetCandidate, reason: str) -> SheetNotRead:
    return SheetNotRead(
        name=c.grid.name,
        reason=reason,
        visibility=c.grid.visibility,
        periods=tuple(sorted(c.month.periods)),
        period_source=c.month.source,
    )
