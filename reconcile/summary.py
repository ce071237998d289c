"""Headline figures and the per-unit table, computed from classified findings.

Money is explained, not just totalled: `money_lines` splits billed − due into what was paid for
nobody on the payroll, for inactive memberships, twice, or above the rules (together the
overpayment), what was billed below the rules, and a remainder that is shown, never hidden.
Signed differences (premium, wage) are summed per direction, never netted. When no BPJS input
carries billing at all (a participant list: no total nor premium columns), there is nothing to
explain: `billing_in_inputs` is False and the remainder is not computed.
Billed is counted after corrections (negative premiums) are netted against the bills they correct
(reconcile.classify.corrections); a correction whose bill is in no input still lowers it, and shows
in the remainder. Rows billing another month than the period (arrears, advance: reconcile.classify.arrears)
are billed but not due this month: their bills are the `arrears_other_months` line, outside the
overpayment (not recurring), and their PREMIUM_MISMATCH findings (match_method OTHER_MONTH) stay
off the premium lines.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reconcile.categories import CATEGORY_ORDER, Category
from reconcile.classify import Classified
from reconcile.classify.arrears import OTHER_MONTH
from reconcile.classify.materialise import finding_stem
from reconcile.result import SignedTotal, Summary

#: Billed Rupiah that is not due, by cause; each BPJS row's bill is in at most one of them.
OVERPAYMENT_LINES = ("not_on_payroll", "inactive", "double_billing", "over_premium")
#: Every line of billed − due: billed − due = overpayment − under_billed + to_decide + arrears + remainder.
#: `identity_to_decide` is the bills of BPJS rows held in an identity conflict (IDENTITY_MISMATCH,
#: paired with nobody): neither due nor overpaid until someone decides whose record it is.
#: `arrears_other_months` is the bills of rows for another month (arrears or paid in advance).
MONEY_LINES = (*OVERPAYMENT_LINES, "under_billed", "identity_to_decide", "arrears_other_months", "remainder")
SIGNED_CATEGORIES = (Category.PREMIUM_MISMATCH, Category.WAGE_MISMATCH)
#: The BPJS columns that bill: a row's total, or its premium parts.
BILLING_COLUMNS = ("total", "jkk", "jkm", "jht", "jp")


def _sum(series: pd.Series) -> float:
    return float(pd.to_numeric(series, errors="coerce").fillna(0).sum())


def _amount(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series, errors="coerce").fillna(0).astype("float64")


def has_billing(bpjs: pd.DataFrame) -> bool:
    """Whether any BPJS row carries a total or a premium amount (a participant list carries none)."""
    present = [c for c in BILLING_COLUMNS if c in bpjs.columns]
    return bool(present) and bool(bpjs[present].notna().to_numpy().any())


def summarise(
    classified: Classified,
    findings: pd.DataFrame,
    pairs: pd.DataFrame,
    payroll: pd.DataFrame,
    bpjs: pd.DataFrame,
    expected_premium: pd.Series,
    other_months: pd.Index | None = None,
) -> Summary:
    """The summary of one run. `findings` is the exceptions frame (contract columns); `other_months`
    the BPJS rows billing another month than the period (reconcile.classify.arrears)."""
    category = findings["category"]
    counts = category.value_counts()

    def column(cat: Category, name: str) -> pd.Series:
        return findings[name][(category == cat).to_numpy(dtype=bool)]

    uninsured = int(counts.get(Category.UNREGISTERED, 0)) + int(counts.get(Category.INACTIVE, 0))
    workers = len(classified.coverage.covered)  # one entry per distinct person key
    insured = int(classified.coverage.covered.sum())
    usable_b = bpjs.index[~bpjs["rejected"]]
    billed = _sum(classified.billed.reindex(usable_b))
    # Due: one premium per participant paired with the payroll and active (duplicates counted once).
    paired_active = pd.Index(pairs["bpjs_idx"]).unique()
    paired_active = paired_active[classified.active.reindex(paired_active).fillna(False).to_numpy(dtype=bool)]
    one_per_person = classified.group.reindex(paired_active).drop_duplicates().index
    due = _sum(expected_premium.reindex(one_per_person)) + part_covered_due(findings)

    other_months = pd.Index([], dtype="int64") if other_months is None else other_months
    lines = money_lines(findings)
    lines["arrears_other_months"] = _sum(classified.billed.reindex(other_months.intersection(usable_b)))
    overpayment = overpayment_of(lines)
    billing_in_inputs = has_billing(bpjs)
    explained = (
        overpayment - lines["under_billed"] + lines["identity_to_decide"] + lines["arrears_other_months"]
    )
    remainder = billed - due - explained if billing_in_inputs else 0.0
    lines["remainder"] = round(remainder, 2)
    signed = {str(c): signed_total(column(c, "difference_idr")) for c in SIGNED_CATEGORIES}
    amounts = {
        Category.UNREGISTERED: _sum(column(Category.UNREGISTERED, "exposure_idr")),
        Category.INACTIVE: _sum(column(Category.INACTIVE, "exposure_idr")),
        Category.NOT_ON_PAYROLL: lines["not_on_payroll"],
        Category.DUPLICATE_PARTICIPANT: lines["double_billing"],
        **{c: signed[str(c)].absolute_idr for c in SIGNED_CATEGORIES},
        Category.DUPLICATE_PAYROLL: 0.0,
        Category.IDENTITY_MISMATCH: 0.0,
        Category.INVALID_ROW: 0.0,
    }
    return Summary(
        workers_on_payroll=workers,
        payroll_rows=len(payroll),
        bpjs_rows=len(bpjs),
        insured=insured,
        uninsured=uninsured,
        coverage_rate=(insured / workers) if workers else 0.0,
        exposure_idr=amounts[Category.UNREGISTERED] + amounts[Category.INACTIVE],
        billed_idr=billed,
        due_idr=due,
        overpayment_idr=overpayment,
        counts={str(c): int(counts.get(c, 0)) for c in CATEGORY_ORDER},
        amounts={str(c): float(amounts[c]) for c in CATEGORY_ORDER},
        undecided=max(workers - insured - uninsured, 0),
        money_lines=lines,
        signed=signed,
        billing_in_inputs=billing_in_inputs,
    )


def signed_total(differences: pd.Series) -> SignedTotal:
    """Negative and positive differences apart: +300,000 and −1,000,000 are two problems, not −700,000."""
    values = pd.to_numeric(differences, errors="coerce").dropna().astype("float64")
    below, above = values[values < 0], values[values > 0]
    return SignedTotal(
        below_rows=len(below),
        below_idr=float(-below.sum()),
        above_rows=len(above),
        above_idr=float(above.sum()),
    )


def overpayment_of(lines: dict[str, float]) -> float:
    """The overpayment: the sum of the OVERPAYMENT_LINES."""
    return float(sum(lines.get(key, 0.0) for key in OVERPAYMENT_LINES))


def part_covered_due(findings: pd.DataFrame) -> float:
    """The premiums due for registrations that ended within the period: the expected amount their
    INACTIVE findings carry (other INACTIVE findings carry none), each BPJS row once."""
    inactive = (findings["category"].astype(str) == Category.INACTIVE.value).to_numpy(dtype=bool)
    rows = _bpjs_row_keys(findings)[inactive]
    expected = _amount(findings["expected_idr"])[inactive]
    return float(pd.DataFrame({"row": rows, "due": expected}).drop_duplicates("row")["due"].sum())


def money_lines(findings: pd.DataFrame) -> dict[str, float]:
    """Billed Rupiah that is not due, by cause, from an exceptions frame alone (a period read back from
    the ledger gives the figure its run showed). Each BPJS row's bill is counted at most once:

    - not_on_payroll: the bills of NOT_ON_PAYROLL rows (every registration of someone not paid);
    - inactive: the bills of INACTIVE rows (a payroll worker's membership is not active, yet billed),
      less the premium still due for a membership that ended within the period (`expected_idr`);
    - double_billing: per person with DUPLICATE_PARTICIPANT rows (one finding_id stem), every bill
      beyond the largest; all of them when the person's registration is not due at all (a row of
      the person is already a NOT_ON_PAYROLL or INACTIVE line);
    - over_premium / under_billed: PREMIUM_MISMATCH differences above / below the rules, except on
      duplicate rows whose whole bill is already double billing, and on rows billing another month
      (match_method OTHER_MONTH: arrears, not recurring; `summarise` shows their bills apart);
    - identity_to_decide: the bills IDENTITY_MISMATCH findings carry (a conflict's BPJS row that
      nobody is paired with), each BPJS row once, unless a line above holds it.
    """
    category = findings["category"].astype(str)
    billed = _amount(findings["billed_idr"])
    rows = _bpjs_row_keys(findings)
    ghost = (category == Category.NOT_ON_PAYROLL.value).to_numpy(dtype=bool)
    inactive = (category == Category.INACTIVE.value).to_numpy(dtype=bool)
    counted = set(rows[ghost | inactive])
    double, dropped = _double_billing(findings, category, billed, rows, counted)
    # IDENTITY_MISMATCH carries a bill only for a conflict's BPJS row that nobody is paired with.
    conflict = (category == Category.IDENTITY_MISMATCH.value).to_numpy(dtype=bool) & (billed != 0).to_numpy()
    undecided = pd.DataFrame({"row": rows[conflict], "billed": billed[conflict]}).drop_duplicates("row")
    undecided = undecided[~undecided["row"].isin(counted | dropped)]
    this_month = _this_month(findings)
    premium = (
        (category == Category.PREMIUM_MISMATCH.value).to_numpy(dtype=bool)
        & ~rows.isin(counted | dropped).to_numpy(dtype=bool)
        & this_month
    )
    difference = _amount(findings["difference_idr"])[premium]
    still_due = _amount(findings["expected_idr"])  # on INACTIVE: a membership that ended within the period
    return {
        "not_on_payroll": float(billed[ghost].sum()),
        "inactive": float((billed[inactive] - still_due[inactive]).clip(lower=0).sum()),
        "double_billing": double,
        "over_premium": float(difference.clip(lower=0).sum()),
        "under_billed": float(-difference.clip(upper=0).sum()),
        "identity_to_decide": float(undecided["billed"].sum()),
    }


def _this_month(findings: pd.DataFrame) -> np.ndarray:
    """Per finding: not on a row billing another month (match_method OTHER_MONTH). A frame without
    match_method (the ledger keeps none) has every finding on this month's rows."""
    if "match_method" not in findings.columns:
        return np.ones(len(findings), dtype=bool)
    return (findings["match_method"].astype(str) != OTHER_MONTH).to_numpy(dtype=bool)


