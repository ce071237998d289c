"""A file whose NIKs its source masked: one notice for the file, no warning per row."""

from __future__ import annotations

from reconcile.normalize.masked_nik import masked_nik_notices
from reconcile.pipeline import prepare
from tests.builders import ANI, BUDI, table

BPJS = f"""
kpj         | nik              | name         | birth_date | status
18012345671 | 1871**********01 | SITI AMINAH  | 15-May-85  | AKTIF
18012345672 | 187101XXXXXXXX02 | BUDI SANTOSO | 03-Aug-90  | AKTIF
18012345673 | {ANI}           | ANI LESTARI  | 21-Jan-79  | AKTIF
18012345674 | 18710A0101850001 | DEWI LESTARI | 09-Sep-91  | AKTIF
"""


def test_one_notice_per_file_counts_its_masked_niks() -> None:
    prepared = [prepare(table("bpjs", BPJS, file="bpjs/daftar.xlsx"))]
    assert masked_nik_notices(prepared) == [
        "bpjs/daftar.xlsx: NIK disamarkan oleh sumbernya pada 2 baris; "
        "pemasangan memakai KPJ dan nama + tanggal lahir"
    ]
    assert masked_nik_notices(prepared, "en") == [
        "bpjs/daftar.xlsx: NIK masked by its source on 2 rows; pairing uses the KPJ and name + birth date"
    ]


def test_masked_niks_are_no_invalid_niks() -> None:
    issues = prepare(table("bpjs", BPJS)).prepared.issues
    nik_issues = issues[issues["field"] == "nik"]
    # Only the NIK with a letter inside is invalid; the masked ones are withheld, not wrong.
    assert nik_issues["source_row"].tolist() == [5]
    assert masked_nik_notices([prepare(table("payroll", f"nik | name\n{BUDI} | Budi"))]) == []
