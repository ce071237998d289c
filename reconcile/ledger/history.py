"""History of findings across periods: first seen, age, status, explanation, and what was resolved.

A finding is "seen" in a period when the latest successful run of that period listed its finding_id.
first_seen is the first period it was ever seen (CONTRACT.md). Age counts consecutive calendar months:
a month without a successful run breaks the chain, as does a month in which the finding was absent
(seen 2017-12, not 2018-01, again 2018-02: first seen 2017-12, age 1, status "reopened").
"""

from __future__ import annotations

from enum import StrEnum

import pandas as pd

from reconcile.ledger.annotations import current_notes
from reconcile.ledger.months import previous
from reconcile.ledger.store import Ledger

#: Columns added to the exceptions frame after the contract's (first_seen, age_months are filled).
HISTORY_COLUMNS: list[str] = ["status", "explained"]


class FindingStatus(StrEnum):
    """Codes; the report translates them (baru / masih terbuka / dijelaskan)."""

    NEW = "new"  # never seen before this period
    REOPENED = "reopened"  # seen in an earlier period, not open in the previous month, back now
    OPEN = "open"  # open in the previous month too; age_months says since when
    EXPLAINED = "explained"  # an analyst explained it; never counted as new


def _ages(ids: set[str], period: str, ledger: Ledger) -> dict[str, int]:
    """Consecutive months open, this one included, per finding_id."""
    age = dict.fromkeys(ids, 1)
    recorded = set(ledger.recorded_periods())
    alive, month = set(ids), previous(period)
    while alive and month in recorded:
        alive &= ledger.period_ids(month)
        for finding_id in alive:
            age[finding_id] += 1
        month = previous(month)
    return age


def _first_seen(ids: set[str], period: str, ledger: Ledger) -> dict[str, str]:
    """The earliest period before `period` whose run listed each finding_id; `period` when none did."""
    first = dict.fromkeys(ids, period)
    unseen = set(ids)
    for month in sorted(p for p in ledger.recorded_periods() if p < period):
        if not unseen:
            break
        for finding_id in unseen & ledger.period_ids(month):
            first[finding_id] = month
            unseen.discard(finding_id)
    return first


def apply_history(findings: pd.DataFrame, period: str, ledger: Ledger) -> pd.DataFrame:
    """`findings` with first_seen, age_months, status and explained filled from the ledger.

    Only earlier periods count: a re-run of `period` does not age its own findings.
    """
    out = findings.copy()
    ids = out["finding_id"].astype(str)
    age, first = _ages(set(ids), period, ledger), _first_seen(set(ids), period, ledger)
    notes = current_notes(ledger)
    out["first_seen"] = ids.map(first).astype(str)
    out["age_months"] = ids.map(age).astype("Int64")
    explained = pd.Series([notes.get(i, "") for i in ids], index=out.index, dtype=str)
    status = pd.Series(FindingStatus.NEW.value, index=out.index, dtype=str)
    status[(out["first_seen"] != period).to_numpy()] = FindingStatus.REOPENED.value
    status[out["age_months"].to_numpy() > 1] = FindingStatus.OPEN.value
    status[(explained != "").to_numpy()] = FindingStatus.EXPLAINED.value
    out["status"] = status
    out["explained"] = explained
    return out


def resolved_since_previous(period: str, current_ids: set[str] | pd.Series, ledger: Ledger) -> pd.DataFrame:
    """Findings of the latest recorded period before `period` whose finding_id is no longer reported.

    Columns: the stored finding fields (period is the earlier month), plus `explained`.
    """
    earlier = [p for p in ledger.recorded_periods() if p < period]
    if not earlier:
        frame = ledger.period_findings("")  # the stored columns, no rows
    else:
        frame = ledger.period_findings(earlier[-1])
    gone = frame[~frame["finding_id"].isin(set(current_ids))].reset_index(drop=True)
    notes = current_notes(ledger)
    gone["explained"] = pd.Series([notes.get(i, "") for i in gone["finding_id"]], index=gone.index, dtype=str)
    return gone
