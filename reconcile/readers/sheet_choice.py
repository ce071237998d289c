"""Which sheets of a workbook hold this period's rows: not the hidden ones, not other months' sheets.

Of the sheets with a recognisable header:
- a hidden or very hidden sheet is never read (offices hide last month's copy or a lookup list);
- when the run has a period, a sheet whose title rows (else name) name another month is not read
  if any sheet names the period or names no month at all; when every sheet names another month,
  the sheets of the month nearest the period are read and the file is for another month, which
  `period_check` then refuses unless the user accepts it.
A sheet whose header-like row lacks the name or the NIK/KPJ column (an instructions sheet: "No | Nama
Kolom | Keterangan" over "1 | NIK | ...") is not read when another sheet has a complete header: the
choice above is then made among the complete sheets. It is kept, so that the reader refuses the file
naming what its header lacks, when no sheet has a complete header, or when it is chosen and names this
period while no complete sheet is chosen (the period's data sheet with a broken header).
Every sheet left out is returned with its reason, for the report's notices and the manifest: its
rows are not data rows of this period's input, so they are outside the row balance.
"""

from __future__ import annotations

from dataclasses import dataclass

from reconcile.model import SheetNotRead
from reconcile.readers.grid import Grid, Row
from reconcile.readers.header import HeaderMatch, missing_required
from reconcile.readers.period_check import nearest_period
from reconcile.readers.sheet_month import SheetMonth, sheet_month
from reconcile.readers.title import title_cells, title_text


@dataclass(frozen=True, eq=False)  # compared by identity: a grid may hold a million rows
class SheetCandidate:
    """A sheet with a header: the grid, its header, its title rows and the month they name."""

    grid: Grid
    header: HeaderMatch
    titles: list[Row]
    month: SheetMonth

    @property
    def complete(self) -> bool:
        """Its header has a name column and a NIK or KPJ column."""
        return not missing_required(self.header)


def candidate(grid: Grid, header: HeaderMatch, period: str | None) -> SheetCandidate:
    titles = grid.head(header.index)
    cells = title_cells(titles)
    month = sheet_month(grid.name, title_text(titles), period, cells) if period else SheetMonth()
    return SheetCandidate(grid, header, titles, month)


def choose_sheets(
    candidates: list[SheetCandidate], period: str | None
) -> tuple[list[SheetCandidate], list[SheetNotRead]]:
    """(sheets to read, sheets not read with their reason), each in workbook order."""
    read, not_read = _by_visibility_and_month(candidates, period)
    if not _incomplete_left_out(candidates, read, period):
        return read, not_read
    read, _ = _by_visibility_and_month([c for c in candidates if c.complete], period)
    reasons = [_reason(c) if c.complete else "incomplete_header" for c in candidates]
    return read, [_not_read(c, r) for c, r in zip(candidates, reasons, strict=True) if c not in read]


def _by_visibility_and_month(
    candidates: list[SheetCandidate], period: str | None
) -> tuple[list[SheetCandidate], list[SheetNotRead]]:
    visible = [c for c in candidates if not c.grid.hidden]
    read = _for_period(visible, period) if period else visible
    not_read = [_not_read(c, _reason(c)) for c in candidates if c not in read]
    return read, not_read


def _incomplete_left_out(
    candidates: list[SheetCandidate], read: list[SheetCandidate], period: str | None
) -> bool:
    """Whether the sheets with an incomplete header are to be left out for the complete ones.

    Not when no sheet is complete, nor when the sheets chosen are all incomplete and one of them names
    this period: that is the period's data sheet, and the reader must say what its header lacks.
    """
    if all(c.complete for c in read) or not any(c.complete for c in candidates):
        return False
    if any(c.complete for c in read):
        return True
    return not any(period in c.month.periods for c in read)


def _for_period(visible: list[SheetCandidate], period: str) -> list[SheetCandidate]:
    """The sheets naming `period` or no month; else those naming the month nearest it."""
    this_period = [c for c in visible if not c.month.names_other_month(period)]
    if this_period or not visible:
        return this_period
    nearest = nearest_period({p for c in visible for p in c.month.periods}, period)
    return [c for c in visible if nearest in c.month.periods]


def _reason(c: SheetCandidate) -> str:
    """Why a sheet with a complete header was not chosen."""
    return "hidden" if c.grid.hidden else "other_month"


def _not_read(c: SheetCandidate, reason: str) -> SheetNotRead:
    return SheetNotRead(
        name=c.grid.name,
        reason=reason,
        visibility=c.grid.visibility,
        periods=tuple(sorted(c.month.periods)),
        period_source=c.month.source,
        header_rows=header_rows(c.grid, c.header),
        missing=missing_required(c.header),
    )


def header_rows(grid: Grid, header: HeaderMatch) -> str:
    """The Excel row(s) of a header, as a person reads them: "12" or "3-4"."""
    first, last = grid.row_number(header.index), grid.row_number(header.data_start - 1)
    return f"{first}-{last}" if last != first else f"{first}"
