"""PremiumDue.sources: the regulations a premium finding cites, each once, in a stable order."""

from __future__ import annotations

import pandas as pd

from reconcile.rules import Policy, RuleBook, premium_due
from reconcile.rules.premium import regulation_sources


def _sources(policy: Policy, period: str, rules: RuleBook) -> str:
    return premium_due(policy, period, rules, wage=pd.Series([5_000_000.0, 12_000_000.0])).sources


def test_wage_earner_premium_names_each_regulation_once_oldest_first(rules: RuleBook) -> None:
    # PU, all four programs, 2024-05: JKK (PP 44/2015 Lampiran I), JKM (PP 44/2015), JHT (PP 46/2015),
    # JP and its wage cap (PP 45/2015, the cap row also citing the yearly adjustment).
    pu = Policy.from_dict(
        {"scheme": "PU", "programs": ["JKK", "JKM", "JHT", "JP"], "jkk_risk_group": "I", "jkp": False}
    )
    assert _sources(pu, "2024-05", rules) == "PP 44/2015 Lampiran I, PP 45/2015, PP 46/2015"


def test_relief_month_adds_its_regulation_after_the_tariff(rules: RuleBook) -> None:
    assert _sources(Policy.load(None), "2020-09", rules) == "PP 44/2015 Lampiran II, PP 49/2020"


def test_order_does_not_depend_on_the_order_of_the_rule_rows() -> None:
    rows = [
        {"regulation": "PP 49/2020"},
        {"regulation": "PP 45/2015; BPJS Ketenagakerjaan yearly adjustment"},
        {"regulation": "PP 44/2015"},
        {"regulation": "PP 44/2015 Lampiran I"},
        {"regulation": "PP 45/2015"},
    ]
    assert regulation_sources(rows) == regulation_sources(rows[::-1])
    assert regulation_sources(rows) == "PP 44/2015 Lampiran I, PP 45/2015, PP 49/2020"


def test_a_source_without_a_regulation_number_is_kept_as_written() -> None:
    rows = [
        {"regulation": "Surat Edaran BPJS Ketenagakerjaan"},
        {"regulation": ""},
        {"regulation": "PP 8/2020"},
    ]
    assert regulation_sources(rows) == "PP 8/2020, Surat Edaran BPJS Ketenagakerjaan"


def test_premium_mismatch_detail_cites_each_regulation_once() -> None:
    from tests.builders import nik, run, table

    worker = nik(11, 11, 80, serial=1)
    payroll = table(
        "payroll", f"nik | name | birth_date | monthly_wage\n{worker} | Ahmad Satu | 11-11-1980 | 5000000"
    )
    # JP not billed: 312,000 billed where the rules give 462,000.
    bpjs = table(
        "bpjs",
        "kpj | nik | name | birth_date | status | reported_wage | total\n"
        f"24050000001 | {worker} | AHMAD SATU | 11-11-1980 | AKTIF | 5000000 | 312000",
    )
    pu = Policy.from_dict(
        {"scheme": "PU", "programs": ["JKK", "JKM", "JHT", "JP"], "jkk_risk_group": "I", "jkp": False}
    )
    result = run([payroll], [bpjs], period="2024-05", policy=pu)
    (detail,) = result.findings.loc[result.findings["category"] == "PREMIUM_MISMATCH", "detail"]
    assert detail.endswith("(PP 44/2015 Lampiran I, PP 45/2015, PP 46/2015).")
