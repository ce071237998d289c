"""NOT_ON_PAYROLL says "paying for nobody" only when something is billed for the person."""

from __future__ import annotations

from tests.builders import DEWI, SITI, THREE_ON_PAYROLL, run, table

HEADER = "kpj         | nik    | name         | birth_date | status | total"
SITI_BILLED = f"18012345671 | {SITI} | SITI AMINAH  | 15-05-1985 | AKTIF  | 16800"
DEWI_BILLED = f"18012345674 | {DEWI} | DEWI SARTIKA | 09-09-1991 | AKTIF  | 16800"
DEWI_CANCELLED = f"18012345674 | {DEWI} | DEWI SARTIKA | 09-09-1991 | AKTIF  | -16800"


def _ghost_detail(*rows: str) -> str:
    result = run([table("payroll", THREE_ON_PAYROLL)], [table("bpjs", "\n".join([HEADER, *rows]))])
    (detail,) = result.findings.loc[result.findings["category"] == "NOT_ON_PAYROLL", "detail"]
    return str(detail)


def test_a_billed_ghost_is_paying_for_nobody() -> None:
    assert "membayar untuk orang yang tidak bekerja" in _ghost_detail(SITI_BILLED, DEWI_BILLED)


def test_a_ghost_whose_bill_a_correction_cancelled_costs_nothing_yet() -> None:
    detail = _ghost_detail(SITI_BILLED, DEWI_BILLED, DEWI_CANCELLED)
    assert "membayar" not in detail
    assert "periode ini tidak ada tagihan untuknya" in detail
