"""DUPLICATE_PAYROLL and DUPLICATE_PARTICIPANT: one person paid, registered or billed more than once.

Every row involved is listed. A duplicate is not a gap: coverage is decided per person elsewhere.
"""

from __future__ import annotations

import pandas as pd

from reconcile.categories import Category
from reconcile.classify.core import core_frame
from reconcile.classify.facts import Persons
from reconcile.classify.refs import join_refs, row_refs
from reconcile.messages import Lang, message


def _grouped_details(frame: pd.DataFrame, groups: pd.Series, key: str, lang: Lang) -> pd.Series:
    refs = dict(zip(frame.index, row_refs(frame, lang).tolist(), strict=True))
    details = {}
    for _, members in groups.groupby(groups, sort=False).groups.items():
        member_refs = [refs[m] for m in members]
        for m in members:
            others = [r for i, r in zip(members, member_refs, strict=True) if i != m]
            details[m] = message(key, lang, count=len(members), refs=join_refs(others))
    return pd.Series(details, dtype="string")


def duplicate_payroll(payroll: pd.DataFrame, persons: Persons, lang: Lang) -> pd.DataFrame:
    """Every usable payroll row whose person appears on more than one row."""
    person = pd.Series(persons.code, index=persons.key.index)
    dup = person[person.duplicated(keep=False)]
    if dup.empty:
        return core_frame(Category.DUPLICATE_PAYROLL)
    detail = _grouped_details(payroll.loc[dup.index], dup, "duplicate_payroll", lang)
    return core_frame(Category.DUPLICATE_PAYROLL, payroll_idx=list(dup.index), detail=list(detail[dup.index]))


def duplicate_participants(
    bpjs: pd.DataFrame, group: pd.Series, counts: pd.Series, billed: pd.Series, lang: Lang
) -> pd.DataFrame:
    """Every active or billed BPJS row whose person has more than one active or billed row.

    `counts` marks the rows that count (active or billed); an old NON AKTIF, unbilled registration
    beside a live one is history, not a double registration.
    """
    live = group[counts]
    dup = live[live.duplicated(keep=False)]
    if dup.empty:
        return core_frame(Category.DUPLICATE_PARTICIPANT)
    detail = _grouped_details(bpjs.loc[dup.index], dup, "duplicate_participant", lang)
    return core_frame(
        Category.DUPLICATE_PARTICIPANT,
        bpjs_idx=list(dup.index),
        billed_idr=list(billed[dup.index]),
        detail=list(detail[dup.index]),
    )
