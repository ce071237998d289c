"""The console summary: the overpayment holds every bill that is not due; signed differences per direction."""

from __future__ import annotations

import pytest

from flows.summary_text import summary_lines
from reconcile.messages import rupiah_amount
from tests.builders import ANI, BUDI, SITI, THREE_ON_PAYROLL, run, table

PAYROLL = THREE_ON_PAYROLL
# Ani: NON AKTIF, still billed. Siti declared 1,300,000, Budi 500,000 (policy: 1,000,000); Budi billed
# 10,000 where 16,800 is due.
BPJS = f"""
kpj         | nik    | name         | birth_date | status    | reported_wage | total
18000000001 | {SITI} | SITI AMINAH  | 15-May-85  | AKTIF     | 1300000       | 16800
18000000002 | {BUDI} | BUDI SANTOSO | 03-Aug-90  | AKTIF     | 500000        | 10000
18000000003 | {ANI}  | ANI LESTARI  | 21-Jan-79  | NON AKTIF | 1000000       | 16800
"""


def _lines(lang: str) -> list[str]:
    return summary_lines(run([table("payroll", PAYROLL)], [table("bpjs", BPJS)]), lang)


def test_money_line_counts_the_inactive_bill_and_shows_the_shortfall_apart() -> None:
    money = next(line for line in _lines("id") if line.startswith("Iuran ditagih"))
    assert money == (
        "Iuran ditagih Rp43.600, seharusnya Rp33.600; "
        "kelebihan bayar Rp16.800 per bulan, kurang ditagih Rp6.800."
    )


def test_wage_mismatch_is_shown_per_direction() -> None:
    lines = _lines("en")
    at = next(i for i, line in enumerate(lines) if line.lstrip().startswith("WAGE_MISMATCH"))
    assert lines[at].endswith("wages Rp        800,000")  # 300,000 + 500,000 unsigned; wages, not money
    assert lines[at + 1].strip() == (
        "below what it should be Rp500,000 (rows: 1), above what it should be Rp300,000 (rows: 1)"
    )


PARTICIPANT_LIST = f"""
kpj         | nik    | name         | birth_date | status
18000000001 | {SITI} | SITI AMINAH  | 15-May-85  | AKTIF
18000000002 | {BUDI} | BUDI SANTOSO | 03-Aug-90  | AKTIF
"""


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("id", "Iuran ditagih: tagihan tidak ada di input BPJS (daftar peserta tanpa kolom iuran); "),
        ("en", "Billed: no billing in the BPJS inputs (a participant list without contribution columns); "),
    ],
)
def test_a_participant_list_says_the_billing_is_missing_instead_of_a_negative_remainder(
    lang: str, expected: str
) -> None:
    lines = summary_lines(run([table("payroll", PAYROLL)], [table("bpjs", PARTICIPANT_LIST)]), lang)
    money = next(line for line in lines if line.startswith(expected.split(":")[0]))
    assert money.startswith(expected) and "Rp-" not in money and "sisa" not in money


def test_negative_rupiah_put_the_sign_before_the_symbol() -> None:
    assert (rupiah_amount(-134400), rupiah_amount(134400), rupiah_amount(0)) == (
        "-Rp134.400",
        "Rp134.400",
        "Rp0",
    )


def test_english_texts_group_rupiah_the_english_way() -> None:
    lines = _lines("en")
    money = next(line for line in lines if line.startswith("Billed"))
    assert "Rp43,600" in money and "Rp33,600" in money and "." not in money[:-1].replace("...", "")
    result = run([table("payroll", PAYROLL)], [table("bpjs", BPJS)], lang="en")
    premium = result.findings[result.findings["category"] == "PREMIUM_MISMATCH"]["detail"].iloc[0]
    assert "Rp10,000" in premium and "Rp16,800" in premium
