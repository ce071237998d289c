"""The run says when the payroll given looks like only some units: most BPJS rows have no payroll row."""

from __future__ import annotations

from reconcile.partial_payroll import partial_payroll_notices


def test_most_registrations_without_a_payroll_row_give_one_notice_naming_the_units() -> None:
    (notice,) = partial_payroll_notices(300, 201, ["SEKRETARIAT DAERAH"], 0.25)

    assert notice.startswith("201 dari 300 peserta BPJS (67%) tidak ada di daftar gaji yang diberikan")
    assert "(1 unit: SEKRETARIAT DAERAH)" in notice
    (english,) = partial_payroll_notices(300, 201, ["SEKRETARIAT DAERAH"], 0.25, "en")
    assert "The payroll may cover only some units (1 unit(s): SEKRETARIAT DAERAH)" in english


def test_departures_below_the_share_and_tiny_lists_give_none() -> None:
    assert partial_payroll_notices(300, 74, ["A"], 0.25) == ()
    assert partial_payroll_notices(300, 75, ["A"], 0.25) != ()
    assert partial_payroll_notices(9, 9, ["A"], 0.25) == ()


def test_many_units_are_named_up_to_five_and_the_rest_counted() -> None:
    units = [f"DINAS {c}" for c in "GFEDCBA"]

    (notice,) = partial_payroll_notices(100, 90, units, 0.25)

    assert "(7 unit: DINAS A, DINAS B, DINAS C, DINAS D, DINAS E dan 2 lainnya)" in notice
