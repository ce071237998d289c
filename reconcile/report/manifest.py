"""manifest.json: what went in, what came out, the rules and versions used, and the balance check."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import pandas as pd

from reconcile.categories import CATEGORY_ORDER
from reconcile.report.output_names import OutputPaths
from reconcile.report.versions import package_versions
from reconcile.result import InputOutcome, ReconResult


def _input_entry(item: InputOutcome) -> dict[str, Any]:
    return {
        "path": item.path,
        "kind": item.kind,
        "sha256": item.sha256,
        "sheets": list(item.sheets),
        "sheets_not_read": list(item.sheets_not_read),  # hidden, or another month's: reason and month
        "rows_read": item.rows_read,
        "rows": {
            "paired": item.paired,
            "findings_only": item.findings_only,
            "rejected": item.rejected,
            "no_action": item.no_action,
        },
        "balanced": item.balanced,
    }


def build_manifest(
    result: ReconResult,
    paths: OutputPaths,
    *,
    generated_at: dt.datetime,
    lang: str,
    mask_nik: bool,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The manifest as a dict, keys in a fixed order; `extra` is merged in last (nested dicts merged).

    `complete` is false when any input was left out (`excluded_inputs`, from the result or `extra`):
    the findings are incomplete then. `notices` are the run's notices for the reader. Per input,
    `sheets` are the sheets read and `sheets_not_read` those left out, with the reason and the month.
    """
    s = result.summary
    manifest: dict[str, Any] = {
        "period": result.period,
        "run_id": result.run_id,
        "generated_at": generated_at.isoformat(timespec="seconds"),
        "employer": dict(result.employer),
        "complete": not result.excluded_inputs,  # set again below: `extra` may list left-out files too
        "excluded_inputs": [dict(e) for e in result.excluded_inputs],
        "notices": list(result.notices),
        "inputs": [_input_entry(i) for i in result.inputs],
        "counts": {str(c): int(s.counts.get(str(c), 0)) for c in CATEGORY_ORDER},
        "figures": {
            "workers_on_payroll": s.workers_on_payroll,
            "payroll_rows": s.payroll_rows,
            "bpjs_rows": s.bpjs_rows,
            "insured": s.insured,
            "uninsured": s.uninsured,
            "undecided": s.undecided,
            "coverage_rate": round(s.coverage_rate, 6),
        },
        "amounts": {
            "exposure_idr": _idr(s.exposure_idr),
            "billed_idr": _idr(s.billed_idr),
            "due_idr": _idr(s.due_idr),
            "overpayment_idr": _idr(s.overpayment_idr),
            "overpayment_per_year_idr": _idr(s.overpayment_idr * 12),
            "per_category_idr": {str(c): _idr(s.amounts.get(str(c), 0.0)) for c in CATEGORY_ORDER},
        },
        "policy": result.policy,
        "rules_used": list(result.rules_used),
        "balance": {
            "files": [{"path": i.path, "kind": i.kind, "balanced": i.balanced} for i in result.inputs],
            "ok": result.balanced,
        },
        "versions": package_versions(),
        "options": {"lang": lang, "mask_nik": mask_nik},
        "outputs": {
            "version": paths.version,
            "xlsx": paths.xlsx.name,
            "exceptions_csv": paths.exceptions_csv.name,
            "matches_csv": paths.matches_csv.name,
            "manifest": paths.manifest.name,
        },
    }
    merged = _merge(manifest, extra or {})
    merged["complete"] = not merged.get("excluded_inputs")
    return merged


def _idr(amount: float) -> float:
    """Rupiah to the sen: sums of decimal premiums (0.24% of a wage) carry float noise (684596.6000000001)."""
    return round(float(amount), 2)


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _plain(value: Any) -> Any:
    """JSON-ready: dataclasses, paths, dates, numpy scalars; NaN becomes null (JSON has no NaN)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _plain(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return [_plain(v) for v in items]
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item") and callable(value.item):  # numpy / pandas scalar
        value = value.item()
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def manifest_text(manifest: dict[str, Any]) -> str:
    """The manifest as written: UTF-8 text, non-ASCII kept, indent 2, keys in the order built."""
    return json.dumps(_plain(manifest), ensure_ascii=False, indent=2) + "\n"
