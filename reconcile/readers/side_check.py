"""A file given on the wrong side: a BPJS list given as payroll, or a payroll given as the BPJS list.

Swapping --payroll and --participants otherwise gives a plausible disaster (every worker
UNREGISTERED or INACTIVE), because both sides have names and NIKs. The evidence is the header row:
each of its cells is mapped through both alias tables (`readers.aliases`). "Upah" and "Gaji" head a
payroll wage and the wage BPJS reports, "Status" and "Total" head payroll columns too, so:
- given as payroll, a file with no column only payrolls have (position, unit, daily wage, days
  worked, "Honor", "Gaji Pokok"...) is a BPJS list when, with no wage column, it has a premium (JKK,
  JKM, JHT, JP), a join or end date, or both a status and a total; with a "Upah"/"Gaji" column, when
  it has a premium and a status or date ("Potongan BPJS" or premiums beside a wage are not enough);
- given as the BPJS list, a file with no premium or date column is a payroll when it has a wage
  column and a column only payrolls have; beside a status or total column, its wage column itself
  must be one only payrolls have.
Only suspicious files are read again: a payroll read with no column only payrolls have, a BPJS file
read with no premium or date column, or a file whose header was not found on its side. Each
misplaced file becomes an InputError naming the file, the sheet, the header row and the columns
that belong to the other side: it refuses the run, or --allow-partial leaves it out like any
unusable file (a side left with no file still refuses).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reconcile.errors import InputError
from reconcile.messages import Lang, message
from reconcile.readers.aliases import AliasTable, alias_table, header_key
from reconcile.readers.delimited import read_csv_grid
from reconcile.readers.grid import Grid, Row
from reconcile.readers.header import HEADER_SEARCH_ROWS, HeaderMatch, find_header, header_cells, is_header
from reconcile.readers.workbook import read_workbook

#: The side whose documents a misplaced file is.
_OTHER = {"payroll": "bpjs", "bpjs": "payroll"}
#: Payroll wage columns: a payroll always has one.
WAGE_FIELDS = frozenset({"monthly_wage", "daily_wage"})
#: Columns only a payroll has (a wage, or what describes the work paid for).
PAYROLL_ONLY = frozenset(
    {
        "monthly_wage",
        "daily_wage",
        "days_worked",
        "allowance",
        "position",
        "unit",
        "birth_place_date",
        "leave_date",
    }
)
#: Columns only a BPJS list has: premiums, registration status and dates.
BPJS_ONLY = frozenset({"jkk", "jkm", "jht", "jp", "total", "status", "join_date", "end_date"})
#: BPJS columns that alone show a BPJS list ("Status" and "Total" also head payroll columns).
BPJS_DECISIVE = BPJS_ONLY - {"status", "total"}
#: Premium columns, and what a registration has: status and dates.
PREMIUMS = frozenset({"jkk", "jkm", "jht", "jp", "total"})
REGISTRATION = frozenset({"status", "join_date", "end_date"})


@dataclass(frozen=True)
class HeaderCell:
    """One header text and the field each side's alias table gives it (None: not a column of that side)."""

    text: str
    payroll: str | None
    bpjs: str | None


@dataclass(frozen=True)
class SheetHeader:
    """The header cells of one sheet, and the row they are in (1-based, as Excel or the CSV shows it)."""

    sheet: str
    row: int
    cells: tuple[HeaderCell, ...]


@dataclass(frozen=True)
class Misplaced:
    """File `path`, given as `given` ("payroll" | "bpjs"), is a document of the other side."""

    path: str
    given: str
    sheet: str
    row: int
    columns: tuple[str, ...]  # header texts that belong to the other side

    def error(self, lang: Lang = "id") -> InputError:
        """Why the file cannot be used on its side, and what to do."""
        key = "payroll_is_bpjs_list" if self.given == "payroll" else "bpjs_is_payroll"
        text = message(key, lang, columns="; ".join(self.columns), row=self.row)
        return InputError(text, path=self.path, sheet=self.sheet)


def misplaced_as_errors(
    files: Sequence[tuple[Any, str, str]],
    read: Sequence[object],
    lang: Lang = "id",
    *,
    skip: frozenset[str] = frozenset(),
) -> list[object]:
    """`read`, with the entry of each file given on the wrong side replaced by its InputError
    (files whose display path is in `skip` are left as they are)."""
    out = []
    for (path, display, kind), value in zip(files, read, strict=True):
        found = None if display in skip else misplaced(Path(path), display, kind, value)
        out.append(found.error(lang) if found is not None else value)
    return out


def misplaced(path: Path, display: str, kind: str, value: object) -> Misplaced | None:
    """The evidence that the file at `path`, given as `kind` and read as `value`, is of the other side."""
    if not _suspicious(kind, value):
        return None
    try:
        headers = sheet_headers(path, display, _sheets_read(value), first=_OTHER[kind])
    except InputError:
        return None
    decide = _bpjs_columns if kind == "payroll" else _payroll_columns
    columns = tuple(dict.fromkeys(decide([c for h in headers for c in h.cells])))  # once per file
    if not columns:
        return None
    where = next(h for h in headers if any(c.text in columns for c in h.cells))
    return Misplaced(display, kind, where.sheet, where.row, columns)


