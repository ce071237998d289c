"""The summary's history section: new, still open, explained and resolved findings, and the trend.

Reads the status codes the run ledger put on the findings (reconcile/ledger/history.py) and
`result.history` ("resolved", "trend"). A run without a ledger gets one line saying so.
"""

from __future__ import annotations

import pandas as pd

from reconcile.ledger.history import FindingStatus
from reconcile.report import styles
from reconcile.report.labels import Labels
from reconcile.report.layout_grid import LayoutGrid, link
from reconcile.report.summary_charts import trend_chart
from reconcile.report.table_sheet import AGE_ALERT_MONTHS
from reconcile.report.values import as_int, as_text
from reconcile.result import ReconResult

TWO_LINES_PT = 30.0


def status_counts(findings: pd.DataFrame) -> dict[str, int]:
    """Findings (rows) per status code, plus "old": open AGE_ALERT_MONTHS or more and not explained."""
    if "status" not in findings.columns:
        return {}
    status = findings["status"].astype(str)
    counts = {s.value: int((status == s.value).sum()) for s in FindingStatus}
    if "age_months" in findings.columns:
        age = pd.to_numeric(findings["age_months"], errors="coerce").fillna(0)
        counts["old"] = int(((age >= AGE_ALERT_MONTHS) & (status != FindingStatus.EXPLAINED.value)).sum())
    return counts


def has_history(result: ReconResult, findings: pd.DataFrame) -> bool:
    return bool(result.history) or "status" in findings.columns


def history_section(
    grid: LayoutGrid, result: ReconResult, findings: pd.DataFrame, L: Labels, resolved_sheet: str | None
) -> None:
    grid.section(L("summary.history"))
    if not has_history(result, findings):
        grid.line(L("summary.history.none"), font=styles.MUTED_FONT, alignment=styles.WRAP)
        return
    header = grid.header([L("summary.history.what"), L("summary.history.count"), L("summary.history.note")])
    grid.merge(header, 3, grid.width)
    counts = status_counts(findings)
    rows: list[tuple[str, int, str, bool]] = []  # label, count, note, needs action
    if counts:
        rows += [
            (L("summary.history.new"), counts["new"], L("summary.history.new.note"), False),
            (L("summary.history.reopened"), counts["reopened"], L("summary.history.reopened.note"), False),
            (L("summary.history.open"), counts["open"], L("summary.history.open.note"), False),
        ]
        if "old" in counts:
            old = L("summary.history.old", months=AGE_ALERT_MONTHS)
            rows.append((old, counts["old"], L("summary.history.old.note"), counts["old"] > 0))
        rows.append(
            (L("summary.history.explained"), counts["explained"], L("summary.history.explained.note"), False)
        )
    for label, count, note, action in rows:
        row = grid.add(
            [
                grid.cell(label, border=styles.GRID, fill=styles.ACTION_FILL if action else None),
                grid.cell(count, number_format=styles.RUPIAH, font=styles.BOLD, border=styles.GRID),
                grid.cell(note, font=styles.MUTED_FONT),
            ]
        )
        grid.merge(row, 3, grid.width)
    resolved = result.history.get("resolved")
    if resolved is not None:
        _resolved_row(grid, resolved, L, resolved_sheet)
    grid.blank()
    _trend(grid, result.history.get("trend"), L)


def _resolved_row(grid: LayoutGrid, resolved: pd.DataFrame, L: Labels, sheet: str | None) -> None:
    periods = sorted({p for p in resolved.get("period", pd.Series(dtype=str)).map(as_text) if p})
    label_text = (
        L("summary.history.resolved_since", period=periods[-1]) if periods else L("summary.history.resolved")
    )
    label = grid.cell(label_text, border=styles.GRID)
    if sheet:
        link(label, sheet)
    row = grid.add(
        [
            label,
            grid.cell(len(resolved), number_format=styles.RUPIAH, font=styles.BOLD, border=styles.GRID),
            grid.cell(L("summary.history.resolved.note"), font=styles.MUTED_FONT),
        ]
    )
    grid.merge(row, 3, grid.width)


def _trend(grid: LayoutGrid, trend: pd.DataFrame | None, L: Labels) -> None:
    periods = 0 if trend is None else len(trend)
    grid.section(L("summary.trend"), keep_rows=min(periods, 12) + 2)
    if trend is None or trend.empty:
        grid.line(L("summary.trend.one"), font=styles.MUTED_FONT)
        return
    keys = ["period", "gaps", "findings", "overpayment_idr"]
    header = grid.header([L(f"summary.trend.{k}") for k in keys])
    grid.heights[header] = TWO_LINES_PT  # bold headers run wider than the width estimate: leave room to wrap
    first = grid.next_row
    for record in trend.sort_values("period", kind="stable").to_dict("records"):
        grid.add(
            [
                grid.cell(as_text(record.get("period")), border=styles.GRID),
                grid.cell(as_int(record.get("gaps")), number_format=styles.RUPIAH, border=styles.GRID),
                grid.cell(as_int(record.get("findings")), number_format=styles.RUPIAH, border=styles.GRID),
                grid.cell(
                    as_int(record.get("overpayment_idr")), number_format=styles.RUPIAH, border=styles.GRID
                ),
            ]
        )
    last = grid.next_row - 1
    if periods < 2:
        grid.line(L("summary.trend.one"), font=styles.MUTED_FONT)
        return
    grid.blank()
    grid.reserve_for_chart(trend_chart(grid.ws, L("chart.trend"), header, first, last))
