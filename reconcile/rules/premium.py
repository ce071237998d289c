"""What BPJS should bill per participant for one period under an employer's policy: premium_due.

Vectorised over a Series of wages (one per participant). Amounts are employer + worker combined,
as a bill shows them, per program after any relief, each rounded to whole Rupiah; `total` is the
sum of the rounded programs. Programs outside the policy are 0. A missing wage gives NaN wherever
the amount depends on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from reconcile.rules.brackets import find_brackets
from reconcile.rules.period import check_period
from reconcile.rules.policy import PROGRAMS, Policy
from reconcile.rules.rulebook import RuleBook
from reconcile.rules.rupiah import round_rupiah

PREMIUM_COLUMNS = ["jkk", "jkm", "jht", "jp", "total"]


@dataclass(frozen=True, eq=False)
class PremiumDue:
    """Amounts due per participant (index as the wages given) and every rule row used."""

    period: str
    frame: pd.DataFrame  # PREMIUM_COLUMNS, float64 whole Rupiah
    rules_used: tuple[dict[str, Any], ...]


def premium_due(policy: Policy, period: str, rules: RuleBook, *, wage: pd.Series) -> PremiumDue:
    """Premium per participant. BPU: from the declared-income bracket; PU: rates x monthly wage."""
    period = check_period(period)
    wages = pd.to_numeric(wage, errors="coerce").astype("float64")
    used: list[dict[str, Any]] = []
    if policy.scheme == "BPU":
        raw = _bpu(policy, period, rules, wages, used)
    else:
        raw = _pu(policy, period, rules, wages, used)
    payable = _relief(policy, period, rules, used)
    frame = pd.DataFrame(index=wages.index)
    for program in PROGRAMS:
        amount = raw[program] * payable.get(program, 1.0) if program in raw else 0.0
        frame[program.lower()] = round_rupiah(pd.Series(amount, index=wages.index, dtype="float64"))
    frame["total"] = frame[["jkk", "jkm", "jht", "jp"]].sum(axis=1, skipna=False)
    return PremiumDue(period=period, frame=frame, rules_used=tuple(used))


def _bpu(
    policy: Policy, period: str, rules: RuleBook, wages: pd.Series, used: list[dict[str, Any]]
) -> dict[str, pd.Series]:
    if policy.declared_income == "wage":
        income = wages
    else:
        income = pd.Series(float(policy.declared_income or 0), index=wages.index, dtype="float64")
    brackets = find_brackets(rules, period, income)
    raw: dict[str, pd.Series] = {}
    taken: list[str] = []
    if "JKK" in policy.programs:
        raw["JKK"] = brackets.column("bracket") * brackets.column("jkk_rate")
        taken.append("jkk_rate")
    if "JKM" in policy.programs:
        raw["JKM"] = brackets.column("jkm_flat")
        taken.append("jkm_flat")
    used.extend(brackets.rules_used(rules, tuple(taken)))
    return raw


def _pu(
    policy: Policy, period: str, rules: RuleBook, wages: pd.Series, used: list[dict[str, Any]]
) -> dict[str, pd.Series]:
    raw: dict[str, pd.Series] = {}
    for program in policy.programs:
        if program == "JKK":
            group = policy.jkk_risk_group or ""
            row = rules.row(
                "pu_rates", period, program="JKK", risk_group=group, jkp="yes" if policy.jkp else "no"
            )
        else:
            row = rules.row("pu_rates", period, program=program, risk_group="", jkp="")
        used.extend(rules.used("pu_rates", row, c) for c in ("employer_rate", "worker_rate"))
        base = wages
        if program == "JP":
            cap = rules.row("jp_wage_cap", period)
            used.append(rules.used("jp_wage_cap", cap, "cap"))
            base = wages.clip(upper=float(cap["cap"]))
        raw[program] = base * (float(row["employer_rate"]) + float(row["worker_rate"]))
    return raw


def _relief(policy: Policy, period: str, rules: RuleBook, used: list[dict[str, Any]]) -> dict[str, float]:
    # PP 49/2020-style relief: the fraction of a program's contribution billed in the month.
    payable: dict[str, float] = {}
    for _, row in rules.in_force("relief", period).iterrows():
        if row["program"] in policy.programs:
            payable[row["program"]] = float(row["payable_fraction"])
            used.append(rules.used("relief", row, "payable_fraction"))
    return payable
