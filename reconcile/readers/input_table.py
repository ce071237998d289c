"""`read_input`: one payroll or BPJS file -> an InputTable of raw cell values under canonical names.

The sheets with a recognisable header are read, but not hidden ones nor, given the run's period,
other months' sheets, nor, beside a sheet with a complete header, a sheet whose header lacks the name
or NIK/KPJ column (`sheet_choice`): those are listed in `sheets_not_read` with the reason, and so
are visible sheets with content but no header (a recap, notes).
Sheets without a header are skipped. Values are kept as the file gave them (str, int, float,
date/datetime, None); typing them is the normalisers' job. `unit_hint` is the unit of a row without
a unit cell: the section heading above it ("A. DINAS KESEHATAN"), else the title's unit or file name.
Data rows that Excel hides (by hand, or by an active AutoFilter) are read like the others, and
counted and listed in `SheetInfo.hidden_data_rows` / `hidden_rows` so that the run can say so.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from reconcile.errors import InputError
from reconcile.model import SOURCE_COLUMNS, InputTable, SheetInfo, SheetNotRead, Side, StatedTotal
from reconcile.readers.aliases import IDENTITY_FIELDS, KIND_FIELDS, ROW_NO, AliasTable, alias_table
from reconcile.readers.cell_kinds import cell_array
from reconcile.readers.delimited import read_csv_grid
from reconcile.readers.discover import check_extension
from reconcile.readers.grid import Grid, is_empty
from reconcile.readers.header import (
    HEADER_SEARCH_ROWS,
    HeaderMatch,
    find_header,
    header_cells,
    is_header,
    most_header_like,
)
from reconcile.readers.period_check import title_periods
from reconcile.readers.sections import units_below
from reconcile.readers.sheet_choice import SheetCandidate, candidate, choose_sheets, header_rows
from reconcile.readers.structure import AMOUNT_FIELDS, classify, stated_head_count, total_label
from reconcile.readers.title import title_text, unit_from_title
from reconcile.readers.workbook import read_workbook

#: Hidden data rows listed per sheet (SheetInfo.hidden_rows, the manifest); the notice names fewer.
HIDDEN_ROWS_LISTED = 100


def read_input(path: Path, display_path: str, kind: Side, period: str | None = None) -> InputTable:
    """Read the sheets of `path` that hold its data; raise InputError when nothing usable is found.

    `period` (YYYY-MM), when given, leaves out sheets that name another month (see `sheet_choice`).
    """
    suffix = check_extension(Path(path), display_path)
    table = alias_table(kind)
    try:
        data = Path(path).read_bytes() if suffix == ".csv" else None
        sha256 = hashlib.sha256(data).hexdigest() if data is not None else _file_sha256(Path(path))
    except FileNotFoundError:
        raise InputError("file not found", path=display_path) from None
    except OSError as e:
        raise InputError(f"could not be read ({e.strerror})", path=display_path) from None
    if data is not None:
        grids = [read_csv_grid(data, display_path, table)]
    else:
        grids = read_workbook(Path(path), display_path)

    found = [(grid, find_header(grid.head(HEADER_SEARCH_ROWS + 1), table)) for grid in grids]
    candidates = [candidate(g, h, period) for g, h in found if h is not None and is_header(h)]
    used, not_read = choose_sheets(candidates, period)
    if not used:
        raise InputError(_nothing_to_read_message(grids, table, not_read), path=display_path)
    not_read += _without_header(found)
    fields = [f for f in (ROW_NO, *KIND_FIELDS[kind]) if any(f in c.header.columns for c in used)]
    frames, sheets = [], []
    for sheet in used:
        _require_columns(sheet, table, display_path)
        frame, info = _read_sheet(
            sheet, fields, display_path, months_by_section="period" in KIND_FIELDS[kind]
        )
        frames.append(frame)
        sheets.append(info)
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    return InputTable(
        path=display_path,
        kind=kind,
        sha256=sha256,
        sheets=tuple(sheets),
        frame=frame,
        sheets_not_read=tuple(not_read),
    )


def _file_sha256(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _require_columns(sheet: SheetCandidate, table: AliasTable, display_path: str) -> None:
    grid, header = sheet.grid, sheet.header
    found = "; ".join(header_cells(grid.head(header.data_start), header))
    row = f"header found in row {header_rows(grid, header)}: {found}"
    if "name" not in header.columns:
        raise InputError(
            f"missing the name column (accepted headers: {table.accepted('name')}); {row}",
            path=display_path,
            sheet=sheet.grid.name,
        )
    if not any(f in header.columns for f in IDENTITY_FIELDS):
        raise InputError(
            f"missing an identity column: nik (accepted headers: {table.accepted('nik')}) "
            f"or kpj (accepted headers: {table.accepted('kpj')}); {row}",
            path=display_path,
            sheet=sheet.grid.name,
        )


def _without_header(found: list[tuple[Grid, HeaderMatch | None]]) -> list[SheetNotRead]:
    """Visible sheets with content but no header of a list of workers (a recap, notes): left out, said."""
    return [
        SheetNotRead(name=grid.name, reason="no_header")
        for grid, header in found
        if not grid.hidden
        and (header is None or not is_header(header))
        and any(not is_empty(v) for row in grid.head(HEADER_SEARCH_ROWS) for v in row)
    ]


def _nothing_to_read_message(grids: list[Grid], table: AliasTable, not_read: list[SheetNotRead]) -> str:
    """Why no sheet is read: only hidden sheets hold a header, or none has one."""
    hidden = [s.name for s in not_read if s.reason == "hidden"]
    if not hidden:
        return _no_header_message(grids, table)
    names = ", ".join(repr(n) for n in hidden)
    return (
        f"expected a visible sheet with a header row; found one only in hidden sheet(s) {names}, "
        "which are not read; unhide the sheet with this period's data in Excel and save the file"
    )


def _no_header_message(grids: list[Grid], table: AliasTable) -> str:
    expected = (
        f"expected, within the first {HEADER_SEARCH_ROWS} rows, a header row with a name column "
        f"({table.accepted('name')}) and an nik ({table.accepted('nik')}) "
        f"or kpj ({table.accepted('kpj')}) column"
    )
    best: tuple[int, str, int, list[str]] = (-1, "", -1, [])
    for grid in grids:
        i, texts = most_header_like(grid.head(HEADER_SEARCH_ROWS), table)
        if i >= 0 and len(texts) > len(best[3]):
            best = (len(texts), grid.name, grid.row_number(i), texts)
    _, sheet, row, texts = best
    if not texts:
        return f"no header found: the file holds no text in its first rows; {expected}"
    where = f"sheet {sheet!r} row {row}" if sheet else f"line {row}"
    seen = ", ".join(repr(t[:40]) for t in texts[:15])
    return f"no header found; {expected}; the most header-like row ({where}) has: {seen}"


def _fill_merged_unit(grid: Grid, header: HeaderMatch) -> bool:
    """Calamine gives a merged unit cell's value to its top row only: copy it to the rows below.

    Returns whether any merge was filled.
    """
    c = header.columns.get("unit")
    if c is None:
        return False
    column = grid.columns[c]
    filled = False
    for r0, c0, r1, c1 in grid.merges:
        if c0 <= c <= c1 and header.data_start <= r0 < grid.height and r1 > r0:
            last = min(r1, grid.height - 1)
            column[r0 : last + 1] = [grid.columns[c0][r0]] * (last + 1 - r0)
            filled = True
    return filled


def _read_sheet(
    sheet: SheetCandidate, fields: list[str], display_path: str, *, months_by_section: bool = False
) -> tuple[pd.DataFrame, SheetInfo]:
    grid, header = sheet.grid, sheet.header
    start = header.data_start
    values = {f: cell_array(grid.columns[c], start) for f, c in header.columns.items()}
    # Rows are told apart before a merged unit cell is copied down: a repeated header or
    # column-number row that the merge runs through is still what it is, not a row with a unit.
    kinds = classify(lambda i: grid.row(start + i), values, header)
    keep = np.flatnonzero(kinds.data)
    if _fill_merged_unit(grid, header):
        values["unit"] = cell_array(grid.columns[header.columns["unit"]], start)
    row_numbers = _sheet_rows(grid, start, keep)
    hidden = _hidden_data_rows(grid, start, keep, row_numbers)
    title_unit = unit_from_title(sheet.titles) or Path(display_path).stem
    columns: dict[str, Any] = {
        "source_file": pd.Series([display_path] * len(keep), dtype=object),
        "source_sheet": pd.Series([grid.name] * len(keep), dtype=object),
        "source_row": pd.Series(row_numbers, dtype=np.int64),
        "unit_hint": pd.Series(
            _unit_hints(kinds.sections, values.get("unit"), keep, title_unit), dtype=object
        ),
    }
    for f in fields:
        column = values[f][keep] if f in values else [None] * len(keep)
        columns[f] = pd.Series(column, dtype=object)
    if months_by_section and (months := _section_months(kinds.sections, keep)) is not None:
        given = columns.get("period", pd.Series([None] * len(keep), dtype=object))
        columns["period"] = given.where(given.notna(), pd.Series(months, dtype=object))
    frame = pd.DataFrame(columns)
    assert list(frame.columns[: len(SOURCE_COLUMNS)]) == SOURCE_COLUMNS
    info = SheetInfo(
        name=grid.name,
        header_row=grid.row_number(header.index),
        columns=dict(header.texts),
        data_rows=len(keep),
        skipped_rows=grid.height - start - len(keep),
        title_text=title_text(sheet.titles),
        periods=tuple(sorted(sheet.month.periods)),
        period_source=sheet.month.source,
        stated_totals=_stated_totals(grid, header, np.flatnonzero(kinds.totals) + start),
        hidden_data_rows=len(hidden),
        hidden_rows=tuple(hidden[:HIDDEN_ROWS_LISTED].tolist()),
    )
    return frame, info


def _hidden_data_rows(grid: Grid, start: int, keep: np.ndarray, row_numbers: np.ndarray) -> np.ndarray:
    """The sheet rows of the kept data rows that Excel hides (by hand or by an AutoFilter), in order.

    Hidden title, total or signature rows are not data rows, so they are not among them.
    """
    if not grid.hidden_rows:
        return np.empty(0, dtype=np.int64)
    return row_numbers[np.isin(keep + start, np.asarray(grid.hidden_rows, dtype=np.int64))]


def _section_months(sections: np.ndarray, keep: np.ndarray) -> np.ndarray | None:
    """The month each kept row's section heading names ("B. TUNGGAKAN IURAN BULAN APRIL 2024" gives
    "2024-04"), None under a heading naming none or several; None when no heading names one. A BPJS
    bill puts arrears under their own heading instead of a PERIODE column (classify.arrears)."""
    below = units_below(sections)[keep]
    named = {text: title_periods(str(text)) for text in set(below.tolist()) if text is not None}
    months = {text: next(iter(p)) for text, p in named.items() if len(p) == 1}
    if not months:
        return None
    return np.array([months.get(text) for text in below.tolist()], dtype=object)


def _unit_hints(
    sections: np.ndarray, unit: np.ndarray | None, keep: np.ndarray, title_unit: str
) -> np.ndarray:
    """The unit of each kept row when its unit cell is empty: the section heading above it
    ("A. DINAS KESEHATAN"), else the unit the title rows name (else the file name). A row whose unit
    column has a value keeps the title's unit: its own unit is decided from that value."""
    hints = units_below(sections)[keep]
    if unit is not None:
        hints[pd.notna(unit[keep])] = None
    hints[pd.isna(hints)] = title_unit
    return hints


def _sheet_rows(grid: Grid, start: int, positions: np.ndarray) -> np.ndarray:
    """The 1-based sheet rows of the rows at `positions` under the header (which starts at `start`)."""
    if grid.row_numbers is None:
        return positions + start + 1
    return np.asarray(grid.row_numbers[start:], dtype=np.int64)[positions]


def _stated_totals(grid: Grid, header: HeaderMatch, indices: np.ndarray) -> tuple[StatedTotal, ...]:
    """What the total rows at grid `indices` state in the amount columns and as a head count ("45
    ORANG"); rows stating neither are left out."""
    amount_columns = {f: c for f, c in header.columns.items() if f in AMOUNT_FIELDS}
    stated = []
    for i in indices.tolist():
        cells = grid.row(i)
        amounts = {f: cells[c] for f, c in amount_columns.items() if c < len(cells)}
        amounts = {f: v for f, v in amounts.items() if not is_empty(v)}
        people = stated_head_count(cells)
        if amounts or people is not None:
            label = total_label(cells)
            stated.append(StatedTotal(row=grid.row_number(i), label=label, cells=amounts, people=people))
    return tuple(stated)
