"""The run says when the BPJS file names another employer than the policy in use."""

from __future__ import annotations

import pytest

from reconcile.employer_check import employer_key, employer_notices

LAMPUNG = "Pemerintah Provinsi Lampung"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("PEMERINTAH KABUPATEN PRINGSEWU", ("kabupaten", "pringsewu")),
        ("PEMPROV LAMPUNG - PTHL", ("provinsi", "lampung")),
        ("Pemkot Bandar Lampung", ("kota", "bandar")),
        ("PEMERINTAH KAB. LAMPUNG SELATAN", ("kabupaten", "lampung")),
        ("DINAS KESEHATAN", None),
    ],
)
def test_an_employer_is_known_by_its_level_and_region(name: str, key: tuple[str, str] | None) -> None:
    assert employer_key(name) == key


def test_a_regency_file_on_the_province_policy_gives_a_notice() -> None:
    (notice,) = employer_notices(LAMPUNG, "PEMERINTAH KABUPATEN PRINGSEWU")

    assert notice.startswith(f"Kebijakan iuran yang dipakai adalah milik {LAMPUNG}, tetapi berkas BPJS")
    assert "--policy milik PEMERINTAH KABUPATEN PRINGSEWU" in notice


@pytest.mark.parametrize("titled", ["PEMPROV LAMPUNG", "PEMERINTAH PROVINSI LAMPUNG - PTHL", None, "", "X"])
def test_the_same_employer_or_none_named_gives_no_notice(titled: str | None) -> None:
    assert employer_notices(LAMPUNG, titled) == ()
