"""Coverage gaps and ghosts: UNREGISTERED, INACTIVE (payroll side) and NOT_ON_PAYROLL (BPJS side).

Coverage is decided per person: a person paid on two rows is covered by one active registration,
and a person paired with any active BPJS row is covered, whatever tier paired them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from reconcile.categories import Category
from reconcile.classify.core import core_frame
from reconcile.classify.facts import ENDED_BEFORE, ENDED_WITHIN, STARTS_AFTER, Persons
from reconcile.classify.refs import row_refs
from reconcile.messages import Lang, message, rupiah
from reconcile.values.status import ACTIVE, is_deceased, read_status


@dataclass(frozen=True)
class PersonCoverage:
    """Per payroll person: covered, and which row speaks for the person in a gap finding.

    The three Series share one index: person keys in order of first appearance.
    """

    covered: pd.Series  # person key -> bool
    paired: pd.Series  # person key -> bool (paired with any BPJS row, active or not)
    primary_row: pd.Series  # person key -> payroll index label


def person_coverage(persons: Persons, pairs: pd.DataFrame, active: pd.Series) -> PersonCoverage:
    """Roll row pairings up to persons."""
    rows = persons.key.index
    n = len(rows)
    row_paired = rows.isin(pairs["payroll_idx"])
    active_pairs = pairs[active.reindex(pairs["bpjs_idx"]).fillna(False).to_numpy(dtype=bool)]
    row_covered = rows.isin(active_pairs["payroll_idx"])
    known = persons.code >= 0  # a row without a person key belongs to no person
    codes = persons.code[known]

    def any_row(flags: np.ndarray) -> np.ndarray:
        return np.bincount(codes, weights=flags[known], minlength=len(persons.keys)) > 0

    # The row that speaks for the person: a covered row, else a paired one, else the first.
    order = (~row_covered * 2 + ~row_paired) * n + np.arange(n)
    best = np.full(len(persons.keys), np.iinfo(np.int64).max)
    np.minimum.at(best, codes, order[known])
    index = pd.Index(persons.keys, name=persons.key.name)
    return PersonCoverage(
        covered=pd.Series(any_row(row_covered), index=index),
        paired=pd.Series(any_row(row_paired), index=index),
        primary_row=pd.Series(rows[best % max(n, 1)], index=index),
    )


def coverage_gaps(
    coverage: PersonCoverage,
    pairs: pd.DataFrame,
    bpjs: pd.DataFrame,
    billed: pd.Series,
    exposure: pd.Series,
    in_conflict: set[int],
    payroll: pd.DataFrame,
    lang: Lang,
    outside: pd.Series | None = None,
    period: str | None = None,
    premium: pd.Series | None = None,
) -> list[pd.DataFrame]:
    """UNREGISTERED for persons with no BPJS record, INACTIVE for persons whose records are not active.

    A person whose only candidate is an identity conflict gets the IDENTITY_MISMATCH instead: a
    human must decide before anyone is registered twice. `outside` (per BPJS row, see
    facts.outside_period) says which registrations the period's dates leave out, for the detail.
    A registration that ended within the period covered part of it: its INACTIVE finding carries the
    month's premium (`premium`) as expected, so only a bill above it counts as paid for no cover.
    """
    uncovered = ~coverage.covered.to_numpy(dtype=bool)
    rows = coverage.primary_row.to_numpy()[uncovered].tolist()
    unpaired = ~coverage.paired.to_numpy(dtype=bool)[uncovered]
    unregistered = [r for r, free in zip(rows, unpaired, strict=True) if free and r not in in_conflict]
    inactive = [r for r, free in zip(rows, unpaired, strict=True) if not free]

    first_pair = pairs.drop_duplicates("payroll_idx").set_index("payroll_idx")["bpjs_idx"]
    inactive_bpjs = first_pair.reindex(inactive).astype(int).tolist()
    inactive_billed = billed.reindex(inactive_bpjs)
    why = (outside if outside is not None else pd.Series(pd.NA, index=bpjs.index, dtype="string")).reindex(
        inactive_bpjs
    )
    part_covered = (why == ENDED_WITHIN).fillna(False).to_numpy(dtype=bool)
    due = (premium if premium is not None else pd.Series(dtype="float64")).reindex(inactive_bpjs)
    inactive_expected = [
        float(round(d)) if part and d == d else float("nan")
        for part, d in zip(part_covered, due.to_numpy(dtype="float64"), strict=True)
    ]
    inactive_detail = [
        _inactive_detail(record, reason, amount, period, lang)
        for record, reason, amount in zip(
            bpjs.reindex(inactive_bpjs).to_dict("records"),
            [None if pd.isna(r) else str(r) for r in why.tolist()],
            inactive_billed.to_numpy(),
            strict=True,
        )
    ]
    return [
        core_frame(
            Category.UNREGISTERED,
            payroll_idx=unregistered,
            exposure_idr=list(exposure.reindex(unregistered)),
            detail=_unregistered_details(payroll, unregistered, bpjs[bpjs["rejected"]], lang),
        ),
        core_frame(
            Category.INACTIVE,
            payroll_idx=inactive,
            bpjs_idx=inactive_bpjs,
            expected_idr=inactive_expected,
            billed_idr=list(inactive_billed),
            exposure_idr=list(exposure.reindex(inactive)),
            detail=inactive_detail,
        ),
    ]


def _inactive_detail(
    record: dict[str, object], reason: object, billed: float, period: str | None, lang: Lang
) -> str:
    """Why the registration does not cover the period (status as written), and what it still bills."""
    text = _inactive_reason(record, reason, period, lang)
    if billed > 0:
        text += message("inactive_billed", lang, billed=rupiah(billed))
    return text


def _inactive_reason(record: dict[str, object], reason: object, period: str | None, lang: Lang) -> str:
    status, written = record.get("status"), record.get("status_text")
    shown = written if not pd.isna(written) else status
    if reason == STARTS_AFTER:
        return message("inactive_starts_after", lang, date=_day(record["join_date"]), period=period)
    if reason in (ENDED_BEFORE, ENDED_WITHIN):
        key = "inactive_ended_before" if reason == ENDED_BEFORE else "inactive_ended_within"
        text = message(key, lang, date=_day(record["end_date"]), period=period)
        if is_deceased(written):
            text += message("inactive_deceased_note", lang, status=shown)
        elif status == ACTIVE and read_status(written).end_date is None:
            # AKTIF, and the end date comes from its own column: the file contradicts itself.
            text += message("inactive_status_contradicts", lang, status=shown)
        return text
    if is_deceased(written):
        return message("inactive_deceased", lang, status=shown)
    if pd.isna(status) and not pd.isna(written):
        return message("inactive_unknown_status", lang, status=shown)
    if pd.isna(status):
        return message("inactive_no_status", lang)
    return message("inactive", lang, status=shown)


def _day(value: object) -> str:
    return pd.Timestamp(value).strftime("%d-%m-%Y")


def _unregistered_details(
    payroll: pd.DataFrame, rows: list[int], rejected_bpjs: pd.DataFrame, lang: Lang
) -> list[str]:
    """Say so when the NIK itself may be wrong (a number cell ending in 0 lost its 16th digit), and
    when a BPJS row with this NIK exists but was rejected (INVALID_ROW): the worker may be insured.
    """
    text = message("unregistered", lang)
    damaged = message("nik_maybe_damaged", lang)
    by_nik = rejected_bpjs[rejected_bpjs["nik_valid"].to_numpy(dtype=bool)]
    ref_of_nik = dict(zip(by_nik["nik"], row_refs(by_nik, lang), strict=True))
    niks = payroll["nik"].reindex(rows).tolist()
    valid = payroll["nik_valid"].reindex(rows).fillna(False).to_numpy(dtype=bool)
    numeric = payroll["nik_numeric"].reindex(rows).to_numpy(dtype=bool)
    details = []
    for nik, is_valid, is_numeric in zip(niks, valid, numeric, strict=True):
        detail = text
        if is_numeric and isinstance(nik, str) and nik.endswith("0"):
            detail += damaged
        if is_valid and nik in ref_of_nik:
            detail += message("unregistered_bpjs_rejected", lang, ref=ref_of_nik[nik])
        details.append(detail)
    return details


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
    is_ghost = (live & ~paired_rows & ~group_paired & ~bpjs.index.isin(list(in_conflict))).to_numpy(
        dtype=bool
    )
    ghosts = bpjs.index[is_ghost]
    rejected_by_nik = rejected_payroll[rejected_payroll["nik_valid"]]
    rejected_refs = row_refs(rejected_by_nik, lang)
    ref_of_nik = dict(zip(rejected_by_nik["nik"], rejected_refs, strict=True))
    amounts = list(billed.reindex(ghosts).fillna(0.0))
    # An active registration with nothing billed this month (a correction cancelled the bill, or a
    # participant list without billing) costs nothing yet: "paying for nobody" would be untrue.
    texts = {True: message("not_on_payroll", lang), False: message("not_on_payroll_unbilled", lang)}
    details = [
        texts[amount > 0] + message("not_on_payroll_rejected", lang, ref=ref_of_nik[nik])
        if valid and nik in ref_of_nik
        else texts[amount > 0]
        for nik, valid, amount in zip(
            bpjs["nik"][is_ghost].tolist(),
            bpjs["nik_valid"].to_numpy(dtype=bool)[is_ghost],
            amounts,
            strict=True,
        )
    ]
    return core_frame(
        Category.NOT_ON_PAYROLL,
        bpjs_idx=list(ghosts),
        expected_idr=0.0,
        billed_idr=amounts,
        difference_idr=amounts,
        detail=details,
    )
