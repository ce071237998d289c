"""Each finding category on small inline tables: what a row must produce, and what it must not."""

from __future__ import annotations

from reconcile.rules import Policy
from tests.builders import ANI, BUDI, SITI, flat, nik, run, table

PAYROLL = f"""
nik    | name                     | birth_date | monthly_wage
{SITI} | Hj. Siti Aminah, S.Pd    | 15-05-1985 | Rp 2.000.000
{BUDI} | Budi Santoso             | 03/08/1990 | 1.850.000
{ANI}  | Ani Lestari              | 21-01-1979 | 2000000
"""

BPJS = f"""
kpj         | nik    | name         | birth_date | status | reported_wage | jkk   | jkm  | total
18012345671 | {SITI} | SITI AMINAH  | 15-May-85  | AKTIF  | 1000000       | 10000 | 6800 | 16800
18012345672 | {BUDI} | BUDI SANTOSO | 03-Aug-90  | AKTIF  | 1000000       | 10000 | 6800 | 16800
18012345673 | {ANI}  | ANI LESTARI  | 21-Jan-79  | AKTIF  | 1000000       | 10000 | 6800 | 16800
"""


def _bpjs(text: str = BPJS, **swap: str) -> str:
    for old, new in swap.items():
        text = text.replace(old.replace("_", " "), new)
    return text


def test_everyone_insured_and_billed_right_gives_no_finding() -> None:
    result = run([table("payroll", PAYROLL)], [table("bpjs", BPJS)])
    assert flat(result) == []
    assert result.summary.coverage_rate == 1.0
    assert result.summary.due_idr == 3 * 16800
    assert result.balanced


def test_unregistered_worker_carries_the_exposure() -> None:
    bpjs = "\n".join(line for line in BPJS.splitlines() if BUDI not in line)
    result = run([table("payroll", PAYROLL)], [table("bpjs", bpjs)])
    assert flat(result) == [("UNREGISTERED", "payroll", 3)]
    finding = result.findings.iloc[0]
    # 2018-02 (PP 44/2015), BPU on a declared Rp1,000,000 (DOMAIN.md: the 48x applies to the declared
    # income, not the real wage): 48 x 1,000,000 + funeral 3,000,000 + periodic 4,800,000.
    assert finding["exposure_idr"] == 48 * 1_000_000 + 3_000_000 + 4_800_000
    assert result.summary.uninsured == 1


def test_inactive_registration_is_not_coverage() -> None:
    bpjs = BPJS.replace(
        "ANI LESTARI  | 21-Jan-79  | AKTIF  | 1000000       | 10000 | 6800 | 16800",
        "ANI LESTARI  | 21-Jan-79  | NON AKTIF | 1000000    | 0     | 0    | 0",
    )
    result = run([table("payroll", PAYROLL)], [table("bpjs", bpjs)])
    assert flat(result) == [("INACTIVE", "bpjs", 4), ("INACTIVE", "payroll", 4)]


def test_billed_for_someone_who_left_is_not_on_payroll() -> None:
    payroll = "\n".join(line for line in PAYROLL.splitlines() if ANI not in line)
    result = run([table("payroll", payroll)], [table("bpjs", BPJS)])
    assert flat(result) == [("NOT_ON_PAYROLL", "bpjs", 4)]
    assert result.summary.overpayment_idr == 16800


def test_inactive_unbilled_participant_not_on_payroll_needs_no_action() -> None:
    payroll = "\n".join(line for line in PAYROLL.splitlines() if ANI not in line)
    bpjs = BPJS.replace("AKTIF  | 1000000       | 10000 | 6800 | 16800\n", "X", 2).replace(
        "X", "AKTIF  | 1000000       | 10000 | 6800 | 16800\n", 2
    )
    bpjs = bpjs.replace(
        "ANI LESTARI  | 21-Jan-79  | AKTIF  | 1000000       | 10000 | 6800 | 16800",
        "ANI LESTARI  | 21-Jan-79  | NON AKTIF | 1000000    |       |      | 0",
    )
    result = run([table("payroll", payroll)], [table("bpjs", bpjs)])
    assert flat(result) == []
    bpjs_input = next(i for i in result.inputs if i.kind == "bpjs")
    assert (bpjs_input.paired, bpjs_input.no_action) == (2, 1)


