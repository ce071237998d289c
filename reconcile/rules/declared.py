"""The wage BPJS should have on record for a worker under the employer's policy.

Used for WAGE_MISMATCH: BPU with a fixed declared income expects that amount whatever the payroll
says; BPU declaring "wage" expects the bracket of the payroll wage; PU expects the wage itself.
"""

from __future__ import annotations

import pandas as pd

from reconcile.rules.brackets import find_brackets
from reconcile.rules.period import check_period
from reconcile.rules.policy import Policy
from reconcile.rules.rulebook import RuleBook


def expected_declared_wage(
    policy: Policy,
    payroll_wage: pd.Series,
    *,
    period: str | None = None,
    rules: RuleBook | None = None,
) -> pd.Series:
    """Expected reported wage per payroll wage (float64, index kept; NaN where it depends on a missing wage).

    `period` is needed only for BPU declaring "wage" (the brackets are dated); `rules` defaults to
    the shipped tables.
    """
    wages = pd.to_numeric(payroll_wage, errors="coerce").astype("float64")
    if policy.scheme == "PU":
        return wages
    if policy.declared_income != "wage":
        return pd.Series(float(policy.declared_income or 0), index=wages.index, dtype="float64")
    if period is None:
        raise ValueError('expected_declared_wage needs the period when declared_income = "wage"')
    book = rules if rules is not None else RuleBook.load()
    return find_brackets(book, check_period(period), wages).column("bracket")
