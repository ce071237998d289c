"""CSV exports: encodings, delimiters, title lines; row numbers are line numbers, values stay text."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from reconcile.normalize import prepare_payroll
from tests.readers.builders import write_csv

LINES = [
    "DAFTAR PEMBAYARAN UPAH PTHL;;;",
    "Satuan Kerja : Badan Pendapatan Daerah;;;",
    "NO;NAMA;NIK;TTL;UPAH",
    "1;SITI ‘AISYAH;1871015205870002;Bandar Lampung, 12-05-1987;1.500.000,00",
    ";;;;",
    "2;ANDRÉ;1871011205850001;Metro, 12-05-1985;1.500.000,00",
    ";JUMLAH;;;3.000.000,00",
    ";;;Bandar Lampung, 28 Februari 2018;",
    ";;;Bendahara Pengeluaran;",
]


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("cp1252", False), ("utf-8", True), ("utf-8", False), ("cp1252", True)],
    ids=["cp1252", "utf8-bom", "utf8", "bom-then-cp1252"],
)
def test_semicolon_csv_in_any_encoding(tmp_path, read, encoding, bom):
    path = write_csv(tmp_path / "bapenda.csv", LINES, encoding=encoding, bom=bom)

    table = read(path)

    assert table.frame["source_row"].tolist() == [4, 6]
    assert table.frame["source_sheet"].tolist() == ["", ""]
    assert table.frame["name"].tolist() == ["SITI ‘AISYAH", "ANDRÉ"]
    assert table.frame["nik"].tolist() == ["1871015205870002", "1871011205850001"]
    assert table.frame["monthly_wage"].tolist() == ["1.500.000,00", "1.500.000,00"]
    assert table.frame["birth_place_date"][0] == "Bandar Lampung, 12-05-1987"
    assert set(table.frame["unit_hint"]) == {"Badan Pendapatan Daerah"}
    assert table.sheets[0].header_row == 3
    assert table.sheets[0].skipped_rows == 4


def test_comma_csv_whose_title_line_has_commas(tmp_path, read):
    lines = [
        '"Bandar Lampung, Februari 2018, halaman 1"',
        "NO,NAMA,NIK,JABATAN",
        '1,"SANTOSO, S.E.",1871011205850001,Pengemudi',
    ]
    table = read(write_csv(tmp_path / "p.csv", lines))

    assert table.frame["name"].tolist() == ["SANTOSO, S.E."]
    assert table.frame["source_row"].tolist() == [3]


def test_tab_separated(tmp_path, read):
    lines = ["NO\tNAMA\tKPJ", "1\tA\t18012345678", "2\tB\t18012345679"]
    table = read(write_csv(tmp_path / "p.csv", lines), "bpjs")

    assert table.frame["kpj"].tolist() == ["18012345678", "18012345679"]
    assert table.frame["source_row"].tolist() == [2, 3]


def test_row_number_is_the_line_a_record_starts_on(tmp_path, read):
    lines = ["NO,NAMA,NIK,JABATAN", '1,A,1871011205850001,"Staf', 'Umum"', "2,B,1871011205850002,Sopir"]
    table = read(write_csv(tmp_path / "p.csv", lines))

    assert table.frame["source_row"].tolist() == [2, 4]
    assert table.frame["position"][0] == "Staf\r\nUmum"


def test_many_rows_nothing_lost(tmp_path, read):
    n = 50_000
    lines = ["NO;NAMA;NIK;UPAH"] + [f"{i};NAMA {i};{1871010101900000 + i};1000" for i in range(1, n + 1)]
    lines += [";JUMLAH;;50000000"]
    table = read(write_csv(tmp_path / "big.csv", lines))

    assert table.rows_read == n
    assert table.frame["source_row"].iloc[-1] == n + 1
    assert table.sheets[0].skipped_rows == 1


def test_kpj_of_a_csv_saved_by_excel_is_read_like_the_number_it_was(tmp_path, read):
    """Excel writes the KPJ 01800007777 to a CSV as 1800007777; people write "KPJ-" in front of it."""
    lines = [
        "NO;NAMA;KPJ;UPAH",
        "1;NURUL;1800007777;1.500.000",
        "2;HENDRA;180008888;1.500.000",
        "3;AGUS;KPJ-18000006666;1.500.000",
        "4;RINA;No. KPJ: 18000005555;1.500.000",
        "5;YULI;1800A009999;1.500.000",
    ]
    prepared = prepare_payroll(read(write_csv(tmp_path / "upah.csv", lines)), today=dt.date(2026, 3, 1))

    assert prepared.frame["kpj"].tolist() == [
        "01800007777",
        "00180008888",
        "18000006666",
        "18000005555",
        pd.NA,
    ]
    issues = prepared.issues[["source_row", "field", "message"]].values.tolist()
    assert issues == [
        [2, "kpj", "KPJ berisi 10 digit, diharapkan 11: 1 angka 0 di depan yang dibuang Excel dikembalikan"],
        [3, "kpj", "KPJ berisi 9 digit, diharapkan 11: 2 angka 0 di depan yang dibuang Excel dikembalikan"],
        [6, "kpj", "KPJ tidak valid: berisi huruf atau tanda; diharapkan 11 digit angka"],
        [
            6,
            "identity",
            "Identitas tidak dapat dipakai: tidak ada NIK/KPJ yang valid, dan nama atau tanggal lahir kosong",
        ],
    ]
