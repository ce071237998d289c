"""The summary's key figures: coverage, exposure, and the money, with billed − due explained line by line.

The overpayment is shown with its four lines under it (for nobody on the payroll, for inactive
memberships, double billing, premiums billed above the rules), then what was billed below the
rules, the bills awaiting an identity decision and those for other months (arrears, paid in
advance) when there are any, then any remainder, so that billed − due = overpayment − billed below
+ to decide + other months + remainder can be checked on the page. Every line comes from
reconcile.summary; nothing is computed here.
When no BPJS input carries billing (a participant list), "billed" says so in words and the lines
that depend on it (billed − due, the overpayment and its parts) are left out; "due" stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reconcile.report import styles
from reconcile.report.labels import Labels
from reconcile.report.layout_grid import LayoutGrid
from reconcile.report.values import as_float, as_int
from reconcile.result import Summary
from reconcile.summary import OVERPAYMENT_LINES

TEXT_FORMAT = "@"


@dataclass(frozen=True)
class Figure:
    """One line of the key figures: the label key (its note is `<key>.note`), value, format, level."""

    key: str
    value: Any
    number_format: str
    part: bool = False  # a line of the figure above it: indented, not bold
    text: str = ""  # a label key shown instead of `value` (e.g. billing missing from the inputs)


def key_figures(s: Summary) -> list[Figure]:
    """The key figures in reading order; the remainder only when there is one."""
    rupiah, count = styles.RUPIAH, styles.RUPIAH
    figures = [
        Figure("fig.workers_on_payroll", s.workers_on_payroll, count),
        Figure("fig.insured", s.insured, count),
        Figure("fig.coverage", as_float(s.coverage_rate), styles.PERCENT),
        Figure("fig.uninsured", s.uninsured, count),
        *([Figure("fig.undecided", s.undecided, count)] if s.undecided else []),
        Figure("fig.exposure", as_int(s.exposure_idr), rupiah),
    ]
    if not s.billing_in_inputs:
        return [
            *figures,
            Figure("fig.billed", None, TEXT_FORMAT, text="fig.billed.missing"),
            Figure("fig.due", as_int(s.due_idr), rupiah),
        ]
    return figures + _money_figures(s)


def _money_figures(s: Summary) -> list[Figure]:
    """Billed, due, billed − due and its lines: the overpayment, billed below the rules, any remainder."""
    rupiah, lines = styles.RUPIAH, s.money_lines
    figures = [
        Figure("fig.billed", as_int(s.billed_idr), rupiah),
        Figure("fig.due", as_int(s.due_idr), rupiah),
        Figure("fig.billed_minus_due", as_int(s.billed_idr - s.due_idr), rupiah),
        Figure("fig.overpayment_month", as_int(s.overpayment_idr), rupiah),
        *(Figure(f"fig.over.{k}", as_int(lines.get(k, 0.0)), rupiah, part=True) for k in OVERPAYMENT_LINES),
        Figure("fig.overpayment_year", as_int(s.overpayment_idr * 12), rupiah),
        Figure("fig.under_billed", as_int(lines.get("under_billed", 0.0)), rupiah),
    ]
    to_decide = as_int(lines.get("identity_to_decide", 0.0))
    if to_decide:
        figures.append(Figure("fig.identity_to_decide", to_decide, rupiah))
    other_months = as_int(lines.get("arrears_other_months", 0.0))
    if other_months:
        figures.append(Figure("fig.arrears_other_months", other_months, rupiah))
    remainder = as_int(lines.get("remainder", 0.0))
    if remainder:
        figures.append(Figure("fig.remainder", remainder, rupiah))
    return figures


def write_key_figures(grid: LayoutGrid, s: Summary, L: Labels) -> None:
    """The "Angka utama" section: label, value (bold unless a part), and a note per line."""
    grid.section(L("summary.key_figures"))
    for figure in key_figures(s):
        row = grid.add(
            [
                grid.cell(
                    L(figure.key), alignment=styles.INDENT if figure.part else None, border=styles.GRID
                ),
                grid.cell(
                    L(figure.text) if figure.text else figure.value,
                    number_format=figure.number_format,
                    font=None if figure.part else styles.BOLD,
                    border=styles.GRID,
                ),
                grid.cell(L(f"{figure.key}.note"), font=styles.MUTED_FONT),
            ]
        )
        grid.merge(row, 3, grid.width)
