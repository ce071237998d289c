"""One payroll sheet holding several units, each under a section heading row (`readers.sections`)."""

from __future__ import annotations

import pytest

from reconcile.readers.sections import section_unit
from tests.readers.builders import write_xlsx

HEADER = ["NO", "NAMA", "NIK", "TEMPAT/TGL LAHIR", "JABATAN", "UPAH"]


def _worker(no, k, wage=1500000):
    return [no, f"PEKERJA {k}", f"18710112059000{k:02d}", "Metro, 12-05-1990", "Staf", wage]


@pytest.mark.parametrize(
    ("cells", "unit"),
    [
        ([None, "A. DINAS PENDIDIKAN DAN KEBUDAYAAN"], "DINAS PENDIDIKAN DAN KEBUDAYAAN"),
        (["II. Biro Umum"], "Biro Umum"),
        ([None, "B) UPTD BALAI LATIHAN KERJA :"], "UPTD BALAI LATIHAN KERJA"),
        (["C.", "BIRO UMUM SEKRETARIAT DAERAH"], "BIRO UMUM SEKRETARIAT DAERAH"),
        (["IV", "BADAN PENDAPATAN DAERAH"], "BADAN PENDAPATAN DAERAH"),
        (["A. PANTI SOSIAL BINA REMAJA"], "PANTI SOSIAL BINA REMAJA"),
        ([None, "DINAS SOSIAL"], "DINAS SOSIAL"),
        ([None, "Dinas Sosial"], None),  # a bare name only in capitals
        ([None, "A. Rahman Hakim"], None),  # a person, not a unit
        (["A.", "Rahman Hakim"], None),
        ([None, "SUSANTI, S.E."], None),
        ([None, "A. DINAS SOSIAL", "Staf"], None),  # something else on the row
        ([1, "DINAS SOSIAL"], None),
    ],
)
def test_section_unit_is_the_heading_without_its_marker(cells, unit):
    assert section_unit(cells) == unit


def test_heading_rows_are_structural_and_give_their_unit_to_the_rows_below(tmp_path, read):
    rows = [
        ["DAFTAR PEMBAYARAN UPAH PTHL", None],
        ["PEMERINTAH PROVINSI LAMPUNG"],
        HEADER,
        [None, "A. DINAS PENDIDIKAN DAN KEBUDAYAAN"],  # row 4, before any total
        _worker(1, 1),
        _worker(2, 2),
        [None, "SUB JUMLAH", None, None, None, 3000000],
        ["B. DINAS KESEHATAN"],  # row 8, merged across the row
        _worker(1, 3),
        [None, "JUMLAH B", None, None, None, 1500000],
        ["C.", "BIRO UMUM SEKRETARIAT DAERAH"],  # row 11
        _worker(1, 4),
        [None, "JUMLAH C", None, None, None, 1500000],
        [None, "JUMLAH TOTAL", None, None, None, 6000000],
    ]
    path = write_xlsx(tmp_path / "gabungan.xlsx", {"S": {"rows": rows, "merge": ["A8:F8"]}})

    table = read(path)

    assert table.frame["source_row"].tolist() == [5, 6, 9, 12]
    assert table.frame["unit_hint"].tolist() == [
        "DINAS PENDIDIKAN DAN KEBUDAYAAN",
        "DINAS PENDIDIKAN DAN KEBUDAYAAN",
        "DINAS KESEHATAN",
        "BIRO UMUM SEKRETARIAT DAERAH",
    ]
    assert [t.label for t in table.sheets[0].stated_totals] == [
        "SUB JUMLAH",
        "JUMLAH B",
        "JUMLAH C",
        "JUMLAH TOTAL",
    ]


def test_roman_headings_after_a_grand_total_above_the_data(tmp_path, read):
    rows = [
        HEADER,
        [None, "JUMLAH KESELURUHAN", None, None, None, 3000000],
        ["I", "DINAS PERHUBUNGAN"],
        _worker(1, 1),
        [None, "Sub Total I", None, None, None, 1500000],
        ["II", "DINAS SOSIAL"],
        _worker(1, 2),
    ]
    path = write_xlsx(tmp_path / "rekap.xlsx", {"S": {"rows": rows}})

    table = read(path)

    assert table.frame["source_row"].tolist() == [4, 7]
    assert table.frame["unit_hint"].tolist() == ["DINAS PERHUBUNGAN", "DINAS SOSIAL"]


def test_after_a_subtotal_a_heading_resumes_the_data(tmp_path, read):
    """The first row of section B has neither number nor NIK: still read (and rejected later)."""
    rows = [
        HEADER,
        ["A.", "DINAS SOSIAL"],
        _worker(1, 1),
        [None, "JUMLAH A", None, None, None, 1500000],
        ["B.", "DINAS KESEHATAN"],
        [None, "TANPA NOMOR", None, None, "Staf", 1500000],
        _worker(2, 2),
    ]
    path = write_xlsx(tmp_path / "p.xlsx", {"S": {"rows": rows}})

    table = read(path)

    assert table.frame["source_row"].tolist() == [3, 6, 7]
    assert table.frame["unit_hint"].tolist() == ["DINAS SOSIAL", "DINAS KESEHATAN", "DINAS KESEHATAN"]


