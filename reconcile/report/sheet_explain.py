"""The "Penjelasan" sheet: what each category means, how each figure is computed, and the rules behind it."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from reconcile.categories import CATEGORY_ORDER
from reconcile.report import styles
from reconcile.report.labels import Labels
from reconcile.report.layout_grid import LayoutGrid
from reconcile.report.page_setup import apply_print, prepare_print

WIDTHS = [30, 90, 28]
FIGURES = (
    "fig.workers_on_payroll",
    "fig.insured",
    "fig.coverage",
    "fig.uninsured",
    "fig.exposure",
    "fig.billed",
    "fig.due",
    "fig.billed_minus_due",
    "fig.overpayment_month",
    "fig.overpayment_year",
    "fig.under_billed",
    "fig.identity_to_decide",
    "fig.arrears_other_months",
    "fig.remainder",
)
REGULATIONS = ("pp44_2015", "pp45_46_2015", "pp82_2019", "pp49_2020", "pp49_2023", "uu27_2022")
NOTES = ("rows", "balance", "status", "incomplete", "masking", "masking_ids", "safety")


def write_explain(wb: Workbook, labels: Labels, *, period: str, run_id: str) -> str:
    """Append the explanation sheet; returns its title."""
    L = labels
    ws = wb.create_sheet(L("sheet.explain"))
    for i, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    prepare_print(ws)
    grid = LayoutGrid(ws, WIDTHS)
    grid.line(L("explain.title"), font=styles.TITLE_FONT)
    grid.blank()

    def rows(heading: str, entries: list[tuple[str, str, str]]) -> None:
        grid.section(heading)
        grid.header([L("explain.col.term"), L("explain.col.meaning"), L("explain.col.basis")])
        for term, meaning, basis in entries:
            grid.add(
                [
                    grid.cell(term, font=styles.BOLD, alignment=styles.WRAP, border=styles.GRID),
                    grid.cell(meaning, alignment=styles.WRAP, border=styles.GRID),
                    grid.cell(basis, alignment=styles.WRAP, border=styles.GRID),
                ]
            )
        grid.blank()

    rows(
        L("explain.categories"),
        [
            (
                L(f"cat.{c}"),
                L(f"cat.{c}.meaning") + " " + L("explain.action", action=L(f"cat.{c}.action")),
                L(f"cat.{c}.basis"),
            )
            for c in CATEGORY_ORDER
        ],
    )
    rows(L("explain.figures"), [(L(k), L(f"{k}.how"), L(f"{k}.basis")) for k in FIGURES])
    rows(L("explain.notes"), [(L(f"note.{k}"), L(f"note.{k}.text"), L(f"note.{k}.basis")) for k in NOTES])
    rows(L("explain.regulations"), [(L(f"reg.{k}"), L(f"reg.{k}.text"), "") for k in REGULATIONS])
    grid.flush()
    apply_print(ws, labels, period=period, run_id=run_id, title_rows=None)
    return ws.title
