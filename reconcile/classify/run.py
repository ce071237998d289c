"""Classify: run every classifier over the prepared frames and record each row's outcome."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from reconcile.classify.core import concat_core
from reconcile.classify.corrections import Netting, net_corrections
from reconcile.classify.coverage import PersonCoverage, coverage_gaps, not_on_payroll, person_coverage
from reconcile.classify.duplicates import duplicate_participants, duplicate_payroll
from reconcile.classify.facts import Persons, billed_amount, is_active, outside_period, participant_groups
from reconcile.classify.invalid import invalid_rows
from reconcile.classify.mismatches import identity_mismatches
from reconcile.classify.money import billed_outside_registration, premium_mismatches, wage_mismatches
from reconcile.classify.outcomes import row_outcomes
from reconcile.config import ReconConfig
from reconcile.messages import Lang


@dataclass(frozen=True)
class Expectations:
    """What the rules give, computed by the caller from the rule tables and the policy."""

    premium: pd.Series  # expected premium per BPJS row (index like bpjs)
    premium_rules: str  # short names of the rules behind it, for the detail text
    declared_wage: pd.Series  # what BPJS should record per payroll row (index like payroll)
    exposure: pd.Series  # unprotected benefit per payroll row if uninsured (index like payroll)
    scheme: str  # BPU | PU
    premium_notes: pd.Series | None = None  # per BPJS row, text added to its premium detail (wage source)
    period: str | None = None  # "YYYY-MM": registrations that start after it or end before it do not cover it


@dataclass(frozen=True)
class Classified:
    findings: pd.DataFrame  # core findings (reconcile.classify.core.CORE_COLUMNS)
    person: pd.Series  # person key per usable payroll row
    coverage: PersonCoverage
    billed: pd.Series  # billed per BPJS row, corrections netted (reconcile.classify.corrections)
    active: pd.Series  # active per BPJS row (usable rows only can be True)
    group: pd.Series  # participant group per usable BPJS row
    payroll_outcome: pd.Series
    bpjs_outcome: pd.Series


def _same_person_links(pairs: pd.DataFrame, persons: Persons) -> pd.DataFrame:
    """BPJS rows paired with the same payroll person are one participant registered twice."""
    if pairs.empty:
        return pd.DataFrame({"a": [], "b": []})
    row = persons.key.index.get_indexer(pairs["payroll_idx"])
    code = np.where(row < 0, -1, persons.code[row])
    by_person = pd.DataFrame(
        {"person": np.where(code < 0, np.nan, code), "b": pairs["bpjs_idx"].to_numpy()}
    ).drop_duplicates()
    by_person["a"] = by_person.groupby("person", sort=False)["b"].transform("first")
    return by_person[by_person["a"] != by_person["b"]][["a", "b"]]


def classify(
    payroll: pd.DataFrame,
    payroll_issues: pd.DataFrame,
    bpjs: pd.DataFrame,
    bpjs_issues: pd.DataFrame,
    pairs: pd.DataFrame,
    conflicts: pd.DataFrame,
    expect: Expectations,
    config: ReconConfig,
    lang: Lang = "id",
    netting: Netting | None = None,
) -> Classified:
    """Every finding of one period. `pairs` / `conflicts` come from reconcile.identity, which must not
    have seen the rows `netting` sets aside (corrections; computed here when not given)."""
    netting = netting or net_corrections(bpjs, lang)
    registration = ~bpjs["rejected"] & ~netting.set_aside
    usable_p = payroll[~payroll["rejected"]]
    usable_b = bpjs[registration]
    billed = netting.billed
    # Whether a registration is active does not change when a correction nets its bill.
    active = is_active(bpjs, billed_amount(bpjs), expect.period) & registration
    outside = outside_period(bpjs, expect.period)
    live = (active | (billed.fillna(0) > 0)) & registration

    persons = Persons.of(usable_p, pairs)
    coverage = person_coverage(persons, pairs, active)
    group = participant_groups(usable_b, _same_person_links(pairs, persons))
    conflicts = _still_in_doubt(conflicts, pairs)
    conflict_p = set(conflicts["payroll_idx"].dropna().astype(int))
    conflict_b = set(conflicts["bpjs_idx"].dropna().astype(int))

    ghosts = not_on_payroll(
        usable_b, live[usable_b.index], billed, group, pairs, conflict_b, payroll[payroll["rejected"]], lang
    )
    checked = usable_b.index[active[usable_b.index].to_numpy() & ~usable_b.index.isin(ghosts["bpjs_idx"])]
    if netting.repeat_bill is not None:  # program lines billed again: a duplicate, not a bill to check
        checked = checked[~netting.repeat_bill.reindex(checked, fill_value=False).to_numpy(dtype=bool)]
    findings = concat_core(
        [
            invalid_rows(payroll, payroll_issues, "payroll", lang),
            invalid_rows(bpjs, bpjs_issues, "bpjs", lang),
            *coverage_gaps(
                coverage,
                pairs,
                bpjs,
                billed,
                expect.exposure,
                conflict_p,
                payroll,
                lang,
                outside,
                expect.period,
                expect.premium,
            ),
            ghosts,
            duplicate_participants(usable_b, group, live[usable_b.index], billed, lang),
            premium_mismatches(
                checked,
                billed,
                expect.premium,
                expect.premium_rules,
                config.premium_tolerance_idr,
                lang,
                notes=expect.premium_notes,
            ),
            billed_outside_registration(
                usable_b.index.difference(ghosts["bpjs_idx"]),
                bpjs,
                billed,
                outside,
                expect.period,
                config.premium_tolerance_idr,
                lang,
            ),
            wage_mismatches(
                pairs,
                bpjs,
                payroll,
                expect.declared_wage,
                live,
                expect.scheme,
                config.wage_tolerance_idr,
                lang,
            ),
            duplicate_payroll(usable_p, persons, lang),
            identity_mismatches(pairs, conflicts, payroll, bpjs, lang, billed),
        ]
    )
    named_p = pd.Index(findings["payroll_idx"].dropna().astype(int)).union(pd.Index(list(conflict_p)))
    named_b = pd.Index(findings["bpjs_idx"].dropna().astype(int)).union(pd.Index(list(conflict_b)))
    quiet_b = ~live & ~bpjs["rejected"]
    return Classified(
        findings=findings,
        person=persons.key,
        coverage=coverage,
        billed=billed,
        active=active,
        group=group,
        payroll_outcome=row_outcomes(payroll, pd.Index(pairs["payroll_idx"]), named_p),
        bpjs_outcome=row_outcomes(bpjs, pd.Index(pairs["bpjs_idx"]), named_b, quiet_b),
    )


def _still_in_doubt(conflicts: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """The conflicts someone must decide. A record that carries a worker's NIK (or KPJ) under another
    name and birth date is no doubt about a worker paired with a record of their own: that record
    is somebody else's, billed or not, and is judged like any unpaired BPJS row (NOT_ON_PAYROLL)."""
    other_person = conflicts["kind"].astype(str).str.endswith("_different_person")
    settled = other_person & conflicts["payroll_idx"].isin(pairs["payroll_idx"])
    return conflicts[~settled.to_numpy(dtype=bool)]
