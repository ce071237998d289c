"""IDENTITY_MISMATCH and NIKs masked by BPJS in its own export: nothing to correct, unless the
digits still shown contradict the payroll NIK."""

from __future__ import annotations

from tests.builders import ANI, BUDI, SITI, flat, run, table

PAYROLL = f"""
nik    | name                     | birth_date | monthly_wage
{SITI} | Hj. Siti Aminah, S.Pd    | 15-05-1985 | Rp 2.000.000
{BUDI} | Budi Santoso             | 03/08/1990 | 1.850.000
{ANI}  | Ani Lestari              | 21-01-1979 | 2000000
"""


def _masked(nik: str) -> str:
    return nik[:4] + "*" * 10 + nik[-2:]


def _bpjs(budi_nik: str) -> str:
    ani = "*" * 12 + ANI[-4:]
    return f"""
kpj         | nik            | name         | birth_date | status | reported_wage | jkk   | jkm  | total
18012345671 | {_masked(SITI)} | SITI AMINAH  | 15-May-85  | AKTIF  | 1000000       | 10000 | 6800 | 16800
18012345672 | {budi_nik}     | BUDI SANTOSO | 03-Aug-90  | AKTIF  | 1000000       | 10000 | 6800 | 16800
18012345673 | {ani} | ANI LESTARI  | 21-Jan-79  | AKTIF  | 1000000       | 10000 | 6800 | 16800
"""


def test_masked_niks_whose_visible_digits_agree_give_no_finding_and_count_as_covered() -> None:
    result = run([table("payroll", PAYROLL)], [table("bpjs", _bpjs(_masked(BUDI)))])
    assert flat(result) == []
    assert result.summary.insured == 3
    assert not result.warnings["message"].astype(str).str.contains("NIK").any()


def test_visible_digits_that_contradict_the_payroll_nik_are_one_mismatch() -> None:
    other = BUDI[:-2] + "99"  # the same person by name and birth date, but the NIK's end differs
    result = run([table("payroll", PAYROLL)], [table("bpjs", _bpjs(_masked(other)))])
    assert flat(result) == [("IDENTITY_MISMATCH", "bpjs", 3), ("IDENTITY_MISMATCH", "payroll", 3)]
    assert "digit yang terlihat tidak sama" in result.findings.iloc[0]["detail"]
    assert result.summary.insured == 3