def test_billed_amount_off_the_tariff_is_a_premium_mismatch() -> None:
    bpjs = BPJS.replace(
        "BUDI SANTOSO | 03-Aug-90  | AKTIF  | 1000000       | 10000 | 6800 | 16800",
        "BUDI SANTOSO | 03-Aug-90  | AKTIF  | 1000000       | 12000 | 6800 | 18800",
    )
    result = run([table("payroll", PAYROLL)], [table("bpjs", bpjs)])
    assert flat(result) == [("PREMIUM_MISMATCH", "bpjs", 3)]
    f = result.findings.iloc[0]
    assert (f["expected_idr"], f["billed_idr"], f["difference_idr"]) == (16800, 18800, 2000)


def test_declared_income_off_the_policy_is_a_wage_mismatch_on_both_sides() -> None:
    bpjs = BPJS.replace(
        "BUDI SANTOSO | 03-Aug-90  | AKTIF  | 1000000", "BUDI SANTOSO | 03-Aug-90  | AKTIF  | 1500000"
    )
    result = run([table("payroll", PAYROLL)], [table("bpjs", bpjs)])
    assert flat(result) == [("WAGE_MISMATCH", "bpjs", 3), ("WAGE_MISMATCH", "payroll", 3)]


def test_paid_twice_is_a_duplicate_not_a_gap() -> None:
    payroll = PAYROLL + f"{BUDI} | BUDI SANTOSO | 03-08-1990 | 1850000\n"
    result = run([table("payroll", payroll)], [table("bpjs", BPJS)])
    assert flat(result) == [("DUPLICATE_PAYROLL", "payroll", 3), ("DUPLICATE_PAYROLL", "payroll", 5)]
    assert result.summary.workers_on_payroll == 3


def test_registered_twice_is_a_duplicate_participant_not_a_ghost() -> None:
    bpjs = (
        BPJS + f"18099999991 | {SITI} | SITI AMINAH | 15-05-1985 | AKTIF | 1000000 | 10000 | 6800 | 16800\n"
    )
    result = run([table("payroll", PAYROLL)], [table("bpjs", bpjs)])
    assert flat(result) == [("DUPLICATE_PARTICIPANT", "bpjs", 2), ("DUPLICATE_PARTICIPANT", "bpjs", 5)]
    assert result.summary.overpayment_idr == 16800


def test_same_nik_different_birth_date_is_an_identity_mismatch_but_covered() -> None:
    bpjs = BPJS.replace("BUDI SANTOSO | 03-Aug-90", "BUDI SANTOSO | 08-Mar-90")
    result = run([table("payroll", PAYROLL)], [table("bpjs", bpjs)])
    assert flat(result) == [("IDENTITY_MISMATCH", "bpjs", 3), ("IDENTITY_MISMATCH", "payroll", 3)]
    assert result.summary.insured == 3
    assert "08-03-1990" in result.findings.iloc[0]["detail"]


def test_spelling_variants_of_names_are_not_findings() -> None:
    payroll = PAYROLL.replace("Budi Santoso            ", "Drs. H. Boedi Santoso, M.M.")
    result = run([table("payroll", payroll)], [table("bpjs", BPJS)])
    assert flat(result) == []


def test_row_without_usable_identity_is_rejected_with_its_reason() -> None:
    payroll = PAYROLL + " | Pekerja Tanpa Data |  | 1900000\n"
    result = run([table("payroll", payroll)], [table("bpjs", BPJS)])
    assert flat(result) == [("INVALID_ROW", "payroll", 5)]
    assert result.findings.iloc[0]["detail"].startswith("Baris tidak dapat digunakan")
    payroll_input = next(i for i in result.inputs if i.kind == "payroll")
    assert (payroll_input.paired, payroll_input.rejected) == (3, 1)


def test_worker_with_an_unreadable_wage_stays_on_the_payroll_with_one_invalid_row() -> None:
    payroll = (
        PAYROLL.replace("1.850.000", "=E4*F4").replace("2000000", "lihat lampiran")
        + " | Pekerja Tanpa Data |  | dua juta\n"
    )
    result = run([table("payroll", payroll)], [table("bpjs", BPJS)])
    # Budi and Ani are still paired and covered: no NOT_ON_PAYROLL for their BPJS records.
    assert flat(result) == [
        ("INVALID_ROW", "payroll", 3),
        ("INVALID_ROW", "payroll", 4),
        ("INVALID_ROW", "payroll", 5),
    ]
    details = result.findings["detail"].tolist()
    assert details[0].startswith(
        "Nilai tidak dapat digunakan: Upah tidak terbaca: rumus tanpa nilai tersimpan: =E4*F4"
    )
    assert details[2].startswith("Baris tidak dapat digunakan")
    assert result.summary.insured == 3
    payroll_input = next(i for i in result.inputs if i.kind == "payroll")
    assert (payroll_input.paired, payroll_input.rejected) == (3, 1)
    assert result.balanced


