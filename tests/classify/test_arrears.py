"""Arrears (rapel / tunggakan) and advance lines: a BPJS row whose own period column names another
month than the run's is billed for that month, not a second registration for this one."""

from __future__ import annotations

import pandas as pd

from reconcile.classify.arrears import other_month
from reconcile.classify.corrections import Netting
from reconcile.model import empty_issues
from reconcile.readers.aliases import alias_table
from reconcile.result import ReconResult
from tests.builders import BUDI, SITI, flat, run, table

PERIOD = "2024-05"
PAYROLL = f"""
nik    | name         | birth_date | monthly_wage
{SITI} | Siti Aminah  | 15-05-1985 | 2000000
{BUDI} | Budi Santoso | 03-08-1990 | 2000000
"""
HEADER = "kpj         | nik    | name         | birth_date | join_date  | status | period  | total"
SITI_MAY = f"18012345671 | {SITI} | SITI AMINAH  | 15-05-1985 | 01-01-2024 | AKTIF  | 05-2024 | 16800"


def _budi(period: str, total: int = 16800, joined: str = "10-04-2024") -> str:
    return f"18012345672 | {BUDI} | BUDI SANTOSO | 03-08-1990 | {joined} | AKTIF  | {period} | {total}"


def _run(*rows: str) -> ReconResult:
    bpjs = table("bpjs", "\n".join([HEADER, *rows]), file="bpjs/rincian.xlsx")
    return run([table("payroll", PAYROLL)], [bpjs], period=PERIOD)


def _bpjs_outcome(result: ReconResult) -> tuple[int, int, int, int]:
    bpjs = next(i for i in result.inputs if i.kind == "bpjs")
    return bpjs.paired, bpjs.findings_only, bpjs.rejected, bpjs.no_action


def _money_adds_up(result: ReconResult) -> None:
    s, lines = result.summary, result.summary.money_lines
    explained = s.overpayment_idr - lines["under_billed"] + lines["identity_to_decide"]
    assert round(s.billed_idr - s.due_idr) == round(
        explained + lines["arrears_other_months"] + lines["remainder"]
    )
    assert lines["remainder"] == 0
    assert result.balanced


def _warnings_on(result: ReconResult, row: int) -> list[str]:
    return result.warnings.loc[result.warnings["source_row"] == row, "message"].astype(str).tolist()


def test_the_period_column_is_read_from_bpjs_headers() -> None:
    aliases = alias_table("bpjs")
    for header in ("PERIODE", "BULAN IURAN", "PERIODE IURAN", "MASA IURAN"):
        assert aliases.field_for(header) == "period"


def test_an_arrears_row_is_no_second_registration() -> None:
    # Budi joined 10-04-2024: the May bill also charges April, on a row of its own.
    result = _run(SITI_MAY, _budi("APRIL 2024"), _budi("05-2024"))
    assert flat(result) == []
    s = result.summary
    assert (s.billed_idr, s.due_idr, s.overpayment_idr) == (50_400, 33_600, 0)
    assert s.money_lines["arrears_other_months"] == 16_800
    _money_adds_up(result)
    assert _bpjs_outcome(result) == (2, 0, 0, 1)  # the arrears row: accounted, nothing to do
    (warning,) = _warnings_on(result, 3)
    assert "2024-04" in warning and "tunggakan" in warning


def test_arrears_for_a_month_before_the_membership_are_not_due() -> None:
    result = _run(SITI_MAY, _budi("2024-04", joined="02-05-2024"), _budi("2024-05", joined="02-05-2024"))
    assert flat(result) == [("PREMIUM_MISMATCH", "bpjs", 3), ("PREMIUM_MISMATCH", "payroll", 3)]
    finding = result.findings.iloc[0]
    assert (finding["expected_idr"], finding["billed_idr"], finding["difference_idr"]) == (0, 16_800, 16_800)
    assert "2024-04" in str(finding["detail"]) and "02-05-2024" in str(finding["detail"])
    s = result.summary
    # Not this month's recurring overpayment: not annualised.
    assert s.overpayment_idr == 0 and s.money_lines["over_premium"] == 0
    assert s.money_lines["arrears_other_months"] == 16_800
    _money_adds_up(result)
    assert _bpjs_outcome(result) == (2, 1, 0, 0)


def test_an_arrears_premium_is_checked_against_its_own_month() -> None:
    result = _run(SITI_MAY, _budi("04-2024", total=20000), _budi("05-2024"))
    assert flat(result) == [("PREMIUM_MISMATCH", "bpjs", 3), ("PREMIUM_MISMATCH", "payroll", 3)]
    finding = result.findings.iloc[0]
    assert (finding["expected_idr"], finding["difference_idr"]) == (16_800, 3_200)
    assert result.summary.money_lines["over_premium"] == 0
    assert result.summary.money_lines["arrears_other_months"] == 20_000
    _money_adds_up(result)


def test_a_row_for_a_later_month_is_paid_in_advance() -> None:
    result = _run(SITI_MAY, _budi("05-2024"), _budi("Jun-24"))
    assert flat(result) == []
    (warning,) = _warnings_on(result, 4)
    assert "2024-06" in warning and "di muka" in warning
    _money_adds_up(result)


def test_a_period_equal_to_the_run_changes_nothing() -> None:
    with_period = _run(SITI_MAY, _budi("05-2024"), _budi("202405"))
    assert flat(with_period) == [("DUPLICATE_PARTICIPANT", "bpjs", 3), ("DUPLICATE_PARTICIPANT", "bpjs", 4)]
    assert with_period.summary.money_lines["arrears_other_months"] == 0
    assert with_period.summary.overpayment_idr == 16_800


def test_arrears_warnings_follow_the_language() -> None:
    bpjs = table("bpjs", "\n".join([HEADER, SITI_MAY, _budi("04-2024"), _budi("05-2024")]))
    result = run([table("payroll", PAYROLL)], [bpjs], period=PERIOD, lang="en")
    messages = result.warnings["message"].astype(str)
    assert messages.str.contains("arrears for 2024-04").any()
    assert not pd.isna(result.summary.money_lines["arrears_other_months"])


def test_rows_set_aside_already_are_no_arrears_lines() -> None:
    # E.g. the JKM line of an April bill split by program: its bill is on the JKK line.
    bpjs = pd.DataFrame(
        {"billing_period": ["2024-04", "2024-04", "2024-05"], "rejected": [False, False, False]},
        index=[0, 1, 2],
    )
    aside = pd.Series([False, True, False], index=bpjs.index)
    netting = Netting(pd.Series(16800.0, index=bpjs.index), aside & False, aside, empty_issues())
    assert other_month(bpjs, netting, PERIOD).to_dict() == {0: "2024-04"}
