"""The "Ringkasan" sheet: what a reader must see first, and links to every detail sheet."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from reconcile.categories import CATEGORY_ORDER, Category
from reconcile.report import styles
from reconcile.report.distinct import distinct
from reconcile.report.labels import Labels
from reconcile.report.layout_grid import LayoutGrid, link
from reconcile.report.page_setup import apply_print, prepare_print
from reconcile.report.summary_charts import coverage_chart, findings_chart
from reconcile.report.summary_figures import write_key_figures
from reconcile.report.summary_history import history_section
from reconcile.report.summary_notices import TALL_ROW_PT, incomplete_banner, incomplete_details, notices_box
from reconcile.report.summary_policy import policy_lines
from reconcile.report.values import as_int, as_text
from reconcile.result import InputOutcome, ReconResult
from reconcile.summary import SIGNED_CATEGORIES

WIDTHS = [44, 18, 16, 16, 16, 18, 18, 16, 12]  # columns A..I
TOP_UNINSURED = 10
CHART_UNITS = 25  # more bars than this are unreadable; the table below lists every unit
GAP_CATEGORIES = (Category.UNREGISTERED, Category.INACTIVE)
WAGE_CATEGORIES = (Category.WAGE_MISMATCH,)  # their amounts are wages, not money paid or billed


@dataclass(frozen=True)
class SheetLinks:
    """Titles of the sheets the summary links to (a category without findings has none)."""

    categories: dict[Category, str]
    warnings: str
    matches: str
    explain: str
    resolved: str | None = None  # the "Selesai" sheet, when the run had a ledger


def write_summary(
    wb: Workbook,
    result: ReconResult,
    findings: pd.DataFrame,
    labels: Labels,
    links: SheetLinks,
    *,
    generated_at: dt.datetime,
) -> None:
    """Write the summary as the next sheet of `wb` (call it first, so it is the first tab)."""
    ws = wb.create_sheet(labels("sheet.summary"))
    for i, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    prepare_print(ws)
    grid = LayoutGrid(ws, WIDTHS)
    L = labels
    grid.heights[grid.line(L("summary.title", period=result.period), font=styles.TITLE_FONT)] = TALL_ROW_PT
    incomplete_banner(grid, result.excluded_inputs, L)  # row 2 then: repeated on every printed page
    incomplete_details(grid, result.excluded_inputs, L)
    _balance_banner(grid, result, L)
    grid.blank()
    _header_block(grid, result, L, generated_at)
    notices_box(grid, result.notices, L)
    grid.blank()
    _inputs_table(grid, result, L)
    grid.blank()
    write_key_figures(grid, result.summary, L)
    grid.blank()
    _categories_table(grid, result, L, links)
    grid.blank()
    history_section(grid, result, findings, L, links.resolved)
    grid.blank()
    _units_table(grid, result, L)
    grid.blank()
    _top_uninsured(grid, findings, L)
    grid.blank()
    _more(grid, result, L, links)
    grid.flush()
    apply_print(ws, labels, period=result.period, run_id=result.run_id, title_rows="1:2")


def _balance_banner(grid: LayoutGrid, result: ReconResult, L: Labels) -> None:
    rows = sum(i.rows_read for i in result.inputs)
    if result.balanced:
        text, fill = L("summary.balance_ok", rows=L.number(rows)), styles.OK_FILL
    else:
        bad = ", ".join(i.path for i in result.inputs if not i.balanced)
        text, fill = L("summary.balance_bad", files=bad), styles.ALARM_FILL
    grid.line(text, font=styles.BANNER_FONT, fill=fill, alignment=styles.HEADER_ALIGN)


def _pair(
    grid: LayoutGrid, label: str, value: Any, number_format: str | None = None, *, indent: bool = False
) -> int:
    row = grid.add(
        [
            grid.cell(label, font=styles.BOLD, alignment=styles.INDENT if indent else None),
            grid.cell(value, number_format=number_format, alignment=styles.LEFT),
        ]
    )
    grid.merge(row, 2, grid.width)
    return row


def _header_block(grid: LayoutGrid, result: ReconResult, L: Labels, generated_at: dt.datetime) -> None:
    _pair(grid, L("summary.period"), result.period)
    _pair(grid, L("summary.employer"), employer_text(result.employer, L))
    _pair(grid, L("summary.policy"), None if result.policy else "-")
    for line in policy_lines(result.policy, L):
        _pair(grid, line.label, line.value, line.number_format, indent=True)
    _pair(grid, L("summary.run_time"), generated_at.replace(tzinfo=None), styles.DATETIME)
    _pair(grid, L("summary.run_id"), result.run_id)


def employer_text(employer: dict[str, str], L: Labels) -> str:
    """NPP and name as the BPJS title rows state them; a part they do not state is left out, not "-"."""
    npp, name = employer.get("npp", ""), employer.get("name", "")
    if npp and name:
        return L("summary.employer_value", npp=npp, name=name)
    if npp:
        return L("summary.employer_npp", npp=npp)
    return name or "-"


def _inputs_table(grid: LayoutGrid, result: ReconResult, L: Labels) -> None:
    grid.section(L("summary.inputs"))
    keys = [
        "file",
        "kind",
        "sheets",
        "rows_read",
        "paired",
        "findings_only",
        "rejected",
        "no_action",
        "balanced",
    ]
    grid.header([L(f"summary.inputs.{k}") for k in keys])
    for item in result.inputs:
        cells = [
            grid.cell(item.path, alignment=styles.WRAP, border=styles.GRID),
            grid.cell(
                L(f"kind.{item.kind}") if item.kind in ("payroll", "bpjs") else item.kind, border=styles.GRID
            ),
            grid.cell(sheets_text(item, L), alignment=styles.WRAP, border=styles.GRID),
        ]
        for number in (item.rows_read, item.paired, item.findings_only, item.rejected, item.no_action):
            cells.append(grid.cell(number, number_format=styles.RUPIAH, border=styles.GRID))
        ok = L("summary.yes") if item.balanced else L("summary.no")
        cells.append(
            grid.cell(
                ok, font=styles.BOLD, fill=None if item.balanced else styles.ACTION_FILL, border=styles.GRID
            )
        )
        grid.add(cells)
    if not result.inputs:
        grid.line(L("empty.inputs"), font=styles.MUTED_FONT)


def sheets_text(item: InputOutcome, L: Labels) -> str:
    """Each sheet read, with its data rows: "Mei 2024 (7), Juni (4)"; a CSV file has no sheet name."""
    parts = []
    for sheet in item.sheets:
        name = str(sheet.get("sheet") or "") or L("summary.inputs.csv")
        rows = as_int(sheet.get("data_rows"))
        parts.append(name if rows is None else f"{name} ({L.number(rows)})")
    return ", ".join(parts) or "-"


def _categories_table(grid: LayoutGrid, result: ReconResult, L: Labels, links: SheetLinks) -> None:
    s = result.summary
    grid.section(L("summary.findings"))
    header = grid.header(
        [
            L("summary.findings.category"),
            L("summary.findings.count"),
            L("summary.findings.idr"),
            L("summary.findings.action"),
        ]
    )
    grid.merge(header, 4, grid.width)
    first = grid.next_row
    total = 0
    for category in CATEGORY_ORDER:
        count = int(s.counts.get(str(category), 0))
        total += count
        label = grid.cell(L(f"cat.{category}"), border=styles.GRID)
        if count and category in links.categories:
            link(label, links.categories[category])
        action = L(f"cat.{category}.action") if count else L("summary.no_action")
        row = grid.add(
            [
                label,
                grid.cell(count, number_format=styles.RUPIAH, border=styles.GRID),
                _amount_cell(grid, category, as_int(s.amounts.get(str(category), 0.0)) or 0, L),
                grid.cell(
                    action,
                    font=styles.BOLD if count else styles.MUTED_FONT,
                    fill=styles.ACTION_FILL if count else None,
                    border=styles.GRID,
                ),
            ]
        )
        grid.merge(row, 4, grid.width)
    last = grid.next_row - 1
    grid.add(
        [
            grid.cell(L("summary.total"), font=styles.BOLD, border=styles.GRID),
            grid.cell(total, number_format=styles.RUPIAH, font=styles.BOLD, border=styles.GRID),
        ]
    )
    if total == 0:
        grid.line(L("empty.findings"), font=styles.BOLD)
    for text in signed_notes(result, L):
        grid.line(text, font=styles.MUTED_FONT, alignment=styles.WRAP)
    grid.blank()
    grid.reserve_for_chart(findings_chart(grid.ws, L("chart.findings"), first, last))


def _amount_cell(grid: LayoutGrid, category: Category, amount: int, L: Labels) -> WriteOnlyCell:
    """The Rupiah of a category: money, except for wage differences, which are written as a text
    marked "upah" (wages), so nobody reads or adds them as contribution money."""
    if category in WAGE_CATEGORIES:
        text = L("summary.findings.wage_idr", idr=L.number(amount))
        return grid.cell(text, font=styles.MUTED_FONT, alignment=styles.RIGHT_SHRINK, border=styles.GRID)
    return grid.cell(amount, number_format=styles.RUPIAH, border=styles.GRID)


def signed_notes(result: ReconResult, L: Labels) -> list[str]:
    """Under the categories table: differences below and above the rules apart, never netted."""
    notes = []
    for category in SIGNED_CATEGORIES:
        split = result.summary.signed.get(str(category))
        if split is None or not (split.below_rows or split.above_rows):
            continue
        parts = [
            L(f"summary.signed.{category}.{direction}", idr=L.number(as_int(idr) or 0), rows=L.number(rows))
            for direction, rows, idr in (
                ("below", split.below_rows, split.below_idr),
                ("above", split.above_rows, split.above_idr),
            )
            if rows
        ]
        note = "summary.signed.wages" if category in WAGE_CATEGORIES else "summary.signed"
        notes.append(L(note, category=L(f"cat.{category}"), parts="; ".join(parts)))
    return notes


def _units_table(grid: LayoutGrid, result: ReconResult, L: Labels) -> None:
    grid.section(L("summary.units"))
    keys = ["unit", "workers", "insured", "uninsured", "coverage", "exposure_idr", "billed_idr"]
    grid.header([L(f"summary.units.{k}") for k in keys])
    units = result.units
    if units.empty:
        grid.line(L("empty.units"), font=styles.MUTED_FONT)
        return
    units = units.sort_values(["uninsured", "unit"], ascending=[False, True], kind="stable")
    first = grid.next_row
    for record in units.to_dict("records"):
        workers = as_int(record.get("workers")) or 0
        insured = as_int(record.get("insured")) or 0
        coverage = round(insured / workers, 4) if workers else None
        grid.add(
            [
                grid.cell(as_text(record.get("unit")) or "-", alignment=styles.WRAP, border=styles.GRID),
                grid.cell(workers, number_format=styles.RUPIAH, border=styles.GRID),
                grid.cell(insured, number_format=styles.RUPIAH, border=styles.GRID),
                grid.cell(as_int(record.get("uninsured")), number_format=styles.RUPIAH, border=styles.GRID),
                grid.cell(coverage, number_format=styles.PERCENT, border=styles.GRID),
                grid.cell(
                    as_int(record.get("exposure_idr")), number_format=styles.RUPIAH, border=styles.GRID
                ),
                grid.cell(as_int(record.get("billed_idr")), number_format=styles.RUPIAH, border=styles.GRID),
            ]
        )
    last = min(grid.next_row - 1, first + CHART_UNITS - 1)
    _units_total(grid, units, result, L)
    grid.blank()
    title = L("chart.coverage") if len(units) <= CHART_UNITS else L("chart.coverage_top", n=CHART_UNITS)
    grid.reserve_for_chart(coverage_chart(grid.ws, title, first, last))


def _units_total(grid: LayoutGrid, units: pd.DataFrame, result: ReconResult, L: Labels) -> None:
    """Below the units: what was billed for nobody on any unit's payroll, then the totals, so that
    the table adds up to the key figures (workers on the payroll, total billed)."""
    total = {k: float(units[k].fillna(0).sum()) for k in ("workers", "insured", "uninsured", "exposure_idr")}
    elsewhere = round(float(result.summary.billed_idr) - float(units["billed_idr"].fillna(0).sum()))
    if elsewhere:
        blank = [grid.cell(None, border=styles.GRID) for _ in range(5)]
        amount = grid.cell(elsewhere, number_format=styles.RUPIAH, border=styles.GRID)
        grid.add(
            [grid.cell(L("summary.units.no_unit"), alignment=styles.WRAP, border=styles.GRID), *blank, amount]
        )

    def bold(value: object, number_format: str = styles.RUPIAH) -> WriteOnlyCell:
        return grid.cell(value, number_format=number_format, font=styles.BOLD, border=styles.GRID)

    coverage = round(total["insured"] / total["workers"], 4) if total["workers"] else None
    grid.add(
        [
            grid.cell(L("summary.units.total"), font=styles.BOLD, border=styles.GRID),
            bold(round(total["workers"])),
            bold(round(total["insured"])),
            bold(round(total["uninsured"])),
            bold(coverage, styles.PERCENT),
            bold(round(total["exposure_idr"])),
            bold(round(float(result.summary.billed_idr))),
        ]
    )


def _top_uninsured(grid: LayoutGrid, findings: pd.DataFrame, L: Labels) -> None:
    grid.section(L("summary.top_uninsured", n=TOP_UNINSURED))
    keys = ["name", "nik", "unit", "category", "exposure_idr", "payroll_file", "payroll_sheet", "payroll_row"]
    grid.header([L(f"col.{k}") for k in keys])
    gaps = findings[findings["category"].isin([str(c) for c in GAP_CATEGORIES])]
    if gaps.empty:
        grid.line(L("empty.uninsured"), font=styles.MUTED_FONT)
        return
    order = distinct(gaps["exposure_idr"]).convert(lambda v: as_int(v) or 0)
    top = gaps.assign(_order=order).sort_values("_order", ascending=False, kind="stable").head(TOP_UNINSURED)
    for record in top.to_dict("records"):
        grid.add(
            [
                grid.cell(as_text(record.get("name")), alignment=styles.WRAP, border=styles.GRID),
                grid.cell(as_text(record.get("nik")), border=styles.GRID),
                grid.cell(as_text(record.get("unit")), alignment=styles.WRAP, border=styles.GRID),
                grid.cell(L(f"cat.{record['category']}"), border=styles.GRID),
                grid.cell(
                    as_int(record.get("exposure_idr")), number_format=styles.RUPIAH, border=styles.GRID
                ),
                grid.cell(as_text(record.get("payroll_file")), alignment=styles.WRAP, border=styles.GRID),
                grid.cell(as_text(record.get("payroll_sheet")), border=styles.GRID),
                grid.cell(as_int(record.get("payroll_row")), border=styles.GRID),
            ]
        )


def _more(grid: LayoutGrid, result: ReconResult, L: Labels, links: SheetLinks) -> None:
    lines = [
        (L("summary.more.warnings", n=L.number(len(result.warnings))), links.warnings),
        (
            L(
                "summary.more.matches",
                n=L.number(int((result.matches["match_method"].astype(str) != "nik").sum())),
                total=L.number(len(result.matches)),
            ),
            links.matches,
        ),
        (L("summary.more.explain"), links.explain),
    ]
    for text, target in lines:
        row = grid.add([link(grid.cell(text), target)])
        grid.merge(row, 1, grid.width)
