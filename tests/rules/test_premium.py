"""premium_due: the amounts per program for known cases, the rows it names, and NaN handling."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from reconcile.errors import InputError
from reconcile.rules import PREMIUM_COLUMNS, Policy, RuleBook, premium_due

LAMPUNG = Policy.load(None)


def pu(programs: list[str], group: str = "I", jkp: bool = False) -> Policy:
    return Policy.from_dict({"scheme": "PU", "programs": programs, "jkk_risk_group": group, "jkp": jkp})


def bpu(declared: int | str, programs: tuple[str, ...] = ("JKK", "JKM")) -> Policy:
    return Policy.from_dict({"scheme": "BPU", "programs": list(programs), "declared_income": declared})


# (id, policy, period, wage, expected {jkk, jkm, jht, jp, total})
CASES = [
    ("lampung-2018-02", LAMPUNG, "2018-02", 2_000_000, (10_000, 6_800, 0, 0, 16_800)),
    # the fixed declared income ignores the wage, even a missing one
    ("lampung-no-wage", LAMPUNG, "2018-02", np.nan, (10_000, 6_800, 0, 0, 16_800)),
    ("bpu-relief-2020-09", LAMPUNG, "2020-09", 2_000_000, (100, 68, 0, 0, 168)),
    ("bpu-relief-first-month", LAMPUNG, "2020-08", 2_000_000, (100, 68, 0, 0, 168)),
    ("bpu-relief-last-month", LAMPUNG, "2021-01", 2_000_000, (100, 68, 0, 0, 168)),
    ("bpu-after-relief", LAMPUNG, "2021-02", 2_000_000, (10_000, 6_800, 0, 0, 16_800)),
    ("bpu-before-relief", LAMPUNG, "2020-07", 2_000_000, (10_000, 6_800, 0, 0, 16_800)),
    ("bpu-jkm-only", bpu(1_000_000, ("JKM",)), "2018-02", 0, (0, 6_800, 0, 0, 6_800)),
    # a fixed declared income between brackets pays the bracket below it
    ("bpu-fixed-between-brackets", bpu(1_700_000), "2018-02", 0, (15_000, 6_800, 0, 0, 21_800)),
    ("bpu-wage-bracket", bpu("wage"), "2018-02", 2_750_000, (25_000, 6_800, 0, 0, 31_800)),
    ("bpu-wage-exact-bracket", bpu("wage"), "2018-02", 3_000_000, (30_000, 6_800, 0, 0, 36_800)),
    ("bpu-wage-below-lowest", bpu("wage"), "2018-02", 600_000, (10_000, 6_800, 0, 0, 16_800)),
    ("bpu-wage-above-highest", bpu("wage"), "2018-02", 50_000_000, (200_000, 6_800, 0, 0, 206_800)),
    ("pu-rg1-jkk-jkm", pu(["JKK", "JKM"]), "2018-02", 2_000_000, (4_800, 6_000, 0, 0, 10_800)),
    ("pu-rg5-jkk", pu(["JKK"], "V"), "2018-02", 2_000_000, (34_800, 0, 0, 0, 34_800)),
    # JP on the 2017-03 cap 7,703,500 (3%); JHT on the whole wage (5.7%)
    ("pu-jht-jp-above-cap", pu(["JHT", "JP"]), "2018-02", 10_000_000, (0, 0, 570_000, 231_105, 801_105)),
    ("pu-jp-below-cap", pu(["JP"]), "2018-02", 5_000_000, (0, 0, 0, 150_000, 150_000)),
    # the cap changes in March: 2018-03 uses 8,094,000
    ("pu-jp-cap-2018-03", pu(["JP"]), "2018-03", 10_000_000, (0, 0, 0, 242_820, 242_820)),
    # PP 49/2020: JP 99% deferred, 1% billed; JHT untouched
    ("pu-relief-jp", pu(["JKK", "JHT", "JP"]), "2020-09", 5_000_000, (120, 0, 285_000, 1_500, 286_620)),
    ("pu-jkp-2023-09", pu(["JKK"], "I", jkp=True), "2023-09", 5_000_000, (12_000, 0, 0, 0, 12_000)),
    ("pu-jkp-2023-10-rg1", pu(["JKK"], "I", jkp=True), "2023-10", 5_000_000, (5_000, 0, 0, 0, 5_000)),
    ("pu-jkp-2023-10-rg3", pu(["JKK"], "III", jkp=True), "2023-10", 5_000_000, (37_500, 0, 0, 0, 37_500)),
    ("pu-not-jkp-2023-10", pu(["JKK"], "I"), "2023-10", 5_000_000, (12_000, 0, 0, 0, 12_000)),
    # half a Rupiah rounds up: 1,000,208.33.. x 0.0024 = 2400.5
    ("pu-rounds-half-up", pu(["JKK"]), "2018-02", 1_000_208.3333333, (2_401, 0, 0, 0, 2_401)),
    ("pu-no-wage", pu(["JKK", "JKM"]), "2018-02", np.nan, (np.nan, np.nan, 0, 0, np.nan)),
]


@pytest.mark.parametrize(
    ("policy", "period", "wage", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_premium_due(rules: RuleBook, policy: Policy, period: str, wage: float, expected: tuple) -> None:
    due = premium_due(policy, period, rules, wage=pd.Series([wage], index=["w1"]))
    assert list(due.frame.columns) == PREMIUM_COLUMNS
    assert due.frame.loc["w1"].tolist() == pytest.approx(list(expected), nan_ok=True)


def test_index_is_kept_and_rows_are_independent(rules: RuleBook) -> None:
    wages = pd.Series([2_000_000, 10_000_000, np.nan], index=[30, 10, 20])
    due = premium_due(pu(["JKK", "JP"]), "2018-02", rules, wage=wages)
    assert list(due.frame.index) == [30, 10, 20]
    assert due.frame["jp"].tolist() == pytest.approx([60_000, 231_105, np.nan], nan_ok=True)


def test_rules_used_names_every_row(rules: RuleBook) -> None:
    due = premium_due(pu(["JKK", "JP"]), "2020-09", rules, wage=pd.Series([10_000_000]))
    named = {(u["table"], u["key"], u["column"], u["effective_from"]) for u in due.rules_used}
    assert named == {
        ("pu_rates", "program=JKK risk_group=I jkp=no", "employer_rate", "2015-07"),
        ("pu_rates", "program=JKK risk_group=I jkp=no", "worker_rate", "2015-07"),
        ("pu_rates", "program=JP", "employer_rate", "2015-07"),
        ("pu_rates", "program=JP", "worker_rate", "2015-07"),
        ("jp_wage_cap", "(single row)", "cap", "2020-03"),
        ("relief", "program=JKK", "payable_fraction", "2020-08"),
        ("relief", "program=JP", "payable_fraction", "2020-08"),
    }
    cap = next(u for u in due.rules_used if u["table"] == "jp_wage_cap")
    assert cap["value"] == 8_939_700 and cap["regulation"].startswith("PP 45/2015")


def test_rules_used_lists_each_bracket_used_once(rules: RuleBook) -> None:
    wages = pd.Series([1_000_000, 1_200_000, 2_600_000, np.nan])
    due = premium_due(bpu("wage"), "2018-02", rules, wage=wages)
    jkk_rows = [u["key"] for u in due.rules_used if u["column"] == "jkk_rate"]
    assert jkk_rows == ["bracket=1000000", "bracket=2500000"]
    assert next(u for u in due.rules_used if u["key"] == "bracket=2500000")["verified"] is False


@pytest.mark.parametrize("period", ["2018-2", "2018-13", "Feb 2018", ""])
def test_bad_period_is_an_input_error(rules: RuleBook, period: str) -> None:
    with pytest.raises(InputError, match="expected YYYY-MM"):
        premium_due(LAMPUNG, period, rules, wage=pd.Series([1.0]))


def test_period_before_the_tables_is_an_input_error(rules: RuleBook) -> None:
    with pytest.raises(InputError, match=r"rules_pu_rates\.csv.*in force at 2014-01"):
        premium_due(pu(["JKM"]), "2014-01", rules, wage=pd.Series([1.0]))


def test_a_million_wages(rules: RuleBook) -> None:
    # vectorised: a Python loop per row would take minutes here, not a fraction of a second
    wages = pd.Series(np.random.default_rng(7).uniform(500_000, 30_000_000, 1_000_000))
    due = premium_due(bpu("wage"), "2018-02", rules, wage=wages)
    assert len(due.frame) == 1_000_000
    assert due.frame["total"].min() == 16_800
    assert due.frame["total"].max() == 206_800
