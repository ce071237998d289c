"""Whether a file is for the run's period: the title wins, join dates decide only when no title names a
month, and payroll files are checked like BPJS files."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from reconcile.readers.period_check import check_period, period_mismatches, title_periods


def _joins(early: int, late: int) -> pd.Series:
    return pd.Series(pd.to_datetime(["2023-01-01"] * early + ["2024-06-03"] * late))


def test_a_title_naming_the_period_wins_over_a_later_join_date() -> None:
    """A BPJS list titled 'PERIODE : MEI 2024' with one participant joined in June is May's list."""
    assert check_period("b.xlsx", "2024-05", ["RINCIAN IURAN | PERIODE : MEI 2024"], _joins(3, 1)) is None
    assert check_period("b.xlsx", "2024-05", ["PERIODE : MEI 2024"], _joins(0, 40)) is None


def test_one_or_two_late_join_dates_are_a_row_matter_not_the_files_period() -> None:
    assert check_period("b.xlsx", "2024-05", ["RINCIAN IURAN"], _joins(3, 1)) is None
    assert check_period("b.xlsx", "2024-05", ["RINCIAN IURAN"], _joins(3, 2)) is None


def test_join_dates_decide_when_no_title_names_a_month() -> None:
    found = check_period("b.xlsx", "2024-05", ["RINCIAN IURAN"], _joins(20, 3))

    assert found is not None and found.found == "2024-06" and "joined after 2024-05" in found.evidence


def test_a_payroll_file_titled_for_another_month_is_a_mismatch_like_a_bpjs_file() -> None:
    payroll = SimpleNamespace(
        path="pay/disdik_april.xlsx",
        kind="payroll",
        sheets=({"sheet": "Sheet1", "periods": ["2024-04"], "period_source": "title"},),
        prepared=SimpleNamespace(frame=pd.DataFrame({"name": ["A"]})),
    )

    (found,) = period_mismatches([payroll], "2024-05")

    assert (found.path, found.found, found.kind) == ("pay/disdik_april.xlsx", "2024-04", "payroll")
    assert (
        "this payroll file seems to be for 2024-04, not 2024-05 (its title rows say 2024-04)"
        in found.message("2024-05")
    )


def test_a_month_named_by_the_sheet_name_is_evidence_too() -> None:
    item = SimpleNamespace(
        path="p.xlsx",
        kind="payroll",
        sheets=({"sheet": "APRIL", "periods": ["2024-04"], "period_source": "sheet name"},),
    )

    (found,) = period_mismatches([item], "2024-05")

    assert found.evidence == "its sheet names say 2024-04"


def test_month_and_year_with_tahun_between() -> None:
    assert title_periods("DAFTAR UPAH BULAN MEI TAHUN 2024") == {"2024-05"}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("DAFTAR UPAH PTHL DINAS PUPR | UPTD WILAYAH I | APRIL 2024", {"2024-04"}),
        ("MEI 2024", {"2024-05"}),
        ("APRIL, 2024", {"2024-04"}),
        ("April-2024", {"2024-04"}),
        ("Agt. 2023", {"2023-08"}),
        ("PEBRUARI 2024", {"2024-02"}),
        ("May 2024", {"2024-05"}),
        ("Bulan : April, 2024", {"2024-04"}),
        ("Bulan : April 2024", {"2024-04"}),
        ("Bulan April Tahun 2024", {"2024-04"}),
        ("Periode: 04/2024", {"2024-04"}),
    ],
)
def test_a_title_row_that_is_only_a_month_and_year_names_that_period(title: str, expected: set[str]) -> None:
    assert title_periods(title) == expected


@pytest.mark.parametrize(
    "title",
    [
        "DAFTAR UPAH PTHL | Dicetak 03 Juni 2024 10:15",  # a printing date
        "DAFTAR UPAH PTHL | Bandar Lampung, 12 April 2024",  # a day before the month: a date
        "DAFTAR UPAH PTHL | Bandar Lampung, April 2024",  # a place before the month
        "PTHL TMT APRIL 2024",  # a start date
        "DAFTAR UPAH PTHL | 12 April 2024",
        "DINAS PUPR | TAHUN ANGGARAN 2024",  # a year alone
        "DINAS PUPR | 2024",
        "DESA MEI 2024",  # a place name holding a month word
        "APRIL 2024 S/D JUNI 2024",  # not one month
    ],
)
def test_a_month_inside_other_title_text_names_no_period(title: str) -> None:
    assert title_periods(title) == set()


def test_a_title_cell_that_is_only_a_month_and_year_names_that_period() -> None:
    """ "DAFTAR UPAH PTHL" and "APRIL 2024" in two cells of one row: the row text is not only a month."""
    assert title_periods("DAFTAR UPAH PTHL APRIL 2024", ["DAFTAR UPAH PTHL", "APRIL 2024"]) == {"2024-04"}
    assert title_periods("DAFTAR UPAH PTHL APRIL 2024") == set()
    assert title_periods("Bandar Lampung, 12 April 2024", ["Bandar Lampung,", "12 April 2024"]) == set()


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("GAJI MEI 2024", {"2024-05"}),
        ("DAFTAR UPAH BULAN MEI 2024", {"2024-05"}),
        ("HONORARIUM APRIL 2024", {"2024-04"}),
        ("PERIODE IURAN: MEI 2024", {"2024-05"}),
        ("PERIODE IURAN: MEI 2024 (SUSULAN)", {"2024-05"}),
        ("RINCIAN IURAN MEI 2024", {"2024-05"}),
        ("TAGIHAN IURAN BPJS KETENAGAKERJAAN | TAGIHAN JUNI 2024", {"2024-06"}),
        ("IURAN JKK JKM 2024", set()),
        ("PERIODE 1 - 31 MEI 2024", {"2024-05"}),
        ("PERIODE 1 s/d 31 MEI 2024", {"2024-05"}),
        ("DAFTAR GAJI BULAN MEI 2024 (DIBAYAR JUNI 2024)", {"2024-05"}),
        ("UPAH MINIMUM 2024", set()),
        ("BULAN 12 MEI 2024", set()),  # a date, not a period
    ],
)
def test_payroll_and_contribution_labels_name_the_period(title: str, expected: set[str]) -> None:
    assert title_periods(title) == expected
