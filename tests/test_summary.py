"""Summary money on small inline tables: billed − due is explained line by line, signed differences
are never netted, and the trend reads the same overpayment back from the findings."""

from __future__ import annotations

import pytest

from reconcile.ledger import period_figures
from reconcile.result import ReconResult, SignedTotal
from reconcile.summary import OVERPAYMENT_LINES
from tests.builders import ANI, BUDI, DEWI, SITI, THREE_ON_PAYROLL, flat, run, table

PAYROLL = THREE_ON_PAYROLL
HEADER = "kpj | nik | name | birth_date | status | reported_wage | total\n"


def _bpjs(*rows: str) -> str:
    return HEADER + "\n".join(rows)


def _row(kpj: str, who: str, status: str = "AKTIF", wage: int = 1000000, total: int = 16800) -> str:
    name, born = {
        SITI: ("SITI AMINAH", "15-May-85"),
        BUDI: ("BUDI SANTOSO", "03-Aug-90"),
        ANI: ("ANI LESTARI", "21-Jan-79"),
        DEWI: ("DEWI SARTIKA", "09-Sep-91"),
    }[who]
    return f"{kpj} | {who} | {name} | {born} | {status} | {wage} | {total}"


def _run(*bpjs_rows: str) -> ReconResult:
    return run([table("payroll", PAYROLL)], [table("bpjs", _bpjs(*bpjs_rows))])


def _lines_add_up(result: ReconResult) -> None:
    """billed − due = overpayment − billed below the rules + remainder, and the overpayment is its lines."""
    s = result.summary
    lines = s.money_lines
    assert s.overpayment_idr == sum(lines[k] for k in OVERPAYMENT_LINES)
    assert s.billed_idr - s.due_idr == pytest.approx(
        s.overpayment_idr - lines["under_billed"] + lines["identity_to_decide"] + lines["remainder"]
    )


def test_bill_for_an_inactive_membership_of_a_payroll_worker_is_an_overpayment() -> None:
    # Ani is paid but her membership is NON AKTIF, still billed: 16,800 for no protection. Dewi is on
    # no payroll at all. Neither bill is due, so both are overpayment; nothing is left unexplained.
    result = _run(
        _row("18000000001", SITI),
        _row("18000000002", BUDI),
        _row("18000000003", ANI, status="NON AKTIF"),
        _row("18000000004", DEWI),
    )
    s = result.summary
    assert (s.billed_idr, s.due_idr) == (4 * 16800, 2 * 16800)
    assert s.money_lines["inactive"] == 16800 and s.money_lines["not_on_payroll"] == 16800
    assert s.overpayment_idr == s.billed_idr - s.due_idr == 33600
    assert s.money_lines["remainder"] == 0
    _lines_add_up(result)


def test_someone_not_on_the_payroll_registered_twice_is_not_counted_twice() -> None:
    result = _run(
        _row("18000000001", SITI),
        _row("18000000002", BUDI),
        _row("18000000003", ANI),
        _row("18000000004", DEWI),
        _row("18000000005", DEWI),
    )
    found = flat(result)
    assert ("DUPLICATE_PARTICIPANT", "bpjs", 5) in found and ("NOT_ON_PAYROLL", "bpjs", 6) in found
    s = result.summary
    assert s.overpayment_idr == s.billed_idr - s.due_idr == 2 * 16800
    assert s.money_lines["double_billing"] == 0 and s.amounts["DUPLICATE_PARTICIPANT"] == 0
    _lines_add_up(result)


def test_duplicate_registration_billed_off_the_tariff_counts_its_excess_once() -> None:
    # Siti registered twice, both billed 18,000 where 16,800 is due: one registration is due (its excess
    # of 1,200 is over-billed premium), the whole second bill is double billing.
    result = _run(
        _row("18000000001", SITI, total=18000),
        _row("18000000009", SITI, total=18000),
        _row("18000000002", BUDI),
        _row("18000000003", ANI),
    )
    s = result.summary
    assert s.billed_idr - s.due_idr == 36000 - 16800
    assert (s.money_lines["double_billing"], s.money_lines["over_premium"]) == (18000, 1200)
    assert s.overpayment_idr == 19200
    _lines_add_up(result)


def test_premium_billed_below_the_rules_is_shown_apart_not_netted() -> None:
    result = _run(
        _row("18000000001", SITI, total=18800),  # 2,000 above
        _row("18000000002", BUDI, total=10000),  # 6,800 below
        _row("18000000003", ANI),
    )
    s = result.summary
    assert s.signed["PREMIUM_MISMATCH"] == SignedTotal(
        below_rows=1, below_idr=6800, above_rows=1, above_idr=2000
    )
    assert s.amounts["PREMIUM_MISMATCH"] == 8800  # sum of absolute differences, not −4,800
    assert (s.overpayment_idr, s.money_lines["under_billed"]) == (2000, 6800)
    assert s.billed_idr - s.due_idr == -4800
    _lines_add_up(result)


def test_wage_differences_in_both_directions_are_not_netted() -> None:
    # BPU on a declared Rp1,000,000: one reports 1,300,000 (+300,000), one 500,000 (−500,000).
    result = _run(
        _row("18000000001", SITI, wage=1300000),
        _row("18000000002", BUDI, wage=500000),
        _row("18000000003", ANI),
    )
    s = result.summary
    assert s.counts["WAGE_MISMATCH"] == 2
    assert s.signed["WAGE_MISMATCH"] == SignedTotal(
        below_rows=1, below_idr=500000, above_rows=1, above_idr=300000
    )
    assert s.amounts["WAGE_MISMATCH"] == 800000


