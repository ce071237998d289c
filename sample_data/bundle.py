"""Build a whole sample bundle: plan the people, write every file, write the answer key."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sample_data.anomalies import Planner, default_counts
from sample_data.bpjs_export import write_bpjs
from sample_data.layouts import assign_layouts
from sample_data.payroll_writer import write_payroll
from sample_data.records import Location
from sample_data.truth import write_truth
from sample_data.units import units_for


@dataclass(frozen=True)
class BundleSummary:
    """What was written: files, rows per side, findings per category, pairs per tier."""

    files: tuple[str, ...]
    payroll_rows: int
    bpjs_rows: int
    findings: dict[str, int]
    tiers: dict[str, int]


def generate_bundle(
    out: Path,
    *,
    period: str = "2018-02",
    workers: int = 2700,
    seed: int = 7,
    style: str = "lampung",
    csv_share: float = 0.0,
    counts: dict[str, int] | None = None,
) -> BundleSummary:
    """Write DIR/payroll/*, DIR/bpjs/*, DIR/truth.csv and DIR/truth_pairs.csv."""
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", period):
        raise ValueError(f"period must be YYYY-MM, got {period!r}")
    if style not in ("lampung", "alt"):
        raise ValueError(f"style must be lampung or alt, got {style!r}")
    wanted = {**default_counts(workers), **(counts or {})}
    rng = random.Random(f"{seed}-{style}")
    units = units_for(workers)
    layouts = assign_layouts(rng, style, {u.key: max(1, len(u.sections)) for u in units}, csv_share)
    plan = Planner(rng, units, layouts, period).build(workers, wanted)
    npp = f"{rng.randint(1, 9)}{rng.randrange(10**7):07d}"

    for sub in ("payroll", "bpjs"):
        for old in sorted((out / sub).glob("*")) if (out / sub).is_dir() else []:
            if old.suffix in (".xlsx", ".csv"):
                old.unlink()
    where: dict[str, Location] = {}
    for unit in units:
        records = [r for r in plan.payroll if r.unit == unit.key]
        if layouts[unit.key].name_upper is False and rng.random() < 0.5:
            records.sort(key=lambda r: r.name.upper())
        where |= write_payroll(
            out, unit, layouts[unit.key], records, period, random.Random(f"{seed}-{unit.key}")
        )
    where |= write_bpjs(out, plan.bpjs, period, npp, style, random.Random(f"{seed}-bpjs"))
    write_truth(out, plan.payroll, plan.bpjs, plan.pairs, where)

    findings = Counter(f.category for r in [*plan.payroll, *plan.bpjs] for f in r.findings)
    return BundleSummary(
        files=tuple(sorted({loc.file for loc in where.values()})),
        payroll_rows=len(plan.payroll),
        bpjs_rows=len(plan.bpjs),
        findings=dict(sorted(findings.items())),
        tiers=dict(sorted(Counter(p.tier for p in plan.pairs).items())),
    )
