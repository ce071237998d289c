"""Run notices about the rules used: unverified rows, and a period after the month of the run."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from reconcile.rules import Policy, RuleBook, exposure, premium_due
from reconcile.rules.notices import latest_change, next_month, rule_notices

LAMPUNG = Policy.load(None)


def _used(rules: RuleBook, period: str) -> list[dict]:
    """The rule rows a BPU run of `period` uses (premium and exposure), as the manifest lists them."""
    wage = pd.Series([1_000_000.0])
    return [
        *premium_due(LAMPUNG, period, rules, wage=wage).rules_used,
        *exposure(period, wage, rules).rules_used,
    ]


def test_a_2016_run_is_told_which_figures_are_unverified_in_both_languages(rules: RuleBook) -> None:
    used = _used(rules, "2016-01")
    indonesian = rule_notices(used, "2016-01", "2026-05", rules, "id")
    english = rule_notices(used, "2016-01", "2026-05", rules, "en")

    assert len(indonesian) == len(english) == 2  # jkk_funeral and jkk_periodic, PP 44/2015
    assert indonesian[0] == (
        "Aturan rules_benefits.csv benefit=jkk_funeral yang berlaku 2015-07 s.d. 2019-11 (PP 44/2015) "
        "belum diverifikasi terhadap teks peraturan: angka yang memakainya perlu diperiksa."
    )
    assert "rules_benefits.csv benefit=jkk_periodic in force 2015-07 to 2019-11" in english[1]
    assert "not verified against the regulation" in english[1]


def test_verified_rules_in_the_run_month_give_no_notice(rules: RuleBook) -> None:
    assert rule_notices(_used(rules, "2024-05"), "2024-05", "2024-05", rules, "id") == ()


def test_a_row_used_for_several_columns_gives_one_notice(rules: RuleBook) -> None:
    row = {"table": "bpu_tariff", "key": "bracket=1500000", "effective_from": "2015-07", "effective_to": ""}
    used = [{**row, "column": c, "verified": False, "regulation": "x"} for c in ("jkk_rate", "jkm_flat")]
    (notice,) = rule_notices(used, "2024-05", "2024-05", rules, "en")
    assert "rules_bpu_tariff.csv bracket=1500000 in force since 2015-07 (x)" in notice


def test_a_future_period_names_the_latest_known_change(rules: RuleBook) -> None:
    notices = rule_notices(_used(rules, "2031-01"), "2031-01", "2026-05", rules, "en")
    assert notices[-1] == (
        f"Period 2031-01 is after the month of the run (2026-05): the rules in force at the latest known "
        f"change, {latest_change(rules, '2031-01')}, were assumed."
    )
    assert "dianggap tetap berlaku" in rule_notices([], "2031-01", "2026-05", rules, "id")[-1]
    assert rule_notices([], "2026-05", "2026-05", rules, "en") == ()


def test_the_latest_change_follows_an_analysts_later_row_and_row_ends(rules_dir: Path) -> None:
    with (rules_dir / "rules_jp_wage_cap.csv").open("a", encoding="utf-8") as handle:
        handle.write("2029-03,,12000000,PP 45/2015,no,announcement\n")
    with (rules_dir / "rules_late_fee.csv").open("a", encoding="utf-8") as handle:
        handle.write("2029-06,2029-11,0.03,PP 99/2029,no,hypothetical\n")
    book = RuleBook.load(rules_dir)
    assert latest_change(book, "2029-04") == "2029-03"
    assert latest_change(book, "2031-01") == "2029-12"  # the month after the last row stopped


def test_next_month_rolls_over_the_year() -> None:
    assert (next_month("2020-12"), next_month("2021-01")) == ("2021-01", "2021-02")
