"""Hypothesis invariants of premium_due: row order changes nothing, more wage never costs less."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.rules import Policy, RuleBook, premium_due

RULES = RuleBook.load()
POLICIES = st.sampled_from(
    [
        Policy.load(None),
        Policy.from_dict({"scheme": "BPU", "programs": ["JKK", "JKM"], "declared_income": "wage"}),
        Policy.from_dict({"scheme": "PU", "programs": ["JKK", "JKM", "JHT", "JP"], "jkk_risk_group": "III"}),
    ]
)
PERIODS = st.sampled_from(["2016-01", "2018-02", "2020-09", "2023-10", "2026-05"])
WAGES = st.lists(st.floats(min_value=0, max_value=50_000_000), min_size=1, max_size=30)


@settings(max_examples=60, deadline=None)
@given(policy=POLICIES, period=PERIODS, wages=WAGES, seed=st.randoms())
def test_row_order_changes_nothing(policy: Policy, period: str, wages: list[float], seed) -> None:  # type: ignore[no-untyped-def]
    series = pd.Series(wages)
    shuffled = series.sample(frac=1.0, random_state=seed.randint(0, 2**31))
    straight = premium_due(policy, period, RULES, wage=series).frame
    reordered = premium_due(policy, period, RULES, wage=shuffled).frame
    pd.testing.assert_frame_equal(reordered.sort_index(), straight)


@settings(max_examples=60, deadline=None)
@given(policy=POLICIES, period=PERIODS, wages=WAGES)
def test_more_wage_never_costs_less(policy: Policy, period: str, wages: list[float]) -> None:
    ordered = pd.Series(sorted(wages))
    totals = premium_due(policy, period, RULES, wage=ordered).frame["total"]
    assert totals.is_monotonic_increasing