def test_unreadable_bpjs_amount_rejects_the_row() -> None:
    bpjs = BPJS.replace(
        "ANI LESTARI  | 21-Jan-79  | AKTIF  | 1000000       | 10000 | 6800 | 16800",
        "ANI LESTARI  | 21-Jan-79  | AKTIF  | 1000000       | 10000 | 6800 | #REF!",
    )
    result = run([table("payroll", PAYROLL)], [table("bpjs", bpjs)])
    # The rejected BPJS row cannot insure Ani: she is also unregistered.
    assert flat(result) == [("INVALID_ROW", "bpjs", 4), ("UNREGISTERED", "payroll", 4)]


def test_missing_nik_paired_on_name_and_birth_date_is_covered_identity_mismatch() -> None:
    payroll = PAYROLL.replace(f"{ANI}  | Ani Lestari", "       | Ani Lestari")
    result = run([table("payroll", payroll)], [table("bpjs", BPJS)])
    assert flat(result) == [("IDENTITY_MISMATCH", "bpjs", 4), ("IDENTITY_MISMATCH", "payroll", 4)]
    assert result.findings.iloc[0]["match_method"] == "name_birth_date"
    assert result.summary.insured == 3


def test_nik_that_lost_its_last_digit_in_excel_is_paired() -> None:
    damaged = BUDI[:15] + "0"
    payroll = PAYROLL.replace(f"{BUDI} | Budi", f"{int(damaged)}.0 | Budi")
    result = run([table("payroll", payroll)], [table("bpjs", BPJS)])
    assert flat(result) == [("IDENTITY_MISMATCH", "bpjs", 3), ("IDENTITY_MISMATCH", "payroll", 3)]
    assert result.findings.iloc[0]["match_method"] == "nik_excel_precision"


def test_rows_split_across_files_and_units_keep_their_references() -> None:
    lines = PAYROLL.strip().splitlines()
    a = table("payroll", "\n".join(lines[:2]), file="payroll/a.xlsx", unit="Dinas A")
    b = table("payroll", "\n".join([lines[0], *lines[2:]]), file="payroll/b.csv", sheet="", unit="Dinas B")
    bpjs = "\n".join(line for line in BPJS.splitlines() if ANI not in line)
    result = run([a, b], [table("bpjs", bpjs)])
    f = result.findings.iloc[0]
    assert (f["category"], f["payroll_file"], f["payroll_sheet"], f["payroll_row"], f["unit"]) == (
        "UNREGISTERED",
        "payroll/b.csv",
        "",
        3,
        "Dinas B",
    )


def test_same_nik_on_a_different_person_is_not_a_pairing() -> None:
    bpjs = BPJS.replace("BUDI SANTOSO | 03-Aug-90", "WAYAN SUDIRTA | 17-Nov-68")
    result = run([table("payroll", PAYROLL)], [table("bpjs", bpjs)])
    assert flat(result) == [("IDENTITY_MISMATCH", "bpjs", 3), ("IDENTITY_MISMATCH", "payroll", 3)]
    assert "WAYAN SUDIRTA" in result.findings.iloc[0]["detail"]
    assert result.matches["payroll_row"].tolist() == [2, 4]  # Budi is not paired with Wayan
    assert result.summary.insured == 2