@pytest.mark.parametrize(
    "rows",
    [
        (_row("1", SITI), _row("2", BUDI), _row("3", ANI, status="NON AKTIF"), _row("4", DEWI)),
        (_row("1", SITI, total=18000), _row("9", SITI, total=18000), _row("2", BUDI), _row("3", ANI)),
        (_row("1", SITI), _row("2", BUDI), _row("3", ANI), _row("4", DEWI), _row("5", DEWI)),
    ],
)
def test_trend_reads_the_summary_overpayment_back_from_the_findings(rows: tuple[str, ...]) -> None:
    result = _run(*rows)
    assert period_figures(result.findings)["overpayment_idr"] == result.summary.overpayment_idr


PARTICIPANT_LIST = f"""
kpj         | nik    | name         | birth_date | status
18000000001 | {SITI} | SITI AMINAH  | 15-May-85  | AKTIF
18000000002 | {BUDI} | BUDI SANTOSO | 03-Aug-90  | AKTIF
"""


def test_a_participant_list_carries_no_billing_and_leaves_no_negative_remainder() -> None:
    s = run([table("payroll", PAYROLL)], [table("bpjs", PARTICIPANT_LIST)]).summary
    assert s.billing_in_inputs is False
    assert s.due_idr > 0  # the due amount is still known
    assert s.money_lines["remainder"] == 0
    billed = run([table("payroll", PAYROLL)], [table("bpjs", _bpjs(_row("18000000001", SITI)))]).summary
    assert billed.billing_in_inputs is True


def test_the_bill_of_a_record_carrying_a_payroll_nik_but_another_person_awaits_a_decision() -> None:
    # BPJS bills "RATNA" under Ani's NIK, with another name and birth date: not Ani's record, and
    # nobody else's either until someone decides. Her bill is neither due nor overpaid: its own line.
    ratna = f"18000000003 | {ANI} | RATNA DWI MAHARANI | 31-Mar-80 | AKTIF | 1000000 | 16800"
    result = _run(_row("18000000001", SITI), _row("18000000002", BUDI), ratna)
    s = result.summary
    assert (s.billed_idr, s.due_idr, s.overpayment_idr) == (3 * 16800, 2 * 16800, 0)
    assert s.money_lines["identity_to_decide"] == 16800 and s.money_lines["remainder"] == 0
    assert "IDENTITY_MISMATCH" in {c for c, _, _ in flat(result)}
    _lines_add_up(result)


def test_a_record_under_a_paired_workers_nik_but_another_person_is_billed_for_nobody() -> None:
    # Budi has his own record; "MARYAM" is billed under Budi's NIK with another name and birth date.
    # Nobody on the payroll is in doubt, so her bill is paid for someone not on the payroll.
    maryam = f"18000000009 | {BUDI} | MARYAM | 06-Jun-60 | AKTIF | 1000000 | 16800"
    result = _run(_row("18000000001", SITI), _row("18000000002", BUDI), _row("18000000003", ANI), maryam)
    assert ("NOT_ON_PAYROLL", "bpjs", 5) in flat(result)
    s = result.summary
    assert s.money_lines["not_on_payroll"] == 16800 and s.money_lines["remainder"] == 0
    assert s.undecided == 0
    _lines_add_up(result)


def test_an_identity_conflict_in_a_participant_list_without_billing_carries_no_bill() -> None:
    # A participant list (no premium columns): "RATNA" under Ani's NIK is a conflict with no bill.
    listing = (
        "kpj | nik | name | birth_date | status\n"
        f"18000000001 | {SITI} | SITI AMINAH | 15-May-85 | AKTIF\n"
        f"18000000003 | {ANI} | RATNA DWI MAHARANI | 31-Mar-80 | AKTIF"
    )
    result = run([table("payroll", PAYROLL)], [table("bpjs", listing)])
    assert "IDENTITY_MISMATCH" in {c for c, _, _ in flat(result)}
    assert result.summary.money_lines["identity_to_decide"] == 0 and result.balanced


ARREARS_HEADER = "kpj | nik | name | birth_date | join_date | status | period | total\n"


def test_bills_for_another_month_are_a_line_of_their_own_not_a_recurring_overpayment() -> None:
    # Siti billed for May and, on rows of their own, for April (off the tariff) and for March,
    # before her membership started: billed, not due this month, and not this month's overpayment.
    rows = [
        f"18000000001 | {SITI} | SITI AMINAH | 15-May-85 | 10-04-2024 | AKTIF | {month} | {total}"
        for month, total in (("05-2024", 16800), ("04-2024", 18000), ("03-2024", 16800))
    ]
    bpjs = table("bpjs", ARREARS_HEADER + "\n".join(rows))
    result = run([table("payroll", PAYROLL)], [bpjs], period="2024-05")
    s = result.summary
    assert flat(result).count(("PREMIUM_MISMATCH", "bpjs", 3)) == 1  # April: 1,200 over its rules
    assert flat(result).count(("PREMIUM_MISMATCH", "bpjs", 4)) == 1  # March: nothing due
    assert s.money_lines["arrears_other_months"] == 18000 + 16800
    assert s.money_lines["over_premium"] == 0 and s.money_lines["remainder"] == 0
    assert s.billed_idr - s.due_idr == pytest.approx(
        s.overpayment_idr
        - s.money_lines["under_billed"]
        + s.money_lines["arrears_other_months"]
        + s.money_lines["remainder"]
    )
    assert period_figures(result.findings)["overpayment_idr"] == s.overpayment_idr
