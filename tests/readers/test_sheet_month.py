"""The month a sheet names: its title rows first, else its name; whole month words only."""

from __future__ import annotations

import pytest

from reconcile.readers.sheet_month import name_periods, sheet_month


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("MEI", {"2024-05"}),
        ("APRIL", {"2024-04"}),
        ("Feb 2018", {"2018-02"}),
        ("Upah Feb", {"2024-02"}),
        ("PEBRUARI", {"2024-02"}),
        ("Nopember", {"2023-11"}),  # the November before a May run, not the one after
        ("Agt 2023", {"2023-08"}),
        ("Mei'24", {"2024-05"}),
        ("APR-24", {"2024-04"}),
        ("May", {"2024-05"}),
        ("05-2024", {"2024-05"}),
        ("2024-05", {"2024-05"}),
        ("202405", {"2024-05"}),
        ("JAN-JUN", {"2024-01", "2024-06"}),
        ("Sheet1", set()),
        ("Bidang SMA", set()),
        ("Bid. Pelayanan", set()),
        ("Desa Maju", set()),  # "Des" only as a word
        ("Rincian Iuran", set()),
        ("TA 2024", set()),
    ],
)
def test_name_periods(name: str, expected: set[str]) -> None:
    assert name_periods(name, "2024-05") == expected


def test_desember_in_a_january_run_is_the_december_before() -> None:
    assert name_periods("DESEMBER", "2024-01") == {"2023-12"}


def test_the_title_wins_over_the_sheet_name() -> None:
    found = sheet_month("APRIL", "DAFTAR UPAH PTHL BULAN MEI 2024", "2024-05")

    assert (found.periods, found.source) == ({"2024-05"}, "title")


def test_the_sheet_name_speaks_when_the_title_names_no_month() -> None:
    found = sheet_month("APRIL", "DINAS SOSIAL", "2024-05")

    assert (found.periods, found.source) == ({"2024-04"}, "sheet name")
    assert found.names_other_month("2024-05")


def test_a_title_cell_that_is_only_a_month_and_year_wins_over_the_sheet_name() -> None:
    found = sheet_month(
        "UPTD Wilayah I", "DAFTAR UPAH PTHL APRIL 2024", "2024-05", ["DAFTAR UPAH PTHL", "APRIL 2024"]
    )

    assert (found.periods, found.source) == ({"2024-04"}, "title")
    assert found.names_other_month("2024-05")