def _bpjs_row_keys(findings: pd.DataFrame) -> pd.Series:
    """One key per BPJS row a finding names (file, sheet, row); a finding without one gets its own key."""
    file = findings["bpjs_file"].astype("string").fillna("")
    sheet = findings["bpjs_sheet"].astype("string").fillna("")
    number = pd.to_numeric(findings["bpjs_row"], errors="coerce")
    keys = file + "\x1f" + sheet + "\x1f" + number.round().astype("Int64").astype("string")
    own = pd.Series([f"\x1e{i}" for i in range(len(findings))], index=findings.index, dtype="string")
    return keys.where(number.notna().to_numpy(dtype=bool), own).astype(str)


def _double_billing(
    findings: pd.DataFrame, category: pd.Series, billed: pd.Series, rows: pd.Series, counted: set[str]
) -> tuple[float, set[str]]:
    """(double billing, the rows whose whole bill it holds) over the DUPLICATE_PARTICIPANT rows."""
    dup = (category == Category.DUPLICATE_PARTICIPANT.value).to_numpy(dtype=bool)
    if not dup.any():
        return 0.0, set()
    ids = findings["finding_id"][dup]
    person = finding_stem(ids).where(ids.notna().to_numpy(dtype=bool), rows[dup])
    frame = pd.DataFrame({"person": person, "row": rows[dup], "billed": billed[dup]})
    frame = frame.drop_duplicates("row")
    frame["counted"] = frame["row"].isin(counted)
    # A person with a bill counted elsewhere has no registration due here: every free bill is extra.
    # Otherwise the largest bill (the first of equals) stands for the one registration that is due.
    some_counted = frame.groupby("person", sort=False)["counted"].transform("any").to_numpy(dtype=bool)
    due = frame[~some_counted].groupby("person", sort=False)["billed"].idxmax()
    extra = frame[~frame["counted"].to_numpy(dtype=bool) & (some_counted | ~frame.index.isin(due))]
    return float(extra["billed"].sum()), set(extra["row"])


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