def test_worker_rows_whose_name_starts_like_a_heading_stay_data(tmp_path, read):
    rows = [
        HEADER,
        [None, "A. DINAS SOSIAL"],
        [None, "A. RAHMAN", "1871011205900001", None, None, None],  # identity
        [2, "B. SURYA", None, None, None, None],  # row number
        [None, "C. DEWI", None, None, None, 1500000],  # amount
        [None, "D. YANTI", None, "Metro, 01-01-1990", None, None],  # birth date
        [None, "E. Rahman Hakim"],  # nothing but a person's name: a row to reject, not a heading
    ]
    path = write_xlsx(tmp_path / "p.xlsx", {"S": {"rows": rows}})

    table = read(path)

    assert table.frame["name"].tolist() == ["A. RAHMAN", "B. SURYA", "C. DEWI", "D. YANTI", "E. Rahman Hakim"]
    assert set(table.frame["unit_hint"]) == {"DINAS SOSIAL"}


def test_a_unit_column_wins_over_the_section_heading(tmp_path, read):
    rows = [
        ["DAFTAR UPAH PTHL SEKRETARIAT DAERAH"],
        ["NO", "NAMA", "NIK", "UNIT KERJA", "UPAH"],
        [None, "A. BIRO UMUM"],
        [1, "PEKERJA 1", "1871011205900001", "Bagian Rumah Tangga", 1500000],
        [2, "PEKERJA 2", "1871011205900002", None, 1500000],
    ]
    path = write_xlsx(tmp_path / "p.xlsx", {"S": {"rows": rows}})

    frame = read(path).frame

    assert frame["unit"].tolist() == ["Bagian Rumah Tangga", None]
    assert frame["unit_hint"].tolist() == ["SEKRETARIAT DAERAH", "BIRO UMUM"]


def test_a_heading_written_under_the_kpj_column_of_a_bpjs_bill_is_structure(tmp_path, read):
    """BPJS bills split current premiums and arrears into sections: "A." | "IURAN BULAN MEI 2024"."""
    header = ["NO", "NO KPJ", "NIK", "NAMA TK", "TGL LAHIR", "TOTAL IURAN"]
    people = [
        [1, "24.047.006.764", "1871012304740001", "RINA LESTARI", "23-04-1974", 16800],
        [2, "24.523.343.994", "1871015501900002", "PUTRI KUSUMA", "15-01-1990", 16800],
    ]
    rows = [header, ["A.", "IURAN BULAN MEI 2024"], *people, [None, "JUMLAH A", None, None, None, 33600]]
    path = write_xlsx(tmp_path / "rincian.xlsx", {"Rincian": {"rows": rows}})

    table = read(path, "bpjs")

    assert table.frame["source_row"].tolist() == [3, 4]


def test_a_bpjs_section_naming_a_month_gives_its_rows_that_billing_month(tmp_path, read):
    """Arrears under their own heading instead of a PERIODE column: the rows below say April."""
    header = ["NO", "NO KPJ", "NIK", "NAMA TK", "TGL LAHIR", "TOTAL IURAN"]
    may = [1, "24.047.006.764", "1871012304740001", "RINA LESTARI", "23-04-1974", 16800]
    april = [1, "24.047.006.764", "1871012304740001", "RINA LESTARI", "23-04-1974", 16800]
    rows = [
        header,
        ["A.", "IURAN BULAN MEI 2024"],
        may,
        ["B.", "TUNGGAKAN / RAPEL IURAN BULAN APRIL 2024"],
        april,
        [None, "JUMLAH", None, None, None, 33600],
    ]
    path = write_xlsx(tmp_path / "rincian.xlsx", {"Rincian": {"rows": rows}})

    table = read(path, "bpjs")

    assert table.frame["source_row"].tolist() == [3, 5]
    assert table.frame["period"].tolist() == ["2024-05", "2024-04"]


def test_a_period_column_wins_over_the_section_heading(tmp_path, read):
    header = ["NO", "NO KPJ", "NIK", "NAMA TK", "PERIODE", "TOTAL IURAN"]
    rows = [
        header,
        ["B.", "TUNGGAKAN IURAN BULAN APRIL 2024"],
        [1, "24.047.006.764", "1871012304740001", "RINA LESTARI", "03-2024", 16800],
        [2, "24.523.343.994", "1871015501900002", "PUTRI KUSUMA", None, 16800],
    ]
    path = write_xlsx(tmp_path / "rincian.xlsx", {"Rincian": {"rows": rows}})

    assert read(path, "bpjs").frame["period"].tolist() == ["03-2024", "2024-04"]
