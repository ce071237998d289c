"""Inputs that cannot be used raise InputError (exit 2) with the file, sheet, expected and found."""

from __future__ import annotations

import pytest

from reconcile.errors import InputError
from reconcile.readers import read_input
from reconcile.readers.aliases import alias_table
from tests.readers.builders import write_xlsx


def _error(path, kind="payroll") -> InputError:
    with pytest.raises(InputError) as info:
        read_input(path, f"in/{path.name}", kind)
    assert info.value.exit_code == 2
    assert f"in/{path.name}" in str(info.value)
    return info.value


def test_no_header_anywhere_says_what_was_expected_and_seen(tmp_path):
    rows = [["LAPORAN"], ["Nomor", "Pegawai", "Identitas", "Gaji"], [1, "A", "1871010101900001", 1]]
    path = write_xlsx(tmp_path / "p.xlsx", {"S1": {"rows": rows}, "S2": {"rows": [["x"]]}})

    message = str(_error(path))

    assert "no header found" in message
    assert "Nama" in message and "NIK" in message and "KPJ" in message
    assert "sheet 'S1' row 2" in message
    assert "'Pegawai'" in message and "'Identitas'" in message


def test_missing_identity_column_names_field_aliases_and_headers_found(tmp_path):
    rows = [["NO", "NAMA", "JABATAN", "UPAH"], [1, "A", "Sopir", 1000]]
    path = write_xlsx(tmp_path / "p.xlsx", {"Gaji": {"rows": rows}})

    error = _error(path)

    assert error.sheet == "Gaji"
    assert "[sheet Gaji]" in str(error)
    assert "nik (accepted headers: NIK" in str(error)
    assert "No KTP" in str(error)
    assert "NAMA; JABATAN; UPAH" in str(error)


def test_missing_name_column(tmp_path):
    rows = [["NO", "KPJ", "NIK", "UPAH"], [1, "18012345678", "1871010101900001", 1000]]
    path = write_xlsx(tmp_path / "b.xlsx", {"S": {"rows": rows}})

    assert "missing the name column (accepted headers: Nama" in str(_error(path, "bpjs"))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"<html><body><table><tr><td>NIK</td></tr></table></body></html>", "HTML"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "password-protected"),
        (b"PK\x03\x04 this zip is cut short", "could not be read as an Excel workbook"),
        (b"NIK;NAMA\n1;A\n", "not an Excel workbook"),
    ],
    ids=["empty", "html", "encrypted", "corrupt-zip", "csv-renamed"],
)
def test_unreadable_workbook(tmp_path, content, expected):
    path = tmp_path / "p.xlsx"
    path.write_bytes(content)

    assert expected in str(_error(path))


def test_legacy_xls_is_refused_with_advice(tmp_path):
    path = tmp_path / "p.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")

    assert "save it as .xlsx" in str(_error(path))


def test_missing_file(tmp_path):
    assert "not found" in str(_error(tmp_path / "gone.xlsx"))


def test_empty_csv(tmp_path):
    path = tmp_path / "p.csv"
    path.write_bytes(b"\r\n")

    assert "empty" in str(_error(path))


def test_both_messages_list_every_alias_of_the_data_file_and_the_whole_header_row(tmp_path):
    """'no header found' and 'missing column' quote the same alias list, the data file's, all of it."""
    headers = [
        "NO",
        "No. KTP/NIK",
        "TEMPAT LAHIR",
        "TGL LAHIR",
        "JABATAN",
        "UNIT",
        "NPWP",
        "REKENING",
        "UPAH",
    ]
    missing_name = write_xlsx(tmp_path / "a.xlsx", {"Gaji": {"rows": [["DAFTAR"], [], headers]}})
    no_header = write_xlsx(tmp_path / "b.xlsx", {"Gaji": {"rows": [["Kolom1", "Kolom2"]]}})
    names = alias_table("payroll").accepted("name")

    missing = str(_error(missing_name))
    nothing = str(_error(no_header))

    assert "Nama Tenaga Kerja" in names and "Nama Honorer" in names
    assert f"missing the name column (accepted headers: {names})" in missing
    assert f"a name column ({names})" in nothing
    assert f"header found in row 3: {'; '.join(headers)}" in missing


def test_a_two_row_header_is_shown_whole_in_the_message(tmp_path):
    rows = [["NO", "IDENTITAS", None, "UPAH"], [None, "NIK", "KPJ", None], [1, "1871010101900001", "1", 5]]
    path = write_xlsx(tmp_path / "p.xlsx", {"S": {"rows": rows}})

    assert "header found in row 1-2: NO; IDENTITAS NIK; IDENTITAS KPJ; UPAH" in str(_error(path))
