"""column_aliases.csv recognises every header alias of ../shared/CONTRACT.md, for each side."""

from __future__ import annotations

import pytest

from reconcile.readers.aliases import alias_table

#: The contract's alias tables ("Recognised input columns"), one row per field and side.
CONTRACT = """
kind    | field            | aliases
payroll | nik              | NIK, No KTP, Nomor KTP, No KTP/NIK, Nomor Induk Kependudukan
payroll | name             | Nama, Nama Lengkap, Nama Pegawai, Nama PTHL, Nama Tenaga Kerja
payroll | birth_date       | Tanggal Lahir, Tgl Lahir
payroll | birth_place_date | Tempat/Tgl Lahir, Tempat; Tanggal Lahir, TTL
payroll | unit             | Unit Kerja, OPD, SKPD, Satuan Kerja, Bidang
payroll | position         | Jabatan
payroll | monthly_wage     | Upah, Gaji, Upah Sebulan, Jumlah Upah, Honor, Gaji Pokok
payroll | daily_wage       | Upah Harian
payroll | days_worked      | Hari Kerja, Jumlah Hari
payroll | kpj              | KPJ, No KPJ, Nomor KPJ, No Kartu Peserta
bpjs    | kpj              | KPJ, No KPJ, Nomor KPJ, No Peserta
bpjs    | nik              | NIK, No Identitas, Nomor Identitas
bpjs    | name             | Nama, Nama Tenaga Kerja, Nama TK, Nama Lengkap
bpjs    | birth_date       | Tgl Lahir, Tanggal Lahir
bpjs    | join_date        | Tgl Kepesertaan, Tanggal Kepesertaan
bpjs    | status           | Status, Status Kepesertaan
bpjs    | reported_wage    | Upah, Upah Dilaporkan, Penghasilan
bpjs    | jkk              | Iuran JKK
bpjs    | jkm              | Iuran JKM
bpjs    | jht              | Iuran JHT
bpjs    | jp               | Iuran JP
bpjs    | total            | Total Iuran, Jumlah Iuran
"""


def _contract() -> list[tuple[str, str, str]]:
    lines = [[cell.strip() for cell in line.split("|")] for line in CONTRACT.strip().splitlines()[1:]]
    # "Tempat; Tanggal Lahir" stands for the contract's "Tempat, Tanggal Lahir" (one alias with a comma).
    return [
        (kind, field, alias.strip().replace(";", ","))
        for kind, field, aliases in lines
        for alias in aliases.split(", ")
    ]


@pytest.mark.parametrize(("kind", "field", "alias"), _contract())
def test_every_contract_alias_is_recognised(kind: str, field: str, alias: str) -> None:
    table = alias_table(kind)  # type: ignore[arg-type]

    assert table.field_for(alias) == field
    assert table.field_for(alias.upper()) == field  # case is ignored
