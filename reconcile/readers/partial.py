"""A run that goes ahead without some inputs (--allow-partial) or with a file for another month
(--accept-period-mismatch) must say so loudly: which files were left out, and what that does to the findings.

`partial_notices` gives the manifest entries (`excluded_inputs`, `period_mismatches`) and the lines
to print and log. Paths and reasons only: InputError messages carry no personal data.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reconcile.errors import InputError
from reconcile.readers.period_check import PeriodMismatch

#: What a left-out file does to the findings, per side (id and en, as the report languages).
CONSEQUENCE = {
    "payroll": (
        "its workers are missing from the payroll side: their BPJS rows show up as NOT_ON_PAYROLL "
        "(and their duplicates and wage checks are not done); read those findings with this in mind"
    ),
    "bpjs": (
        "its participants are missing from the BPJS side: workers it covers show up as UNREGISTERED, "
        "and its premiums are not checked; read those findings with this in mind"
    ),
}
CONSEQUENCE_ID = {
    "payroll": (
        "pekerjanya tidak ada di sisi daftar gaji: baris BPJS mereka tampil sebagai NOT_ON_PAYROLL; "
        "baca temuan itu dengan memperhatikan hal ini"
    ),
    "bpjs": (
        "pesertanya tidak ada di sisi BPJS: pekerja yang ditanggungnya tampil sebagai UNREGISTERED dan "
        "iurannya tidak diperiksa; baca temuan itu dengan memperhatikan hal ini"
    ),
}


def excluded_inputs(files: Sequence[tuple[Any, str, str]], read: Sequence[object]) -> list[dict[str, str]]:
    """One entry per unusable file: path as given, kind, the reason, and what leaving it out means."""
    out = []
    for (_, display, kind), value in zip(files, read, strict=True):
        if isinstance(value, InputError):
            out.append(
                {
                    "path": display,
                    "kind": kind,
                    "sheet": value.sheet,
                    "reason": str(value),
                    "consequence": CONSEQUENCE[kind],
                    "consequence_id": CONSEQUENCE_ID[kind],
                }
            )
    return out


def missing_sides(files: Sequence[tuple[Any, str, str]], read: Sequence[object]) -> set[str]:
    """Kinds (payroll, bpjs) with no usable file left: nothing to reconcile even with --allow-partial."""
    kinds = {kind for _, _, kind in files}
    usable = {
        kind for (_, _, kind), value in zip(files, read, strict=True) if not isinstance(value, InputError)
    }
    return kinds - usable


def partial_notices(
    excluded: list[dict[str, str]], mismatches: list[PeriodMismatch], period: str
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """(manifest entries, lines for the user) for a run that went ahead despite bad inputs."""
    extra: dict[str, Any] = {}
    lines: list[str] = []
    if excluded:
        extra["excluded_inputs"] = excluded
        extra["partial_run"] = True
        lines.append(
            f"PARTIAL RUN: {len(excluded)} input file(s) were LEFT OUT (--allow-partial); "
            "the findings are incomplete:"
        )
        lines += [f"  - {e['reason']}\n    -> {e['consequence']}" for e in excluded]
    if mismatches:
        extra["period_mismatches"] = [
            {"path": m.path, "kind": m.kind, "found": m.found, "evidence": m.evidence, "period": period}
            for m in mismatches
        ]
        lines.append(
            f"PERIOD MISMATCH ACCEPTED (--accept-period-mismatch): {len(mismatches)} input file(s) "
            f"seem to be for another month than {period}; "
            "joiners, leavers and premiums may be reported wrongly:"
        )
        lines += [f"  - {m.path}: seems to be for {m.found} ({m.evidence})" for m in mismatches]
    return extra, tuple(lines)