def test_paid_again_under_a_damaged_or_missing_nik_is_a_duplicate_not_a_gap() -> None:
    """One person on three rows: exact NIK, the NIK Excel cut to 15 digits, no NIK at all."""
    damaged = BUDI[:15] + "0"
    payroll = (
        PAYROLL
        + f"{int(damaged)}.0 | Budi Santoso | 03/08/1990 | 1.850.000\n"
        + " | BUDI SANTOSO | 03-08-1990 | 1850000\n"
    )
    result = run([table("payroll", payroll)], [table("bpjs", BPJS)])
    found = flat(result)
    assert [f for f in found if f[0] == "DUPLICATE_PAYROLL"] == [
        ("DUPLICATE_PAYROLL", "payroll", 3),
        ("DUPLICATE_PAYROLL", "payroll", 5),
        ("DUPLICATE_PAYROLL", "payroll", 6),
    ]
    assert not [f for f in found if f[0] in ("UNREGISTERED", "NOT_ON_PAYROLL")]
    assert result.summary.workers_on_payroll == 3
    assert result.summary.insured == 3
    methods = dict(zip(result.matches["payroll_row"], result.matches["match_method"], strict=True))
    assert (methods[5], methods[6]) == ("nik_excel_precision", "name_birth_date")
    assert result.balanced


def test_a_repeat_row_that_could_be_two_people_is_not_guessed() -> None:
    """Two registered twins with the same name and birth date: a NIK-less row matches both equally."""
    twin_a, twin_b = nik(3, 8, 90, serial=7), nik(3, 8, 90, serial=8)
    payroll = (
        "nik | name | birth_date | monthly_wage\n"
        f"{twin_a} | Budi Santoso | 03-08-1990 | 1850000\n"
        f"{twin_b} | Budi Santoso | 03-08-1990 | 1850000\n"
        " | Budi Santoso | 03-08-1990 | 1850000\n"
    )
    bpjs = (
        "kpj | nik | name | birth_date | status | total\n"
        f"18012345671 | {twin_a} | BUDI SANTOSO | 03-Aug-90 | AKTIF | 16800\n"
        f"18012345672 | {twin_b} | BUDI SANTOSO | 03-Aug-90 | AKTIF | 16800\n"
    )
    result = run([table("payroll", payroll)], [table("bpjs", bpjs)])
    assert 4 not in set(result.matches["payroll_row"])
    assert ("UNREGISTERED", "payroll", 4) in flat(result)


def test_bpjs_row_without_nik_paired_on_kpj_is_an_identity_mismatch() -> None:
    payroll = PAYROLL.replace("nik    | name", "kpj         | nik    | name").replace(
        f"{BUDI} |", f"18012345672 | {BUDI} |"
    )
    payroll = "\n".join(
        line if BUDI in line or "kpj" in line or not line.strip() else " | " + line
        for line in payroll.splitlines()
    )
    bpjs = BPJS.replace(f"18012345672 | {BUDI} |", "18012345672 |                  |")
    result = run([table("payroll", payroll)], [table("bpjs", bpjs)])
    assert flat(result) == [("IDENTITY_MISMATCH", "bpjs", 3), ("IDENTITY_MISMATCH", "payroll", 3)]
    assert "NIK tidak ada di data BPJS" in result.findings.iloc[0]["detail"]


def test_unregistered_worker_whose_bpjs_row_was_rejected_is_pointed_to_it() -> None:
    bpjs = BPJS.replace(
        "ANI LESTARI  | 21-Jan-79  | AKTIF  | 1000000       | 10000 | 6800 | 16800",
        "ANI LESTARI  | 21-Jan-79  | AKTIF  | 1000000       | 10000 | 6800 | #REF!",
    )
    result = run([table("payroll", PAYROLL)], [table("bpjs", bpjs)])
    gap = result.findings[result.findings["category"] == "UNREGISTERED"].iloc[0]
    assert "baris 4" in gap["detail"] and "ditolak" in gap["detail"]


def test_daily_paid_worker_is_reported_to_bpjs_at_daily_wage_times_25_under_pu() -> None:
    """PU: a daily-paid worker's monthly wage is the daily wage x 25, whatever the days worked."""
    policy = Policy.from_dict({"scheme": "PU", "programs": ["JKK", "JKM"], "jkk_risk_group": "I"})
    payroll = f"""
    nik    | name         | birth_date | daily_wage | days_worked
    {BUDI} | Budi Santoso | 03/08/1990 | 100.000    | 22
    {ANI}  | Ani Lestari  | 21-01-1979 | 100.000    | 22
    """
    bpjs = f"""
    kpj         | nik    | name         | birth_date | status | reported_wage | total
    18012345672 | {BUDI} | BUDI SANTOSO | 03-Aug-90  | AKTIF  | 2500000       | 13500
    18012345673 | {ANI}  | ANI LESTARI  | 21-Jan-79  | AKTIF  | 2200000       | 11880
    """
    result = run([table("payroll", payroll)], [table("bpjs", bpjs)], period="2024-05", policy=policy)
    wage = result.findings[result.findings["category"] == "WAGE_MISMATCH"]
    assert wage["bpjs_row"].tolist() == [3]  # Ani reported at 22 days, not Budi at 25
    assert (wage["expected_idr"].iloc[0], wage["billed_idr"].iloc[0]) == (2_500_000, 2_200_000)
    assert "upah harian Rp100.000 × 25 hari" in wage["detail"].iloc[0]
    without_ani = "\n".join(line for line in bpjs.splitlines() if ANI not in line)
    gaps = run([table("payroll", payroll)], [table("bpjs", without_ani)], policy=policy)
    exposure = gaps.findings[gaps.findings["category"] == "UNREGISTERED"]["exposure_idr"]
    assert exposure.tolist() == [48 * 2_500_000 + 3_000_000 + 4_800_000]  # 2018-02 benefit table


