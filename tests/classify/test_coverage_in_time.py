"""Coverage in time: a registration covers a period only when its dates do; unreadable statuses."""

from __future__ import annotations

from tests.builders import ANI, BUDI, SITI, flat, run, table

PERIOD = "2024-05"

PAYROLL = f"""
nik    | name         | birth_date | monthly_wage
{SITI} | Siti Aminah  | 15-05-1985 | 2.000.000
{BUDI} | Budi Santoso | 03/08/1990 | 1.850.000
{ANI}  | Ani Lestari  | 21-01-1979 | 2000000
"""


def _bpjs(
    ani_join: str = "01-01-2020", ani_status: str = "AKTIF", ani_total: str = "16800", ani_end: str = ""
) -> str:
    return f"""
kpj         | nik    | name         | birth_date | join_date  | status       | end_date  | total
18012345671 | {SITI} | SITI AMINAH  | 15-May-85  | 01-01-2020 | AKTIF        |           | 16800
18012345672 | {BUDI} | BUDI SANTOSO | 03-Aug-90  | 01-01-2020 | AKTIF        |           | 16800
18012345673 | {ANI}  | ANI LESTARI  | 21-Jan-79  | {ani_join} | {ani_status} | {ani_end} | {ani_total}
"""


def _run(**ani: str):
    return run([table("payroll", PAYROLL)], [table("bpjs", _bpjs(**ani))], period=PERIOD)


def _finding(result, category: str):
    rows = result.findings[result.findings["category"] == category]
    assert len(rows) == 1, result.findings[["category", "detail"]]
    return rows.iloc[0]


def test_a_registration_that_starts_after_the_period_does_not_cover_it() -> None:
    result = _run(ani_join="20-06-2024", ani_total="0")
    assert flat(result) == [("INACTIVE", "bpjs", 4), ("INACTIVE", "payroll", 4)]
    assert "20-06-2024" in _finding(result, "INACTIVE")["detail"]
    assert result.summary.insured == 2


def test_a_premium_billed_before_the_registration_starts_is_due_nothing() -> None:
    result = _run(ani_join="15 Jun 2024")
    premium = _finding(result, "PREMIUM_MISMATCH")
    assert (premium["expected_idr"], premium["billed_idr"]) == (0, 16800)
    assert "15-06-2024" in premium["detail"]
    assert {c for c, _, _ in flat(result)} == {"INACTIVE", "PREMIUM_MISMATCH"}


def test_a_join_date_within_the_period_covers_it() -> None:
    assert flat(_run(ani_join="20-05-2024")) == []


def test_an_end_date_before_the_period_wins_over_an_active_status() -> None:
    result = _run(ani_end="31-03-2024", ani_total="0")
    detail = _finding(result, "INACTIVE")["detail"]
    assert "31-03-2024" in detail and '"AKTIF"' in detail  # the contradiction is named


def test_an_end_date_within_the_period_is_a_gap_from_that_day() -> None:
    result = _run(ani_status="NON AKTIF", ani_end="15-05-2024")
    assert flat(result) == [("INACTIVE", "bpjs", 4), ("INACTIVE", "payroll", 4)]
    assert "15-05-2024" in _finding(result, "INACTIVE")["detail"]
    assert result.summary.insured == 2


def test_non_active_from_the_first_day_of_the_period_does_not_cover_it() -> None:
    result = _run(ani_status="Nonaktif per 01-05-2024", ani_total="0")
    assert flat(result) == [("INACTIVE", "bpjs", 4), ("INACTIVE", "payroll", 4)]


def test_an_end_on_the_last_day_or_later_covers_the_period() -> None:
    assert flat(_run(ani_status="Aktif s/d 31-05-2024")) == []
    assert flat(_run(ani_status="Nonaktif per 01-06-2024")) == []


def test_a_status_with_an_until_date_before_the_period_is_not_active() -> None:
    result = _run(ani_status="Aktif s/d 30-04-2024", ani_total="0")
    assert flat(result) == [("INACTIVE", "bpjs", 4), ("INACTIVE", "payroll", 4)]


def test_a_status_with_an_until_date_after_the_period_is_active() -> None:
    assert flat(_run(ani_status="Aktif s/d 31-12-2024")) == []


def test_an_unreadable_status_keeps_the_worker_registered() -> None:
    result = _run(ani_status="Dalam Proses", ani_total="0")
    assert flat(result) == [("INACTIVE", "bpjs", 4), ("INACTIVE", "payroll", 4), ("INVALID_ROW", "bpjs", 4)]
    assert "Dalam Proses" in _finding(result, "INACTIVE")["detail"]
    assert "tetap dihitung" in _finding(result, "INVALID_ROW")["detail"]  # the row still counts


def test_an_unreadable_billed_status_is_covered_and_counted_as_billed() -> None:
    result = _run(ani_status="Dalam Proses")
    assert flat(result) == [("INVALID_ROW", "bpjs", 4)]
    assert result.summary.billed_idr == 3 * 16800
    assert result.summary.insured == 3


def test_the_inactive_detail_quotes_the_status_and_names_a_death() -> None:
    left = _finding(_run(ani_status="KELUAR - MENGUNDURKAN DIRI", ani_total="0"), "INACTIVE")["detail"]
    assert "KELUAR - MENGUNDURKAN DIRI" in left and "NON AKTIF" not in left
    died = _finding(_run(ani_status="MENINGGAL DUNIA", ani_total="0"), "INACTIVE")["detail"]
    assert "meninggal dunia" in died and "daftar gaji" in died


def test_a_membership_that_ended_within_the_period_still_owes_that_months_premium() -> None:
    # Ani: NON AKTIF from 16 May, billed 16,800 for May: a gap from that day, but May was partly
    # covered, so its premium is due and no overpayment is reported for it.
    result = _run(ani_status="NON AKTIF", ani_end="15-05-2024")
    s = result.summary
    assert _finding(result, "INACTIVE")["expected_idr"] == 16800
    assert (s.billed_idr, s.due_idr, s.overpayment_idr) == (3 * 16800, 3 * 16800, 0)
    assert s.money_lines["inactive"] == 0 and s.money_lines["remainder"] == 0


def test_a_membership_that_ended_before_the_period_owes_nothing() -> None:
    result = _run(ani_status="NON AKTIF", ani_end="30-04-2024")
    s = result.summary
    assert (s.billed_idr, s.due_idr) == (3 * 16800, 2 * 16800)
    assert s.money_lines["remainder"] == 0
