"""The report workbook: summary first, one sheet per category with findings, then the supporting sheets.

The whole workbook is written in openpyxl's write-only mode: it streams detail rows of any length, and
still carries charts, merged cells, internal hyperlinks, conditional formats and print settings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from reconcile.categories import CATEGORY_ORDER, Category
from reconcile.report.detail_columns import (
    COLUMNS,
    MATCH_ORDER,
    PRIMARY_AMOUNT,
    WARNING_COLUMNS,
    Column,
    category_columns,
)
from reconcile.report.labels import Labels
from reconcile.report.sheet_explain import write_explain
from reconcile.report.sheet_summary import SheetLinks, write_summary
from reconcile.report.table_sheet import MAX_DATA_ROWS, TableSpec, sheet_titles, write_table
from reconcile.report.values import as_int, is_missing
from reconcile.result import ReconResult


def _filled(frame: pd.DataFrame, key: str) -> bool:
    return key in frame.columns and not frame[key].map(is_missing).all()


def _category_spec(category: Category, rows: pd.DataFrame, labels: Labels) -> TableSpec:
    always, optional = category_columns(category)
    keys = [k for k in [*always, *optional] if k in always or _filled(rows, k)]
    primary = PRIMARY_AMOUNT.get(category)
    if primary and primary in rows.columns:
        magnitude = rows[primary].map(lambda v: abs(as_int(v) or 0))
        rows = rows.assign(_order=magnitude).sort_values("_order", ascending=False, kind="stable")
    title = labels("sheet.rejected") if category == Category.INVALID_ROW else labels(f"cat.{category}")
    return _spec(title, rows, [COLUMNS[k] for k in keys], labels, databar=primary)


def _spec(title: str, frame: pd.DataFrame, columns: list[Column], labels: Labels, **kw: object) -> TableSpec:
    headers = [labels(c.label_key) for c in columns]
    return TableSpec(title, frame, columns, headers, labels("empty.rows"), **kw)  # type: ignore[arg-type]


def build_workbook(
    result: ReconResult,
    findings: pd.DataFrame,
    matches: pd.DataFrame,
    warnings: pd.DataFrame,
    labels: Labels,
    path: Path,
    *,
    generated_at: dt.datetime,
    max_rows: int = MAX_DATA_ROWS,
) -> list[str]:
    """Write the workbook to `path` from (possibly masked) frames; returns the sheet titles in order."""
    by_category = {c: findings[findings["category"] == str(c)] for c in CATEGORY_ORDER}
    specs = [
        _category_spec(c, rows, labels)
        for c, rows in by_category.items()
        if c != Category.INVALID_ROW and not rows.empty
    ]
    specs.append(_category_spec(Category.INVALID_ROW, by_category[Category.INVALID_ROW], labels))
    specs.append(_spec(labels("sheet.warnings"), warnings, WARNING_COLUMNS, labels))
    match_columns = [COLUMNS[k] for k in MATCH_ORDER]
    specs.append(_spec(labels("sheet.matches"), matches, match_columns, labels))

    first_titles = {
        spec.title: sheet_titles(spec.title, max(1, -(-len(spec.frame) // max_rows)))[0] for spec in specs
    }
    category_links = {
        c: first_titles[labels("sheet.rejected") if c == Category.INVALID_ROW else labels(f"cat.{c}")]
        for c, rows in by_category.items()
        if not rows.empty
    }
    links = SheetLinks(
        categories=category_links,
        warnings=first_titles[labels("sheet.warnings")],
        matches=first_titles[labels("sheet.matches")],
        explain=labels("sheet.explain"),
    )

    wb = Workbook(write_only=True)
    write_summary(wb, result, findings, labels, links, generated_at=generated_at)
    titles = [labels("sheet.summary")]
    for spec in specs:
        titles += write_table(wb, spec, labels, period=result.period, run_id=result.run_id, max_rows=max_rows)
    titles.append(write_explain(wb, labels, period=result.period, run_id=result.run_id))
    wb.save(path)
    return titles
