"""A file's JUMLAH rows checked against the rows read: rows lost after the sums were made are said."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reconcile.normalize.stated_totals import TotalMismatch, total_mismatches, total_notices
from reconcile.pipeline import prepare
from reconcile.readers import read_input
from tests.readers.builders import COLUMN_NUMBERS, HEADER, SIGNATURE, TITLE, TOTAL, WORKERS, write_xlsx


def _mismatches(path: Path, kind: str = "payroll") -> tuple[TotalMismatch, ...]:
    return total_mismatches(read_input(path, f"in/{path.name}", kind))  # type: ignore[arg-type]


def _payroll(tmp_path: Path, body: list[list[Any]], name: str = "disdik.xlsx") -> Path:
    rows = [*TITLE, HEADER, COLUMN_NUMBERS, *body, *SIGNATURE]
    return write_xlsx(tmp_path / name, {"Februari": {"rows": rows}})


def _total(amount: object, label: str = "JUMLAH") -> list[Any]:
    return [None, label, None, None, None, amount]


def test_a_total_that_the_rows_add_up_to_is_no_mismatch(tmp_path: Path) -> None:
    assert _mismatches(_payroll(tmp_path, [*WORKERS, TOTAL])) == ()


def test_a_row_deleted_after_the_total_was_made_is_named_with_sheet_row_and_amounts(tmp_path: Path) -> None:
    path = _payroll(tmp_path, [*WORKERS[:-1], TOTAL])  # the fifth worker (Rp1.500.000) is gone

    (m,) = _mismatches(path)

    assert (m.sheet, m.row, m.label, m.field) == ("Februari", 11, "JUMLAH", "monthly_wage")
    assert (m.stated, m.found, m.rows) == (7_500_000, 6_000_000, 4)
    (indonesian,) = total_notices([prepare(read_input(path, "in/disdik.xlsx", "payroll"))])
    assert indonesian.startswith(
        "in/disdik.xlsx, sheet 'Februari' baris 11 (JUMLAH): kolom Upah (\"UPAH (Rp)\") tertulis Rp7.500.000"
    )
    assert "4 baris pekerja yang terbaca berjumlah Rp6.000.000 (selisih -Rp1.500.000)" in indonesian
    (english,) = total_notices([prepare(read_input(path, "in/disdik.xlsx", "payroll"))], "en")
    assert (
        'column Wage ("UPAH (Rp)") states Rp7,500,000, but the 4 worker rows read add up to Rp6,000,000'
        in english
    )


def test_subtotals_per_part_and_a_grand_total_each_cover_their_own_rows(tmp_path: Path) -> None:
    part_a, part_b = WORKERS[:2], WORKERS[2:]  # 3.000.000 and 4.500.000
    body = [*part_a, _total(3_000_000, "SUB JUMLAH A"), *part_b, _total(4_500_000, "SUB JUMLAH B")]
    assert _mismatches(_payroll(tmp_path, [*body, _total(7_500_000, "JUMLAH TOTAL")])) == ()

    wrong = [*part_a, _total(3_100_000, "SUB JUMLAH A"), *part_b, _total(7_500_000, "JUMLAH")]
    (m,) = _mismatches(_payroll(tmp_path, wrong, "wrong.xlsx"))
    assert (m.label, m.stated, m.found, m.rows) == ("SUB JUMLAH A", 3_100_000, 3_000_000, 2)


def test_a_grand_total_written_above_the_data_covers_the_whole_sheet(tmp_path: Path) -> None:
    assert _mismatches(_payroll(tmp_path, [_total(7_500_000), *WORKERS])) == ()

    (m,) = _mismatches(_payroll(tmp_path, [_total(9_000_000), *WORKERS], "above.xlsx"))
    assert (m.stated, m.found, m.rows) == (9_000_000, 7_500_000, 5)


def test_amounts_typed_as_text_are_summed_and_a_sum_without_a_label_is_checked(tmp_path: Path) -> None:
    as_text = [[*w[:5], f"Rp {w[5]:,}".replace(",", ".")] for w in WORKERS]
    assert _mismatches(_payroll(tmp_path, [*as_text, _total("Rp 7.500.000")])) == ()

    (m,) = _mismatches(_payroll(tmp_path, [*WORKERS[1:], [None] * 5 + [7_500_000]], "bare.xlsx"))
    assert (m.label, m.stated, m.found) == ("", 7_500_000, 6_000_000)
    (notice,) = total_notices([prepare(read_input(tmp_path / "bare.xlsx", "bare.xlsx", "payroll"))])
    assert "(baris jumlah tanpa label)" in notice


@pytest.mark.parametrize("total", ["=SUM(F7:F11)", "", "lihat lampiran"])
def test_a_total_that_states_no_number_is_left_alone(tmp_path: Path, total: str) -> None:
    assert _mismatches(_payroll(tmp_path, [*WORKERS[1:], _total(total)])) == ()


def test_no_sum_is_made_over_a_wage_that_cannot_be_read(tmp_path: Path) -> None:
    """The unreadable wage is reported on its own row; a total over it would only repeat that."""
    unreadable = [*WORKERS[:4], [*WORKERS[4][:5], "satu juta"]]
    assert _mismatches(_payroll(tmp_path, [*unreadable, _total(7_500_000)])) == ()


def test_a_bpjs_total_row_is_checked_column_by_column(tmp_path: Path) -> None:
    header = ["NO", "KPJ", "NIK", "NAMA", "TGL LAHIR", "JKK", "JKM", "TOTAL IURAN"]
    people = [
        [1, "18012345678", "1871011205850001", "BUDI SANTOSO", "12-05-1985", 10000, 6800, 16800],
        [2, "18012345679", "1871015205870002", "SITI AMINAH", "12-05-1987", 10000, 6800, 16800],
    ]
    total = [None, "TOTAL", None, None, None, 20000, 13600, 50400]  # the total column says three people
    path = write_xlsx(tmp_path / "rincian.xlsx", {"Rincian": {"rows": [header, *people, total]}})

    (m,) = _mismatches(path, "bpjs")

    assert (m.field, m.stated, m.found, m.row) == ("total", 50_400, 33_600, 4)


@pytest.mark.parametrize("label", ["TOTAL IURAN YANG HARUS DIBAYAR", "JUMLAH DIBAYARKAN", "Jumlah Bersih"])
def test_a_total_that_says_it_adds_or_takes_off_something_is_no_row_sum(tmp_path: Path, label: str) -> None:
    """The bill's total with the late fee (denda) added, or a payroll's net pay after deductions."""
    assert _mismatches(_payroll(tmp_path, [*WORKERS, _total(7_500_000), _total(7_500_336, label)])) == ()


def test_a_late_fee_line_is_not_part_of_the_premium_total(tmp_path: Path) -> None:
    # A long bill: IURAN per program line, a DENDA line, and TOTAL IURAN without the late fee.
    header = ["NO", "NO KPJ", "NAMA TK", "TGL LAHIR", "PROGRAM", "IURAN"]
    body = [
        [1, "18012345671", "SITI AMINAH", "15-05-1985", "JKK", 10000],
        [2, "18012345671", "SITI AMINAH", "15-05-1985", "JKM", 6800],
        [3, "18012345671", "SITI AMINAH", "15-05-1985", "DENDA", 336],
        [None, "TOTAL IURAN", None, None, None, 16800],
    ]
    path = write_xlsx(tmp_path / "rincian.xlsx", {"Rincian": {"rows": [header, *body]}})
    assert _mismatches(path, "bpjs") == ()


def test_a_fee_line_without_a_participant_is_structure_and_the_totals_around_it_agree(tmp_path: Path) -> None:
    """A bill's "DENDA KETERLAMBATAN" line below the participants: no worker, no totals notice."""
    header = ["NO", "NO KPJ", "NIK", "NAMA", "TGL LAHIR", "TOTAL IURAN"]
    people = [
        [1, "18012345671", "1871011205850001", "BUDI SANTOSO", "12-05-1985", 16800],
        [2, "18012345672", "1871015205870002", "SITI AMINAH", "12-05-1987", 16800],
    ]
    fee = [None, "DENDA KETERLAMBATAN", None, None, None, 672]
    rows = [header, *people, fee, [None, "SUB JUMLAH IURAN", None, None, None, 33600]]
    rows.append([None, "TOTAL TAGIHAN", None, None, None, 34272])
    path = write_xlsx(tmp_path / "rincian.xlsx", {"Rincian": {"rows": rows}})

    table = read_input(path, "rincian.xlsx", "bpjs")

    assert table.frame["source_row"].tolist() == [2, 3]
    assert total_mismatches(table) == ()


