"""Write one unit's payroll file (xlsx with one sheet per section, or CSV) and report row positions."""

from __future__ import annotations

import random
from pathlib import Path

from sample_data.formats import date_cell, date_text, last_day, money_cell, numeric_nik, period_title
from sample_data.grid import Grid, write_csv, write_xlsx
from sample_data.layouts import PayrollLayout
from sample_data.records import Location, PayrollRecord
from sample_data.signatures import add_signature_block
from sample_data.units import Unit

SUB_BIDANG = ["Sekretariat", "Bidang Program", "Bidang Pelayanan", "Bidang Umum", "UPTD"]
WIDTHS = {
    "no": 5,
    "name": 32,
    "nik": 20,
    "ttl": 30,
    "birth_place": 16,
    "birth_date": 13,
    "unit": 26,
    "position": 22,
    "monthly_wage": 15,
    "daily_wage": 13,
    "days_worked": 8,
    "amount": 15,
    "sign": 14,
    "note": 12,
    "bank": 16,
}


def write_payroll(
    out_dir: Path,
    unit: Unit,
    layout: PayrollLayout,
    records: list[PayrollRecord],
    period: str,
    rng: random.Random,
) -> dict[str, Location]:
    """Write the unit's file under out_dir/payroll and return where each record landed."""
    suffix = "csv" if layout.csv else "xlsx"
    rel = f"payroll/{unit.key}.{suffix}"
    sheets: list[tuple[str, Grid]] = []
    where: dict[str, Location] = {}
    for section, sheet_name in enumerate(layout.sheet_names):
        chunk = [r for r in records if r.section == section or len(layout.sheet_names) == 1]
        section_name = unit.sections[section] if section < len(unit.sections) else ""
        grid, rows = _sheet_grid(unit, layout, chunk, period, section_name, rng)
        sheets.append((sheet_name, grid))
        where.update({rid: Location(rel, sheet_name, row) for rid, row in rows.items()})
    path = out_dir / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if layout.csv:
        write_csv(path, sheets[0][1], layout.csv_delimiter, layout.csv_encoding)
    else:
        write_xlsx(path, sheets)
    return where


def _sheet_grid(
    unit: Unit,
    layout: PayrollLayout,
    records: list[PayrollRecord],
    period: str,
    section: str,
    rng: random.Random,
) -> tuple[Grid, dict[str, int]]:
    fields = layout.fields
    grid = Grid(width=len(fields))
    year = period[:4]
    for template in layout.title_lines:
        text = template.format(
            unit=unit.name,
            UNIT=unit.name.upper(),
            period=period_title(period),
            PERIOD=period_title(period).upper(),
            section=section,
            year=year,
        )
        if "{section}" in template and not section:
            continue
        r = grid.add([text], bold=True)
        if layout.merge_titles and text:
            grid.merges.append((r, 1, r, grid.width))
    for _ in range(layout.blank_rows):
        grid.add()
    _header(grid, layout)
    if layout.column_numbers:
        grid.add(list(range(1, grid.width + 1)), boxed=True)
    for c, f in enumerate(fields, start=1):
        grid.widths[c] = WIDTHS.get(f, 12)
        if f in ("monthly_wage", "daily_wage", "amount"):
            grid.formats[c] = "#,##0"
        elif f == "birth_date":
            grid.formats[c] = "dd mmmm yyyy" if layout.recipe.startswith("alt") else "dd/mm/yyyy"
        elif f == "nik":
            grid.formats[c] = "0"
    rows: dict[str, int] = {}
    for no, rec in enumerate(records, start=1):
        rows[rec.rid] = grid.add([_cell(f, rec, no, layout, rng) for f in fields], boxed=True, data=True)
    _total(grid, layout, records)
    name_col = fields.index("name") + 1
    add_signature_block(
        grid,
        rng,
        left=name_col,
        right=max(grid.width - 1, name_col + 2),
        city=layout.city,
        on=last_day(period),
        head=unit.head,
        treasurer=layout.treasurer,
    )
    return grid, rows


def _header(grid: Grid, layout: PayrollLayout) -> None:
    heads = [c.header for c in layout.columns]
    if not layout.two_row_header:
        grid.add(heads, bold=True, boxed=True)
        return
    fields = layout.fields
    bp, bd = fields.index("birth_place"), fields.index("birth_date")
    top = list(heads)
    top[bp], top[bd] = "Tempat/Tgl Lahir", None
    r = grid.add(top, bold=True, boxed=True)
    sub: list[object] = [None] * grid.width
    sub[bp], sub[bd] = heads[bp], heads[bd]
    grid.add(sub, bold=True, boxed=True)
    for c in range(grid.width):
        if c == bp:
            grid.merges.append((r, c + 1, r, bd + 1))
        elif c != bd:
            grid.merges.append((r, c + 1, r + 1, c + 1))


def _cell(field: str, rec: PayrollRecord, no: int, layout: PayrollLayout, rng: random.Random) -> object:
    p = rec.person
    match field:
        case "no":
            return no
        case "name":
            return rec.name.upper() if layout.name_upper else rec.name
        case "nik":
            if rec.nik is None:
                return None
            if layout.nik_numeric:
                assert rec.precision_loss or rec.nik.endswith("0"), rec.rid
                return numeric_nik(rec.nik)
            return rec.nik
        case "birth_date":
            return date_cell(rec.birth_date, layout.date_style)
        case "birth_place":
            return p.birth_place if rec.birth_date else None
        case "ttl":
            if rec.birth_date is None:
                return None
            return f"{p.birth_place}{layout.ttl_separator}{date_text(rec.birth_date, layout.date_style)}"
        case "unit":
            header = next(c.header for c in layout.columns if c.field == "unit")
            return rng.choice(SUB_BIDANG) if header == "Bidang" else rec.unit_name
        case "position":
            return rec.position
        case "monthly_wage":
            return rec.wage_text or money_cell(rec.monthly_wage or 0, layout.money_style)
        case "daily_wage":
            return rec.wage_text or money_cell(rec.daily_wage or 0, layout.money_style)
        case "days_worked":
            return rec.days_worked
        case "amount":
            return (
                None
                if rec.wage_text
                else money_cell((rec.daily_wage or 0) * (rec.days_worked or 0), layout.money_style)
            )
        case "sign":
            return f"{no}. ......"
        case "note":
            return None
        case "bank":
            return f"380{rng.randrange(10**9):09d}{rng.randint(0, 9)}"
    raise ValueError(field)


def _total(grid: Grid, layout: PayrollLayout, records: list[PayrollRecord]) -> None:
    fields = layout.fields
    row: list[object] = [None] * grid.width
    name_col = fields.index("name")
    row[0 if fields[0] == "no" else name_col] = layout.total_label
    sums = {
        "monthly_wage": sum(r.monthly_wage or 0 for r in records if not r.wage_text),
        "amount": sum((r.daily_wage or 0) * (r.days_worked or 0) for r in records if not r.wage_text),
    }
    for f, total in sums.items():
        if f in fields:
            row[fields.index(f)] = money_cell(total, layout.money_style)
    r = grid.add(row, bold=True, boxed=True, data=True)
    if fields[0] == "no" and name_col > 0 and not layout.csv:
        grid.merges.append((r, 1, r, name_col + 1))
