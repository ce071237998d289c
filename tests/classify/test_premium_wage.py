"""PU premiums when BPJS gives no reported wage: reckoned on the paired payroll wage, or said unchecked."""

from __future__ import annotations

from reconcile.categories import Category
from reconcile.result import ReconResult
from reconcile.rules import Policy
from tests.builders import nik, run, table

PU = Policy.from_dict(
    {
        "employer": "Uji",
        "workforce": "Honorer",
        "scheme": "PU",
        "programs": ["JKK", "JKM"],
        "jkk_risk_group": "I",
    }
)
A, B = nik(12, 5, 85), nik(1, 1, 90, serial=2)
# JKK group I 0.24% + JKM 0.30% of 3,000,000 = 16,200.


def _run(payroll_text: str, bpjs_text: str, lang: str = "id") -> ReconResult:
    return run([table("payroll", payroll_text)], [table("bpjs", bpjs_text)], "2024-05", lang, PU)  # type: ignore[arg-type]


def _premium_findings(result: ReconResult) -> list[dict[str, object]]:
    rows = result.findings[result.findings["category"] == str(Category.PREMIUM_MISMATCH)]
    return rows.to_dict("records")


def test_without_a_reported_wage_the_premium_is_reckoned_on_the_paired_insured_wage() -> None:
    result = _run(
        f"""
        nik | name        | birth_date | daily_wage | monthly_wage
        {A} | Budi Santoso | 12-05-1985 | 120000     |
        {B} | Siti Aminah  | 01-01-1990 |            | 3000000
        """,
        f"""
        kpj         | nik | name         | birth_date | status | total
        18000000001 | {A} | Budi Santoso | 12-05-1985 | AKTIF  | 10800
        18000000002 | {B} | Siti Aminah  | 01-01-1990 | AKTIF  | 16200
        """,
    )

    (finding,) = _premium_findings(result)
    assert finding["expected_idr"] == 16200  # daily 120,000 x 25 = 3,000,000, not what 22 days paid
    assert "Rp3.000.000 diambil dari daftar gaji" in str(finding["detail"])
    assert result.summary.due_idr == 32400
    assert result.notices == ()


def test_the_detail_says_so_in_english_too() -> None:
    result = _run(
        f"""
        nik | name         | birth_date | monthly_wage
        {B} | Siti Aminah  | 01-01-1990 | 3000000
        """,
        f"""
        kpj         | nik | name         | birth_date | status | total
        18000000002 | {B} | Siti Aminah  | 01-01-1990 | AKTIF  | 20000
        """,
        lang="en",
    )

    (finding,) = _premium_findings(result)
    assert "Rp3,000,000 the premium is reckoned on comes from the payroll" in str(finding["detail"])


def test_a_reported_wage_still_comes_first() -> None:
    result = _run(
        f"""
        nik | name         | birth_date | monthly_wage
        {B} | Siti Aminah  | 01-01-1990 | 3000000
        """,
        f"""
        kpj         | nik | name         | birth_date | status | reported_wage | total
        18000000002 | {B} | Siti Aminah  | 01-01-1990 | AKTIF  | 2000000       | 10800
        """,
    )

    assert _premium_findings(result) == []  # 0.54% of the reported 2,000,000
    assert result.notices == ()


def test_billed_rows_with_no_wage_on_either_side_are_unchecked_and_a_notice_says_how_many() -> None:
    result = _run(
        f"""
        nik | name         | birth_date | monthly_wage | daily_wage | days_worked
        {A} | Budi Santoso | 12-05-1985 |              |            |
        """,
        f"""
        kpj         | nik | name         | birth_date | status | total
        18000000001 | {A} | Budi Santoso | 12-05-1985 | AKTIF  | 10800
        """,
    )

    assert _premium_findings(result) == []
    (notice,) = result.notices
    assert notice.startswith("1 baris BPJS yang ditagih tidak dapat diperiksa iurannya")


def test_a_fixed_bpu_declared_income_says_nothing_about_a_payroll_wage() -> None:
    """BPU on a declared Rp1,000,000 (the default policy): the premium never depends on a wage."""
    result = run(
        [
            table(
                "payroll",
                f"nik | name | birth_date | monthly_wage\n{A} | Budi Santoso | 12-05-1985 | 2000000\n",
            )
        ],
        [
            table(
                "bpjs",
                f"kpj | nik | name | birth_date | status | total\n"
                f"18012345671 | {A} | BUDI SANTOSO | 12-May-85 | AKTIF | 16000\n",
            )
        ],
        "2024-05",
    )
    (finding,) = _premium_findings(result)
    assert "Rp16.800" in str(finding["detail"])
    assert "daftar gaji" not in str(finding["detail"])