def test_a_carried_forward_total_is_compared_with_the_rows_above_it(tmp_path: Path) -> None:
    """ "JUMLAH DIPINDAHKAN" at the top of page 2 states page 1: a row lost on page 1 is shown
    against page 1's rows, not against the whole sheet."""
    page_1, page_2 = WORKERS[:3], WORKERS[3:]  # 4.400.000 stated for page 1, one row of 1.500.000 lost
    body = [
        *page_1[:2],
        _total(4_400_000, "JUMLAH HALAMAN INI"),
        _total(4_400_000, "JUMLAH DIPINDAHKAN"),
        *page_2,
        _total(7_500_000),
    ]

    found = {(m.label, m.found, m.rows) for m in _mismatches(_payroll(tmp_path, body))}

    assert ("JUMLAH DIPINDAHKAN", 3_000_000, 2) in found
    assert all(rows <= 4 for _, _, rows in found)


@pytest.mark.parametrize("label", ["JUMLAH 5 ORANG", "JUMLAH PEGAWAI: 5"])
def test_a_head_count_in_the_total_row_is_checked_against_the_rows(tmp_path: Path, label: str) -> None:
    """Totals that are formulas add up again after a row is deleted; a typed head count does not."""
    assert _mismatches(_payroll(tmp_path, [*WORKERS, _total(7_500_000, label)])) == ()

    deleted = [*WORKERS[:-1], _total(6_000_000, label)]  # the SUM formula recalculated, the count did not
    (m,) = _mismatches(_payroll(tmp_path, deleted, "deleted.xlsx"))

    assert (m.field, m.stated, m.rows) == ("people", 5, 4)
    (notice,) = total_notices([prepare(read_input(tmp_path / "deleted.xlsx", "deleted.xlsx", "payroll"))])
    assert f"({label}): tertulis 5 orang, padahal baris pekerja yang terbaca 4." in notice


def test_a_head_count_of_a_bill_with_a_line_per_program_counts_people_not_lines(tmp_path: Path) -> None:
    header = ["NO", "NO KPJ", "NAMA", "TGL LAHIR", "PROGRAM", "IURAN"]
    lines = [
        [1, "18012345671", "BUDI SANTOSO", "12-05-1985", "JKK", 10000],
        [2, "18012345671", "BUDI SANTOSO", "12-05-1985", "JKM", 6800],
        [3, "18012345672", "SITI AMINAH", "12-05-1987", "JKK", 10000],
        [4, "18012345672", "SITI AMINAH", "12-05-1987", "JKM", 6800],
    ]
    rows = [header, *lines, [None, "JUMLAH 2 ORANG", None, None, None, 33600]]
    path = write_xlsx(tmp_path / "rincian.xlsx", {"Rincian": {"rows": rows}})

    assert _mismatches(path, "bpjs") == ()
