"""exposure (both benefit eras, missing wages) and expected_declared_wage (per scheme)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from reconcile.rules import Policy, RuleBook, expected_declared_wage, exposure

# (id, period, wage, expected exposure)
EXPOSURE = [
    ("pp44-2018-02", "2018-02", 1_000_000, 48 * 1_000_000 + 3_000_000 + 4_800_000),
    ("pp44-last-month", "2019-11", 2_000_000, 48 * 2_000_000 + 3_000_000 + 4_800_000),
    ("pp82-first-month", "2019-12", 2_000_000, 48 * 2_000_000 + 10_000_000 + 12_000_000),
    ("pp82-2020-01", "2020-01", 1_000_000, 48 * 1_000_000 + 10_000_000 + 12_000_000),
    # no wage: the multiplier part counts 0, the figure is a lower bound
    ("no-wage", "2020-01", np.nan, 10_000_000 + 12_000_000),
]


@pytest.mark.parametrize(
    ("period", "wage", "expected"), [e[1:] for e in EXPOSURE], ids=[e[0] for e in EXPOSURE]
)
def test_exposure(rules: RuleBook, period: str, wage: float, expected: float) -> None:
    result = exposure(period, pd.Series([wage], index=["w"]), rules)
    assert result.amount.loc["w"] == expected


def test_exposure_names_rows_and_missing_wages(rules: RuleBook) -> None:
    result = exposure("2018-02", pd.Series([1_000_000, np.nan, None]), rules)
    by_key = {u["key"]: u for u in result.rules_used}
    assert set(by_key) == {"benefit=jkk_death_multiplier", "benefit=jkk_funeral", "benefit=jkk_periodic"}
    assert by_key["benefit=jkk_funeral"]["verified"] is False
    assert by_key["benefit=jkk_funeral"]["value"] == 3_000_000
    assert "2 worker(s) without a wage" in by_key["benefit=jkk_death_multiplier"]["note"]


def test_exposure_without_missing_wage_has_plain_note(rules: RuleBook) -> None:
    result = exposure("2020-01", pd.Series([1_000_000]), rules)
    assert "without a wage" not in result.rules_used[0]["note"]


WAGES = pd.Series([600_000, 1_000_000, 1_700_000, 2_000_000, np.nan], index=list("abcde"))

# (id, policy keys, expected per wage)
DECLARED = [
    ("bpu-fixed", {"scheme": "BPU", "declared_income": 1_000_000}, [1e6, 1e6, 1e6, 1e6, 1e6]),
    ("bpu-wage", {"scheme": "BPU", "declared_income": "wage"}, [1e6, 1e6, 1.5e6, 2e6, np.nan]),
    ("pu", {"scheme": "PU", "jkk_risk_group": "I"}, [6e5, 1e6, 1.7e6, 2e6, np.nan]),
]


@pytest.mark.parametrize(("keys", "expected"), [d[1:] for d in DECLARED], ids=[d[0] for d in DECLARED])
def test_expected_declared_wage(rules: RuleBook, keys: dict, expected: list[float]) -> None:
    policy = Policy.from_dict({"programs": ["JKK", "JKM"], **keys})
    result = expected_declared_wage(policy, WAGES, period="2018-02", rules=rules)
    assert list(result.index) == list("abcde")
    assert result.tolist() == pytest.approx(expected, nan_ok=True)


def test_expected_declared_wage_needs_period_for_brackets() -> None:
    policy = Policy.from_dict({"scheme": "BPU", "programs": ["JKK"], "declared_income": "wage"})
    with pytest.raises(ValueError, match="needs the period"):
        expected_declared_wage(policy, WAGES)