def test_namesakes_born_the_same_day_are_two_people_even_when_their_niks_differ_by_one_digit() -> None:
    """Two Siti Rahmawati born 01-01-1990 in one district: NIKs differ only in the serial."""
    first, second = nik(1, 1, 90, female=True, serial=11), nik(1, 1, 90, female=True, serial=12)
    other_regency = nik(1, 1, 90, female=True, serial=4, area="180507")
    for namesake in (second, other_regency):
        payroll = (
            "nik | name | birth_date | monthly_wage\n"
            f"{first} | Siti Rahmawati | 01-01-1990 | 2000000\n"
            f"{namesake} | Siti Rahmawati | 01-01-1990 | 2000000\n"
        )
        bpjs = (
            "kpj | nik | name | birth_date | status | total\n"
            f"18012345671 | {first} | SITI RAHMAWATI | 01-Jan-90 | AKTIF | 16800\n"
        )
        result = run([table("payroll", payroll)], [table("bpjs", bpjs)])
        assert flat(result) == [("UNREGISTERED", "payroll", 3)], namesake
        assert result.summary.workers_on_payroll == 2


def test_a_bpjs_row_carrying_someone_elses_nik_is_not_a_double_registration() -> None:
    """BPJS row 3 is Yusuf's registration typed with Budi's NIK; Budi has his own row 2."""
    yusuf = nik(6, 6, 86, serial=14)
    payroll = (
        "nik | name | birth_date | monthly_wage\n"
        f"{BUDI} | Budi Santoso | 03-08-1990 | 1850000\n"
        f"{yusuf} | Yusuf Maulana | 06-06-1986 | 1850000\n"
    )
    bpjs = (
        "kpj | nik | name | birth_date | status | total\n"
        f"18012345672 | {BUDI} | BUDI SANTOSO | 03-Aug-90 | AKTIF | 16800\n"
        f"18012345679 | {BUDI} | YUSUF MAULANA | 06-Jun-86 | AKTIF | 16800\n"
    )
    result = run([table("payroll", payroll)], [table("bpjs", bpjs)])
    assert flat(result) == [("IDENTITY_MISMATCH", "bpjs", 3), ("IDENTITY_MISMATCH", "payroll", 3)]
    assert result.summary.insured == 2


def test_a_worker_paid_twice_is_paired_once_with_a_bpjs_nik_that_lost_its_last_digit() -> None:
    """Two payroll rows with one valid NIK are one person, not two rivals for the BPJS row (no tie)."""
    damaged = BUDI[:15] + "0"
    bpjs = BPJS.replace(f"{BUDI} | BUDI", f"{int(damaged)}.0 | BUDI")
    budi = next(line for line in PAYROLL.splitlines() if BUDI in line)
    other_unit = table("payroll", f"{PAYROLL.strip().splitlines()[0]}\n{budi}", file="payroll/b.xlsx")
    result = run([table("payroll", PAYROLL), other_unit], [table("bpjs", bpjs)])
    methods = set(result.findings["match_method"].dropna())
    assert "ambiguous" not in methods and "nik_excel_precision" in methods
    assert {c for c, _, _ in flat(result)} == {"DUPLICATE_PAYROLL", "IDENTITY_MISMATCH"}
    assert result.summary.insured == 3 and result.summary.undecided == 0
    assert set(result.matches["match_method"]) >= {"nik_excel_precision"}
    assert (result.matches["match_method"] == "nik_excel_precision").sum() == 2  # both of Budi's rows