def _suspicious(kind: str, value: object) -> bool:
    """Worth a second look: the header was not found, or shows nothing only this side's documents have."""
    if isinstance(value, InputError):
        return _failed_at_header(value)
    read = [(f, t) for s in getattr(value, "sheets", ()) for f, t in dict(s.get("columns") or {}).items()]
    if kind == "payroll":
        bpjs = alias_table("bpjs")
        return not any(f in PAYROLL_ONLY and bpjs.field_for(t) is None for f, t in read)
    return not any(f in BPJS_DECISIVE for f, _ in read)


def _failed_at_header(error: InputError) -> bool:
    """An error about the header row (no header, no name or identity column), not about the file
    itself (unreadable, too big, encrypted): only then may the other side's header explain it."""
    return "header" in str(error)


def _sheets_read(value: object) -> set[str] | None:
    """The sheets a read file used (None for a file that could not be read: all visible sheets)."""
    if isinstance(value, InputError):
        return None
    return {str(s.get("sheet")) for s in getattr(value, "sheets", ())}


def sheet_headers(
    path: Path, display: str, sheets: set[str] | None = None, *, first: str = "bpjs"
) -> list[SheetHeader]:
    """The header of every visible sheet (or of `sheets`) that either side's alias table finds; its
    row is where the `first` side's table finds it (the side the evidence is looked for)."""
    tables = sorted((alias_table("payroll"), alias_table("bpjs")), key=lambda t: t.kind != first)
    if path.suffix.lower() == ".csv":
        grids = [read_csv_grid(path.read_bytes(), display, tables[0])]
    else:
        grids = [g for g in read_workbook(path, display) if not g.hidden]
    found = []
    for grid in grids:
        if sheets is not None and grid.name not in sheets:
            continue
        header = _sheet_header(grid, tables)
        if header is not None:
            found.append(header)
    return found


def _sheet_header(grid: Grid, tables: Sequence[AliasTable]) -> SheetHeader | None:
    rows = grid.head(HEADER_SEARCH_ROWS + 1)
    matches = [m for m in (find_header(rows, t) for t in tables) if m is not None and is_header(m)]
    if not matches:
        return None
    texts: dict[str, str] = {}
    for match in matches:
        for text in _match_texts(rows, match):
            texts.setdefault(header_key(text), text)
    payroll, bpjs = alias_table("payroll"), alias_table("bpjs")
    cells = tuple(HeaderCell(t, payroll.field_for(t), bpjs.field_for(t)) for t in texts.values())
    return SheetHeader(grid.name, grid.row_number(matches[0].index), cells)


def _match_texts(rows: list[Row], match: HeaderMatch) -> list[str]:
    """Every header cell as written, then the texts the alias table matched (a sub-header alone)."""
    return [*header_cells(rows, match), *match.texts.values()]


def _bpjs_columns(cells: Sequence[HeaderCell]) -> tuple[str, ...]:
    """For a file given as payroll: the BPJS-only columns showing it is a BPJS list, else ()."""
    if any(_payroll_only(c) for c in cells):
        return ()  # a position, a daily wage, an "Honor"...: a payroll, whatever else it has
    found = [c for c in cells if c.bpjs in BPJS_ONLY and c.payroll is None]
    fields = {c.bpjs for c in found}
    if any(c.payroll in WAGE_FIELDS for c in cells):  # "Upah" / "Gaji": also the wage BPJS reports
        enough = bool(fields & PREMIUMS) and bool(fields & REGISTRATION)
    else:
        enough = bool(fields & BPJS_DECISIVE) or len(fields) >= 2
    return tuple(c.text for c in found) if enough else ()


def _payroll_columns(cells: Sequence[HeaderCell]) -> tuple[str, ...]:
    """For a file given as the BPJS list: the payroll columns showing it is a payroll, else ()."""
    wages = [c for c in cells if c.payroll in WAGE_FIELDS]
    if not wages or any(c.bpjs in BPJS_DECISIVE for c in cells) or not any(_payroll_only(c) for c in cells):
        return ()  # "Upah" / "Gaji" alone is also the wage a BPJS list reports
    if any(c.bpjs in BPJS_ONLY for c in cells) and not any(_payroll_only(c) for c in wages):
        return ()  # a status or total column beside a wage BPJS reports: maybe a participant list
    return tuple(c.text for c in cells if c.payroll in PAYROLL_ONLY)


def _payroll_only(cell: HeaderCell) -> bool:
    """A column only a payroll has: the BPJS alias table does not know its header."""
    return cell.payroll in PAYROLL_ONLY and cell.bpjs is None
