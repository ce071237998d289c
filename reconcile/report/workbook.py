"""The report workbook: summary first, one sheet per category with findings, then the supporting sheets.

The whole workbook is written in openpyxl's write-only mode: it streams detail rows of any length, and
still carries charts, merged cells, internal hyperlinks, conditional formats and print settings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile

import pandas as pd
from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from reconcile.categories import CATEGORY_ORDER, Category
from reconcile.ledger.history import FindingStatus
from reconcile.report.detail_columns import (
    COLUMNS,
    MATCH_ORDER,
    PRIMARY_AMOUNT,
    RESOLVED_COLUMNS,
    RESOLVED_OPTIONAL,
    WARNING_COLUMNS,
    Column,
    category_columns,
    header_key,
)
from reconcile.report.distinct import distinct
from reconcile.report.labels import Labels
from reconcile.report.sheet_explain import write_explain
from reconcile.report.sheet_summary import SheetLinks, write_summary
from reconcile.report.table_sheet import MAX_DATA_ROWS, TableSpec, sheet_titles, write_table
from reconcile.report.values import as_int, is_missing
from reconcile.result import ReconResult


def _filled(frame: pd.DataFrame, key: str) -> bool:
    if key not in frame.columns:
        return False
    return not all(is_missing(v) for v in distinct(frame[key]).values)


def translate_status(frame: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """`frame` with its status codes (new / open / explained) shown in the report's language."""
    if "status" not in frame.columns:
        return frame
    names = {s.value: labels(f"status.{s.value}") for s in FindingStatus}
    return frame.assign(
        status=frame["status"].map(lambda v: names.get(str(v), v) if not is_missing(v) else v)
    )


def translate_severity(warnings: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """`warnings` with its severity codes (warning / error) shown in the report's language."""
    if "severity" not in warnings.columns:
        return warnings
    names = {code: labels(f"severity.{code}") for code in ("warning", "error")}
    return warnings.assign(
        severity=warnings["severity"].map(lambda v: names.get(str(v), v) if not is_missing(v) else v)
    )


def _resolved_spec(resolved: pd.DataFrame, labels: Labels) -> TableSpec:
    frame = resolved.rename(columns={"period": "last_seen"})
    if "category" in frame.columns:
        categories = {str(c): labels(f"cat.{c}") for c in CATEGORY_ORDER}
        frame = frame.assign(category=frame["category"].map(lambda v: categories.get(str(v), v)))
    columns = [c for c in RESOLVED_COLUMNS if c.key not in RESOLVED_OPTIONAL or _filled(frame, c.key)]
    headers = [labels(c.label_key) for c in columns]
    return TableSpec(labels("sheet.resolved"), frame, columns, headers, labels("empty.resolved"))


def _category_spec(category: Category, rows: pd.DataFrame, labels: Labels) -> TableSpec:
    always, optional = category_columns(category)
    keys = [k for k in [*always, *optional] if k in always or _filled(rows, k)]
    primary = PRIMARY_AMOUNT.get(category)
    if primary and primary in rows.columns:
        magnitude = distinct(rows[primary]).convert(lambda v: abs(as_int(v) or 0))
        rows = rows.assign(_order=magnitude).sort_values("_order", ascending=False, kind="stable")
    title = labels("sheet.rejected") if category == Category.INVALID_ROW else labels(f"cat.{category}")
    muted = ("status", labels(f"status.{FindingStatus.EXPLAINED.value}"))
    columns = [COLUMNS[k] for k in keys]
    headers = [labels(header_key(c, category)) for c in columns]
    return TableSpec(title, rows, columns, headers, labels("empty.rows"), databar=primary, muted=muted)


def _spec(
    title: str,
    frame: pd.DataFrame,
    columns: list[Column],
    labels: Labels,
    empty: str = "empty.rows",
    **kw: object,
) -> TableSpec:
    headers = [labels(c.label_key) for c in columns]
    return TableSpec(title, frame, columns, headers, labels(empty), **kw)  # type: ignore[arg-type]


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
    """Write the workbook to `path` from (possibly masked) frames; returns the sheet titles in order.

    `result.history["resolved"]`, when present, becomes the "Selesai" sheet after the rejected rows.
    """
    shown = translate_status(findings, labels)
    by_category = {c: shown[shown["category"] == str(c)] for c in CATEGORY_ORDER}
    specs = [
        _category_spec(c, rows, labels)
        for c, rows in by_category.items()
        if c != Category.INVALID_ROW and not rows.empty
    ]
    specs.append(_category_spec(Category.INVALID_ROW, by_category[Category.INVALID_ROW], labels))
    resolved = result.history.get("resolved")
    if resolved is not None:
        specs.append(_resolved_spec(resolved, labels))
    specs.append(
        _spec(labels("sheet.warnings"), translate_severity(warnings, labels), WARNING_COLUMNS, labels)
    )
    match_columns = [COLUMNS[k] for k in MATCH_ORDER]
    # Exact-NIK pairings need nobody's attention and can be a million rows: matches.csv has them all.
    to_check = matches[matches["match_method"].astype(str) != "nik"]
    specs.append(_spec(labels("sheet.matches"), to_check, match_columns, labels, empty="empty.matches"))

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
        resolved=first_titles[labels("sheet.resolved")] if resolved is not None else None,
    )

    wb = Workbook(write_only=True)
    write_summary(wb, result, findings, labels, links, generated_at=generated_at)
    titles = [labels("sheet.summary")]
    for spec in specs:
        titles += write_table(wb, spec, labels, period=result.period, run_id=result.run_id, max_rows=max_rows)
    titles.append(write_explain(wb, labels, period=result.period, run_id=result.run_id))
    save_fast(wb, path)
    return titles


#: Deflate level of the xlsx zip. openpyxl's own save uses zlib's default (6); at level 1 the zip of
#: a national report is written about 3x faster, for a file about a fifth larger.
COMPRESS_LEVEL = 1


def save_fast(wb: Workbook, path: Path) -> None:
    """`wb.save(path)`, deflating at COMPRESS_LEVEL (the same parts, in the same order)."""
    wb.properties.modified = dt.datetime.now(tz=dt.UTC).replace(tzinfo=None)
    with ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=COMPRESS_LEVEL) as archive:
        ExcelWriter(wb, archive).save()
