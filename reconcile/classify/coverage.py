"""Coverage gaps and ghosts: UNREGISTERED, INACTIVE (payroll side) and NOT_ON_PAYROLL (BPJS side).

Coverage is decided per person: a person paid on two rows is covered by one active registration,
and a person paired with any active BPJS row is covered, whatever tier paired them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from reconcile.categories import Category
from reconcile.classify.core import core_frame
from reconcile.classify.refs import row_refs
from reconcile.messages import Lang, message, rupiah


@dataclass(frozen=True)
class PersonCoverage:
    """Per payroll person: covered, and which row speaks for the person in a gap finding."""

    covered: pd.Series  # person key -> bool
    paired: pd.Series  # person key -> bool (paired with any BPJS row, active or not)
    primary_row: pd.Series  # person key -> payroll index label


def person_coverage(person: pd.Series, pairs: pd.DataFrame, active: pd.Series) -> PersonCoverage:
    """Roll row pairings up to persons. `person` is indexed by the usable payroll rows."""
    row_paired = pd.Series(person.index.isin(pairs["payroll_idx"]), index=person.index)
    active_pairs = pairs[active.reindex(pairs["bpjs_idx"]).fillna(False).to_numpy(dtype=bool)]
    row_covered = pd.Series(person.index.isin(active_pairs["payroll_idx"]), index=person.index)
    covered = row_covered.groupby(person, sort=False).any()
    paired = row_paired.groupby(person, sort=False).any()
    # The row that speaks for the person: a covered row, else a paired one, else the first.
    rank = (~row_covered).astype(int) * 2 + (~row_paired).astype(int)
    order = pd.DataFrame({"person": person, "rank": rank, "pos": range(len(person))}, index=person.index)
    primary = order.sort_values(["rank", "pos"]).groupby("person", sort=False).head(1)
    primary_row = pd.Series(primary.index, index=primary["person"].to_numpy())
    return PersonCoverage(covered=covered, paired=paired, primary_row=primary_row)


def coverage_gaps(
    coverage: PersonCoverage,
    pairs: pd.DataFrame,
    bpjs: pd.DataFrame,
    billed: pd.Series,
    exposure: pd.Series,
    in_conflict: set[int],
    payroll: pd.DataFrame,
    lang: Lang,
) -> list[pd.DataFrame]:
    """UNREGISTERED for persons with no BPJS record, INACTIVE for persons whose records are not active.

    A person whose only candidate is an identity conflict gets the IDENTITY_MISMATCH instead: a
    human must decide before anyone is registered twice.
    """
    uncovered = coverage.covered[~coverage.covered]
    rows = coverage.primary_row[uncovered.index]
    unpaired = ~coverage.paired[uncovered.index].to_numpy()
    unregistered = [r for r, free in zip(rows, unpaired, strict=True) if free and r not in in_conflict]
    inactive = [r for r, free in zip(rows, unpaired, strict=True) if not free]

    first_pair = pairs.drop_duplicates("payroll_idx").set_index("payroll_idx")["bpjs_idx"]
    inactive_bpjs = [int(first_pair[r]) for r in inactive]
    inactive_detail = []
    for b in inactive_bpjs:
        status = bpjs.at[b, "status"]
        if pd.isna(status):
            text = message("inactive_no_status", lang)
        else:
            text = message("inactive", lang, status=status)
        if billed.get(b, 0) and billed[b] > 0:
            text += message("inactive_billed", lang, billed=rupiah(billed[b]))
        inactive_detail.append(text)
    return [
        core_frame(
            Category.UNREGISTERED,
            payroll_idx=unregistered,
            exposure_idr=list(exposure.reindex(unregistered)),
            detail=[_unregistered_detail(payroll, r, lang) for r in unregistered],
        ),
        core_frame(
            Category.INACTIVE,
            payroll_idx=inactive,
            bpjs_idx=inactive_bpjs,
            billed_idr=list(billed.reindex(inactive_bpjs)),
            exposure_idr=list(exposure.reindex(inactive)),
            detail=inactive_detail,
        ),
    ]


def _unregistered_detail(payroll: pd.DataFrame, row: int, lang: Lang) -> str:
    """Say so when the NIK itself may be wrong: a number cell ending in 0 lost its 16th digit."""
    text = message("unregistered", lang)
    nik = payroll.at[row, "nik"]
    if bool(payroll.at[row, "nik_numeric"]) and isinstance(nik, str) and nik.endswith("0"):
        text += message("nik_maybe_damaged", lang)
    return text


def not_on_payroll(
    bpjs: pd.DataFrame,
    live: pd.Series,
    billed: pd.Series,
    group: pd.Series,
    pairs: pd.DataFrame,
    in_conflict: set[int],
    rejected_payroll: pd.DataFrame,
    lang: Lang,
) -> pd.DataFrame:
    """Active or billed BPJS rows that nobody on the payroll accounts for.

    A row whose person (same NIK / KPJ group) is paired elsewhere is a second registration:
    DUPLICATE_PARTICIPANT speaks for it, not this.
    """
    paired_rows = pd.Series(bpjs.index.isin(pairs["bpjs_idx"]), index=bpjs.index)
    group_paired = paired_rows.groupby(group).transform("any")
    ghosts = bpjs.index[live & ~paired_rows & ~group_paired & ~bpjs.index.isin(list(in_conflict))]
    details = []
    rejected_by_nik = rejected_payroll[rejected_payroll["nik_valid"]]
    rejected_refs = row_refs(rejected_by_nik, lang)
    ref_of_nik = dict(zip(rejected_by_nik["nik"], rejected_refs, strict=True))
    for b in ghosts:
        text = message("not_on_payroll", lang)
        nik = bpjs.at[b, "nik"]
        if bpjs.at[b, "nik_valid"] and nik in ref_of_nik:
            text += message("not_on_payroll_rejected", lang, ref=ref_of_nik[nik])
        details.append(text)
    amounts = list(billed.reindex(ghosts).fillna(0.0))
    return core_frame(
        Category.NOT_ON_PAYROLL,
        bpjs_idx=list(ghosts),
        expected_idr=0.0,
        billed_idr=amounts,
        difference_idr=amounts,
        detail=details,
    )
