"""Headline figures and the per-unit table, computed from classified findings."""

from __future__ import annotations

import pandas as pd

from reconcile.categories import CATEGORY_ORDER, Category
from reconcile.classify import Classified
from reconcile.result import Summary


def _sum(series: pd.Series) -> float:
    return float(pd.to_numeric(series, errors="coerce").fillna(0).sum())


def summarise(
    classified: Classified,
    findings: pd.DataFrame,
    pairs: pd.DataFrame,
    payroll: pd.DataFrame,
    bpjs: pd.DataFrame,
    expected_premium: pd.Series,
) -> Summary:
    """The summary of one run. `findings` is the exceptions frame (contract columns)."""
    category = findings["category"]
    counts = category.value_counts()

    def column(cat: Category, name: str) -> pd.Series:
        return findings[name][(category == cat).to_numpy(dtype=bool)]

    uninsured = int(counts.get(Category.UNREGISTERED, 0)) + int(counts.get(Category.INACTIVE, 0))
    workers = len(classified.coverage.covered)  # one entry per distinct person key
    insured = int(classified.coverage.covered.sum())
    usable_b = bpjs.index[~bpjs["rejected"]]
    billed = classified.billed
    # Due: one premium per participant paired with the payroll and active (duplicates counted once).
    paired_active = pd.Index(pairs["bpjs_idx"]).unique()
    paired_active = paired_active[classified.active.reindex(paired_active).fillna(False).to_numpy(dtype=bool)]
    one_per_person = classified.group.reindex(paired_active).drop_duplicates().index
    due = _sum(expected_premium.reindex(one_per_person))

    double_billing = _duplicate_overbilling(classified, billed)
    amounts = {
        Category.UNREGISTERED: _sum(column(Category.UNREGISTERED, "exposure_idr")),
        Category.INACTIVE: _sum(column(Category.INACTIVE, "exposure_idr")),
        Category.NOT_ON_PAYROLL: _sum(column(Category.NOT_ON_PAYROLL, "billed_idr")),
        Category.PREMIUM_MISMATCH: _sum(column(Category.PREMIUM_MISMATCH, "difference_idr")),
        Category.WAGE_MISMATCH: _sum(column(Category.WAGE_MISMATCH, "difference_idr")),
        Category.DUPLICATE_PARTICIPANT: double_billing,
        Category.DUPLICATE_PAYROLL: 0.0,
        Category.IDENTITY_MISMATCH: 0.0,
        Category.INVALID_ROW: 0.0,
    }
    over_premium = _sum(column(Category.PREMIUM_MISMATCH, "difference_idr").astype("Float64").clip(lower=0))
    overpayment = amounts[Category.NOT_ON_PAYROLL] + double_billing + over_premium
    return Summary(
        workers_on_payroll=workers,
        payroll_rows=len(payroll),
        bpjs_rows=len(bpjs),
        insured=insured,
        uninsured=uninsured,
        coverage_rate=(insured / workers) if workers else 0.0,
        exposure_idr=amounts[Category.UNREGISTERED] + amounts[Category.INACTIVE],
        billed_idr=_sum(billed.reindex(usable_b)),
        due_idr=due,
        overpayment_idr=overpayment,
        counts={str(c): int(counts.get(c, 0)) for c in CATEGORY_ORDER},
        amounts={str(c): float(v) for c, v in amounts.items()},
        undecided=max(workers - insured - uninsured, 0),
    )


def _duplicate_overbilling(classified: Classified, billed: pd.Series) -> float:
    """Billed for a second registration: per participant group, everything beyond the largest bill."""
    group = classified.group
    live_billed = billed.reindex(group.index).fillna(0)
    frame = pd.DataFrame({"group": group, "billed": live_billed})
    sizes = frame.groupby("group")["billed"].transform("size")
    multi = frame[sizes > 1]
    if multi.empty:
        return 0.0
    per_group = multi.groupby("group")["billed"].agg(["sum", "max"])
    return float((per_group["sum"] - per_group["max"]).sum())


def unit_table(
    classified: Classified, findings: pd.DataFrame, payroll: pd.DataFrame, pairs: pd.DataFrame
) -> pd.DataFrame:
    """Per unit (OPD): workers, insured, uninsured, exposure, Rupiah billed for them, findings."""
    cov = classified.coverage
    primary = cov.primary_row
    # Units stay Arrow strings ("str", as a column built from Python strings would be): no conversion.
    units = payroll["unit"].reindex(primary.to_numpy()).fillna("-").astype("str").array
    persons = pd.DataFrame(
        {"unit": units, "covered": cov.covered.reindex(primary.index).to_numpy(dtype=bool)},
        index=primary.index,
    )
    table = persons.groupby("unit").agg(workers=("covered", "size"), insured=("covered", "sum"))
    gaps = findings[findings["category"].isin([Category.UNREGISTERED, Category.INACTIVE])]
    table["uninsured"] = gaps.groupby("unit").size().reindex(table.index).fillna(0).astype(int)
    table["exposure_idr"] = (
        gaps.groupby("unit")["exposure_idr"].sum().reindex(table.index).fillna(0).astype(float)
    )
    pair_units = payroll["unit"].reindex(pairs["payroll_idx"]).astype("str").array
    billed = pd.DataFrame({"unit": pair_units, "bpjs": pairs["bpjs_idx"].to_numpy()}).drop_duplicates("bpjs")
    billed["billed"] = classified.billed.reindex(billed["bpjs"]).fillna(0).to_numpy()
    table["billed_idr"] = billed.groupby("unit")["billed"].sum().reindex(table.index).fillna(0).astype(float)
    table["findings"] = findings.groupby("unit").size().reindex(table.index).fillna(0).astype(int)
    table["coverage_rate"] = (table["insured"] / table["workers"]).round(4)
    return table.reset_index()[
        ["unit", "workers", "insured", "uninsured", "coverage_rate", "exposure_idr", "billed_idr", "findings"]
    ]
