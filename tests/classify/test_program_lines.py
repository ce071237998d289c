"""Bills split by program (a JKK line and a JKM line per participant, maybe a DENDA line; or one sheet
per program): one registration billed the sum of its lines, never a duplicate of itself."""

from __future__ import annotations

from reconcile.classify.corrections import net_corrections
from reconcile.classify.program_lines import merge_program_lines
from reconcile.normalize import prepare_bpjs
from reconcile.result import ReconResult
from tests.builders import ANI, BUDI, DEWI, SITI, THREE_ON_PAYROLL, flat, run, table

HEADER = "kpj         | nik    | name         | birth_date | status | program | total"
SITI_JKK = f"18012345671 | {SITI} | SITI AMINAH  | 15-05-1985 | AKTIF  | JKK     | 10000"
SITI_JKM = f"18012345671 | {SITI} | SITI AMINAH  | 15-05-1985 | AKTIF  | JKM     | 6800"
# Budi's JKK line is over-billed by Rp2,000: one PREMIUM_MISMATCH on the combined bill.
BUDI_JKK = f"18012345672 | {BUDI} | BUDI SANTOSO | 03-08-1990 | AKTIF  | JKK     | 12000"
BUDI_JKM = f"18012345672 | {BUDI} | BUDI SANTOSO | 03-08-1990 | AKTIF  | JKM     | 6800"
ANI_JKK = f"18012345673 | {ANI}  | ANI LESTARI  | 21-01-1979 | AKTIF  | JKK     | 10000"
ANI_JKM = f"18012345673 | {ANI}  | ANI LESTARI  | 21-01-1979 | AKTIF  | JKM     | 6800"
ANI_DENDA = f"18012345673 | {ANI}  | ANI LESTARI  | 21-01-1979 | AKTIF  | DENDA   | 336"
DEWI_JKK = f"18012345674 | {DEWI} | DEWI SARTIKA | 09-09-1991 | AKTIF  | JKK     | 10000"
DEWI_JKM = f"18012345674 | {DEWI} | DEWI SARTIKA | 09-09-1991 | AKTIF  | JKM     | 6800"


def _bpjs(*rows: str):
    return table("bpjs", "\n".join([HEADER, *rows]), file="bpjs/rincian_long.xlsx")


def _run(*bpjs) -> ReconResult:
    return run([table("payroll", THREE_ON_PAYROLL)], list(bpjs))


def _outcome(result: ReconResult) -> tuple[int, int, int, int, int]:
    counts = [
        (i.rows_read, i.paired, i.findings_only, i.rejected, i.no_action)
        for i in result.inputs
        if i.kind == "bpjs"
    ]
    return tuple(map(sum, zip(*counts, strict=True)))  # type: ignore[return-value]


def test_long_bill_lines_of_one_participant_are_one_bill() -> None:
    result = _run(
        _bpjs(SITI_JKK, SITI_JKM, BUDI_JKK, BUDI_JKM, ANI_JKK, ANI_JKM, ANI_DENDA, DEWI_JKK, DEWI_JKM)
    )
    # No duplicates; Budi's +Rp2,000 found once on his first line; Dewi not on the payroll once.
    assert flat(result) == [("NOT_ON_PAYROLL", "bpjs", 9), ("PREMIUM_MISMATCH", "bpjs", 4)]
    mismatch = result.findings[result.findings["category"] == "PREMIUM_MISMATCH"].iloc[0]
    assert (mismatch["billed_idr"], mismatch["expected_idr"]) == (18_800, 16_800)
    ghost = result.findings[result.findings["category"] == "NOT_ON_PAYROLL"].iloc[0]
    assert ghost["billed_idr"] == 16_800
    s = result.summary
    assert (s.billed_idr, s.due_idr, s.overpayment_idr) == (
        69_200,
        50_400,
        18_800,
    )  # the late fee is no premium
    # rows read = paired (3 first lines) + findings only (Dewi) + no action (4 other lines, 1 late fee)
    assert _outcome(result) == (9, 3, 1, 0, 5)
    assert result.balanced
    denda = result.warnings[result.warnings["source_row"] == 8]
    assert denda["message"].str.contains("DENDA").tolist() == [True]


def test_the_same_program_billed_twice_stays_a_duplicate() -> None:
    result = _run(_bpjs(SITI_JKK, SITI_JKM, SITI_JKK))
    assert ("DUPLICATE_PARTICIPANT", "bpjs", 2) in flat(result)
    assert ("DUPLICATE_PARTICIPANT", "bpjs", 4) in flat(result)
    # the JKK line billed again is a duplicate, not a bill "under" the JKK + JKM premium
    assert ("PREMIUM_MISMATCH", "bpjs", 4) not in flat(result)
    assert result.balanced


def test_one_sheet_per_program_is_one_bill() -> None:
    # Sheets "JKK" and "JKM", each with one IURAN (total) column and no PROGRAM column.
    header = "kpj         | nik    | name         | birth_date | status | total"
    sheets = [
        table(
            "bpjs",
            "\n".join([header, *(r.replace(f"| {p} ", "") for r in rows)]),
            file=f"bpjs/iuran_{p}.xlsx",
            sheet=p,
        )
        for p, rows in (("JKK", [SITI_JKK, BUDI_JKK, ANI_JKK]), ("JKM", [SITI_JKM, BUDI_JKM, ANI_JKM]))
    ]
    result = _run(*sheets)
    assert flat(result) == [("PREMIUM_MISMATCH", "bpjs", 3)]
    assert _outcome(result) == (6, 3, 0, 0, 3)
    assert result.balanced


def test_lines_of_different_billing_periods_are_not_one_bill() -> None:
    header = "kpj         | nik    | name        | birth_date | status | period  | program | total"
    rows = [
        f"18012345671 | {SITI} | SITI AMINAH | 15-05-1985 | AKTIF  | 2018-01 | JKK     | 10000",
        f"18012345671 | {SITI} | SITI AMINAH | 15-05-1985 | AKTIF  | 2018-01 | JKM     | 6800",
        f"18012345671 | {SITI} | SITI AMINAH | 15-05-1985 | AKTIF  | 2018-02 | JKK     | 10000",
        f"18012345671 | {SITI} | SITI AMINAH | 15-05-1985 | AKTIF  | 2018-02 | JKM     | 6800",
    ]
    bpjs = prepare_bpjs(table("bpjs", "\n".join([header, *rows]))).frame
    netting = merge_program_lines(bpjs, net_corrections(bpjs))
    assert netting.set_aside.tolist() == [False, True, False, True]
    assert netting.billed.tolist() == [16_800, 0, 16_800, 0]


def test_a_wide_bill_billed_twice_keeps_its_premium_check() -> None:
    """Not split by program: both rows are whole bills; a wrong premium on the second is still said."""
    header = "kpj         | nik    | name         | birth_date | status | jkk   | jkm  | total"
    rows = [
        f"18012345671 | {SITI} | SITI AMINAH  | 15-05-1985 | AKTIF  | 10000 | 6800 | 16800",
        f"18012345671 | {SITI} | SITI AMINAH  | 15-05-1985 | AKTIF  | 12000 | 6800 | 18800",
    ]
    result = _run(table("bpjs", "\n".join([header, *rows]), file="bpjs/rincian.xlsx"))

    assert ("DUPLICATE_PARTICIPANT", "bpjs", 3) in flat(result)
    assert ("PREMIUM_MISMATCH", "bpjs", 3) in flat(result)
