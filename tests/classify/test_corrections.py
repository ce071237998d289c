"""BPJS correction rows (KOREKSI, refunds: a negative premium) are netted against the bills they
correct, never rejected, and never taken for a registration."""

from __future__ import annotations

from reconcile.result import ReconResult
from tests.builders import ANI, BUDI, DEWI, SITI, flat, run, table

PAYROLL = f"""
nik    | name         | birth_date | monthly_wage
{SITI} | Siti Aminah  | 15-05-1985 | 2000000
{BUDI} | Budi Santoso | 03-08-1990 | 2000000
{ANI}  | Ani Lestari  | 21-01-1979 | 2000000
"""

HEADER = "kpj         | nik    | name         | birth_date | status | jkk    | jkm   | total  | keterangan"
SITI_ROW = f"18012345671 | {SITI} | SITI AMINAH  | 15-05-1985 | AKTIF  | 10000  | 6800  | 16800  |"
BUDI_ROW = f"18012345672 | {BUDI} | BUDI SANTOSO | 03-08-1990 | AKTIF  | 10000  | 6800  | 16800  |"
ANI_ROW = f"18012345673 | {ANI}  | ANI LESTARI  | 21-01-1979 | AKTIF  | 10000  | 6800  | 16800  |"
BUDI_AGAIN = (
    f"18012345672 | {BUDI} | BUDI SANTOSO | 03-08-1990 | AKTIF  | 10000  | 6800  | 16800  | tagihan ganda"
)
BUDI_KOREKSI = (
    f"18012345672 | {BUDI} | BUDI SANTOSO | 03-08-1990 | AKTIF  | -10000 | -6800 | -16800 | KOREKSI"
)
DEWI_ROW = f"18012345674 | {DEWI} | DEWI SARTIKA | 09-09-1991 | AKTIF  | 10000  | 6800  | 16800  |"


def _bpjs(*rows: str, file: str = "bpjs/rincian.xlsx"):
    return table("bpjs", "\n".join([HEADER, *rows]), file=file)


def _run(*bpjs, lang: str = "id") -> ReconResult:
    return run([table("payroll", PAYROLL)], list(bpjs), lang=lang)  # type: ignore[arg-type]


def _money_adds_up(result: ReconResult) -> None:
    s = result.summary
    lines = s.money_lines
    assert round(s.billed_idr - s.due_idr) == round(
        s.overpayment_idr - lines["under_billed"] + lines["identity_to_decide"] + lines["remainder"]
    )
    assert result.balanced


def _outcome(result: ReconResult) -> tuple[int, int, int, int]:
    bpjs = next(i for i in result.inputs if i.kind == "bpjs")
    return bpjs.paired, bpjs.findings_only, bpjs.rejected, bpjs.no_action


def test_a_correction_that_reverses_a_double_bill_cancels_it() -> None:
    # The tester's file: Budi billed twice, the second bill reversed by a KOREKSI row; Dewi is on no payroll.
    result = _run(_bpjs(SITI_ROW, BUDI_ROW, ANI_ROW, BUDI_AGAIN, BUDI_KOREKSI, DEWI_ROW))
    assert flat(result) == [("NOT_ON_PAYROLL", "bpjs", 7)]
    s = result.summary
    assert (s.billed_idr, s.due_idr, s.overpayment_idr) == (67_200, 50_400, 16_800)
    assert s.money_lines["double_billing"] == 0 and s.money_lines["remainder"] == 0
    assert _outcome(result) == (3, 1, 0, 2)  # the cancelled bill and its correction: no action
    warning = result.warnings[result.warnings["source_row"] == 6]
    assert warning["severity"].tolist() == ["warning"]
    assert warning["message"].iloc[0].startswith("Koreksi iuran -Rp16.800: meniadakan tagihan")
    assert "bpjs/rincian.xlsx [Lembar1] baris 5" in warning["message"].iloc[0]
    _money_adds_up(result)


def test_a_correction_marked_only_by_its_sign_in_another_file_cancels_the_bill() -> None:
    koreksi = BUDI_KOREKSI.replace("KOREKSI", "")
    result = _run(
        _bpjs(SITI_ROW, BUDI_ROW, ANI_ROW, BUDI_AGAIN),
        _bpjs(koreksi, file="bpjs/koreksi.xlsx"),
    )
    assert flat(result) == []
    assert result.summary.billed_idr == 50_400 and result.summary.overpayment_idr == 0
    assert "bpjs/rincian.xlsx [Lembar1] baris 5" in result.warnings["message"].iloc[0]
    _money_adds_up(result)


