"""RuleBook: the shipped tables load, an analyst's later row takes over, broken tables are refused."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from reconcile.errors import InputError
from reconcile.rules import Policy, RuleBook, exposure, premium_due
from reconcile.rules.tables import SPECS

LAMPUNG = Policy.load(None)


def test_shipped_tables_load(rules: RuleBook) -> None:
    for name, spec in SPECS.items():
        assert list(rules.table(name).columns) == list(spec.columns)
        assert len(rules.table(name)) > 0
    cap = rules.jp_wage_cap.set_index("effective_from")
    assert cap.loc["2021-03", "verified"] == "no"
    assert cap.loc["2026-03", "cap"] == 11_086_300
    assert rules.late_fee["rate_per_month"].tolist() == [0.02]


def test_jp_cap_in_force(rules: RuleBook) -> None:
    assert rules.row("jp_wage_cap", "2018-02")["cap"] == 7_703_500
    assert rules.row("jp_wage_cap", "2018-03")["cap"] == 8_094_000
    assert rules.row("jp_wage_cap", "2030-01")["cap"] == 11_086_300


def append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def test_analyst_row_takes_over_from_its_month(rules_dir: Path) -> None:
    # a new BPU lowest bracket tariff from 2027-01: JKK 1.2%, JKM 7,000
    append(rules_dir / "rules_bpu_tariff.csv", "2027-01,,1000000,0.012,7000,PP 99/2026,no,hypothetical")
    book = RuleBook.load(rules_dir)
    wage = pd.Series([2_000_000])
    before = premium_due(LAMPUNG, "2026-12", book, wage=wage)
    after = premium_due(LAMPUNG, "2027-01", book, wage=wage)
    assert before.frame["total"].tolist() == [16_800]
    assert after.frame["total"].tolist() == [19_000]
    assert {u["regulation"] for u in after.rules_used} == {"PP 99/2026"}


def test_analyst_benefit_row_changes_exposure(rules_dir: Path) -> None:
    append(rules_dir / "rules_benefits.csv", "2026-07,,jkk_funeral,idr,15000000,PP 99/2026,no,hypothetical")
    book = RuleBook.load(rules_dir)
    wage = pd.Series([1_000_000])
    assert exposure("2026-06", wage, book).amount.tolist() == [48_000_000 + 10_000_000 + 12_000_000]
    assert exposure("2026-07", wage, book).amount.tolist() == [48_000_000 + 15_000_000 + 12_000_000]


def test_digest_follows_the_bytes(rules: RuleBook, rules_dir: Path) -> None:
    assert RuleBook.load(rules_dir).digest == rules.digest
    append(rules_dir / "rules_late_fee.csv", "2030-01,,0.03,PP 99/2029,no,hypothetical")
    assert RuleBook.load(rules_dir).digest != rules.digest


# (id, table, transformation of the file text, text the message must contain)
BROKEN = [
    (
        "bad-month",
        "jp_wage_cap",
        lambda t: t.replace("2018-03,", "2018-3,"),
        "line 5: effective_from: expected YYYY-MM",
    ),
    (
        "bad-number",
        "jp_wage_cap",
        lambda t: t.replace("8094000", "8.094.000"),
        "cap: expected a non-negative number",
    ),
    ("blank-number", "pu_rates", lambda t: t.replace("JKM,,,0.0030", "JKM,,,"), "employer_rate: expected"),
    (
        "bad-program",
        "relief",
        lambda t: t.replace(",JKM,", ",JKN,"),
        "program: expected one of JKK, JKM, JHT, JP",
    ),
    (
        "bad-verified",
        "late_fee",
        lambda t: t.replace(",yes,", ",ya,"),
        "verified: expected yes or no, found 'ya'",
    ),
    (
        "no-regulation",
        "late_fee",
        lambda t: t.replace("PP 44/2015; PP 45/2015; PP 46/2015", ""),
        "regulation",
    ),
    (
        "to-before-from",
        "relief",
        lambda t: t.replace("2020-08,2021-01,JKK", "2020-08,2020-01,JKK"),
        "is before",
    ),
    ("jkk-no-group", "pu_rates", lambda t: t.replace("JKK,V,no", "JKK,,no"), "a JKK row needs risk_group"),
    ("jkm-with-group", "pu_rates", lambda t: t.replace("JKM,,", "JKM,I,"), "must be blank for JKM"),
    ("bad-unit", "benefits", lambda t: t.replace(",x_wage,", ",times,"), "unit: expected one of x_wage, idr"),
    (
        "duplicate",
        "jp_wage_cap",
        lambda t: t + "2018-03,,8100000,PP 45/2015,no,\n",
        "same key and effective_from as line 5",
    ),
    ("missing-column", "bpu_tariff", lambda t: t.replace("jkm_flat", "jkm"), "missing jkm_flat, unknown jkm"),
    ("short-row", "late_fee", lambda t: t + "2031-01,,0.03\n", "expected 6 cells, found 3"),
    ("empty", "late_fee", lambda t: "", "found an empty file"),
]


@pytest.mark.parametrize(("table", "edit", "message"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_broken_table_is_refused(rules_dir: Path, table: str, edit, message: str) -> None:  # type: ignore[no-untyped-def]
    path = rules_dir / SPECS[table].file_name
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        RuleBook.load(rules_dir)
    assert caught.value.path == str(path)
    assert message in str(caught.value)


def test_missing_table_is_refused(rules_dir: Path) -> None:
    (rules_dir / "rules_relief.csv").unlink()
    with pytest.raises(InputError, match=r"missing rules_relief\.csv"):
        RuleBook.load(rules_dir)


def test_not_utf8_is_refused(rules_dir: Path) -> None:
    (rules_dir / "rules_relief.csv").write_bytes("effective_from\n\xff\xfe".encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8"):
        RuleBook.load(rules_dir)


def test_check_covers_says_before_any_file_is_read_that_a_period_has_no_rules(rules: RuleBook) -> None:
    """2014-06 predates the BPU tariff table: the run must stop at once with that message (exit 2)."""
    rules.check_covers("2024-05", LAMPUNG)

    with pytest.raises(
        InputError, match=r"rules_bpu_tariff\.csv: expected BPU tariff brackets in force at 2014-06"
    ):
        rules.check_covers("2014-06", LAMPUNG)


def test_check_covers_asks_for_what_the_policy_needs(rules_dir: Path) -> None:
    """A PU employer in risk group V needs that JKK row; a BPU employer does not."""
    pu = Policy.from_dict(
        {"employer": "X", "workforce": "Y", "scheme": "PU", "programs": ["JKK", "JKM"], "jkk_risk_group": "V"}
    )
    rates = rules_dir / "rules_pu_rates.csv"
    rates.write_text(
        "".join(line for line in rates.read_text(encoding="utf-8").splitlines(True) if ",JKK,V," not in line),
        encoding="utf-8",
    )
    book = RuleBook.load(rules_dir)

    book.check_covers("2024-05", LAMPUNG)
    with pytest.raises(InputError, match=r"rules_pu_rates\.csv.*risk_group=V"):
        book.check_covers("2024-05", pu)
