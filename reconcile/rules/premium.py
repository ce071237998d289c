"""What BPJS should bill per participant for one period under an employer's policy: premium_due.

Vectorised over a Series of wages (one per participant). Amounts are employer + worker combined,
as a bill shows them, per program after any relief, each rounded to whole Rupiah; `total` is the
sum of the rounded programs. Programs outside the policy are 0. A missing wage gives NaN wherever
the amount depends on it. `PremiumDue.sources` names the regulations behind the amounts, each
once, for the text of a finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from reconcile.rules.brackets import find_brackets
from reconcile.rules.period import check_period
from reconcile.rules.policy import PROGRAMS, Policy
from reconcile.rules.rulebook import RuleBook
from reconcile.rules.rupiah import round_rupiah

PREMIUM_COLUMNS = ["jkk", "jkm", "jht", "jp", "total"]
#: A regulation cited as "<kind> <number>/<year>", e.g. "PP 44/2015"; what follows names a part of it.
_CITATION = re.compile(r"^(?P<base>.*?\b(?P<number>\d+)\s*/\s*(?P<year>\d{4}))\b\s*(?P<part>.*)$")


@dataclass(frozen=True, eq=False)
class PremiumDue:
    """Amounts due per participant (index as the wages given) and every rule row used."""

    period: str
    frame: pd.DataFrame  # PREMIUM_COLUMNS, float64 whole Rupiah
    rules_used: tuple[dict[str, Any], ...]

    @property
    def sources(self) -> str:
        """The regulations behind the amounts, for a finding's text: see `regulation_sources`."""
        return regulation_sources(self.rules_used)


def regulation_sources(rules_used: tuple[dict[str, Any], ...] | list[dict[str, Any]]) -> str:
    """Each regulation once, oldest first: "PP 44/2015 Lampiran I, PP 45/2015, PP 46/2015".

    A rule row may cite several sources ("PP 45/2015; BPJS Ketenagakerjaan yearly adjustment"). A
    regulation cited both whole and by a part (Lampiran I) is named once, with its parts. Remarks
    beside a citation are left to the manifest's rule rows; a source that cites no regulation at all
    is kept as written, after the regulations.
    """
    parts: dict[str, list[str]] = {}  # base citation -> parts, in order of first appearance
    years: dict[str, tuple[int, int]] = {}
    others: list[str] = []
    for rule in rules_used:
        sources = [s.strip() for s in str(rule.get("regulation") or "").split(";") if s.strip()]
        cited = [m for m in map(_CITATION.match, sources) if m]
        for m in cited:
            base = " ".join(m["base"].split())
            parts.setdefault(base, [])
            years[base] = (int(m["year"]), int(m["number"]))
            if m["part"] and m["part"] not in parts[base]:
                parts[base].append(m["part"])
        if not cited:
            others += [s for s in sources if s not in others]
    ordered = sorted(parts, key=lambda base: years[base])  # stable: ties keep first appearance
    named = [f"{base} {', '.join(parts[base])}" if parts[base] else base for base in ordered]
    return ", ".join(named + others)


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