def test_a_correction_of_the_only_bill_leaves_the_registration_billed_nothing() -> None:
    result = _run(_bpjs(SITI_ROW, BUDI_ROW, ANI_ROW, BUDI_KOREKSI))
    # Budi stays insured (his registration is not undone), but nothing is billed for him: under-billed.
    assert flat(result) == [("PREMIUM_MISMATCH", "bpjs", 3)]
    assert result.summary.insured == 3
    assert result.summary.billed_idr == 33_600 and result.summary.money_lines["under_billed"] == 16_800
    _money_adds_up(result)


def test_a_partial_correction_reduces_the_participants_bill() -> None:
    refund = f"18012345672 | {BUDI} | BUDI SANTOSO | 03-08-1990 | AKTIF  |  | -6800 | -6800 |"
    result = _run(_bpjs(SITI_ROW, BUDI_ROW, ANI_ROW, refund))
    assert flat(result) == [("PREMIUM_MISMATCH", "bpjs", 3)]
    finding = result.findings.iloc[0]
    assert (finding["billed_idr"], finding["expected_idr"]) == (10_000, 16_800)
    assert result.summary.billed_idr == 43_600 and result.summary.money_lines["under_billed"] == 6_800
    assert _outcome(result) == (3, 0, 0, 1)
    assert result.warnings["message"].tolist() == [
        "Koreksi iuran -Rp6.800: mengurangi tagihan peserta ini di bpjs/rincian.xlsx [Lembar1] baris 3 "
        "sebesar -Rp6.800."
    ]
    _money_adds_up(result)


def test_a_correction_for_someone_absent_keeps_its_amount_with_a_warning() -> None:
    stranger = (
        f"18012345679 | {DEWI} | DEWI SARTIKA | 09-09-1991 | AKTIF  | -10000 | -6800 | -16800 | KOREKSI"
    )
    result = _run(_bpjs(SITI_ROW, BUDI_ROW, ANI_ROW, stranger))
    assert flat(result) == []  # not a registration: no NOT_ON_PAYROLL, no INVALID_ROW
    assert result.summary.billed_idr == 33_600  # BPJS does subtract it
    assert result.summary.money_lines["remainder"] == -16_800
    assert _outcome(result) == (3, 0, 0, 1)
    assert "tagihan yang dikoreksi tidak ada dalam berkas ini" in result.warnings["message"].iloc[0]
    _money_adds_up(result)


def test_correction_warnings_are_in_english_in_an_english_report() -> None:
    result = _run(_bpjs(SITI_ROW, BUDI_ROW, ANI_ROW, BUDI_AGAIN, BUDI_KOREKSI), lang="en")
    assert (
        result.warnings["message"]
        .iloc[0]
        .startswith("Contribution correction -Rp16,800: offsets this participant's bill at")
    )


def test_a_negative_wage_on_a_correction_still_rejects_the_row() -> None:
    head = HEADER.replace("| jkk", "| reported_wage | jkk")
    bad = f"18012345672 | {BUDI} | BUDI SANTOSO | 03-08-1990 | AKTIF  | -1000000 | -10000 | -6800 | -16800 |"
    rows = [r.replace("| AKTIF  |", "| AKTIF  | 1000000 |") for r in (SITI_ROW, BUDI_ROW, ANI_ROW)]
    result = run([table("payroll", PAYROLL)], [table("bpjs", "\n".join([head, *rows, bad]))])
    assert ("INVALID_ROW", "bpjs", 5) in flat(result)


def test_a_correction_may_move_money_between_programs_its_total_decides() -> None:
    # JKK +10.000, JKM -26.800, total -16.800: the parts add up to the total; the row corrects Budi.
    moved = f"18012345672 | {BUDI} | BUDI SANTOSO | 03-08-1990 | AKTIF  | 10000  | -26800 | -16800 | KOREKSI"
    result = _run(_bpjs(SITI_ROW, BUDI_ROW, ANI_ROW, BUDI_AGAIN, moved))
    assert flat(result) == []
    assert result.summary.billed_idr == 3 * 16_800
    _money_adds_up(result)
