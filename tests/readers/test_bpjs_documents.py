"""The BPJS participant list given beside the contribution detail of the same participants."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pandas as pd

from reconcile.errors import InputError
from reconcile.readers.bpjs_documents import explain_left_out, left_out_reads, lists_beside_details

LIST_COLUMNS = {"kpj": "KPJ", "nik": "NIK", "name": "NAMA", "status": "STATUS"}
DETAIL_COLUMNS = {**LIST_COLUMNS, "reported_wage": "UPAH", "jkk": "IURAN JKK", "total": "TOTAL IURAN"}


def _input(
    path: str, columns: dict[str, str], kpjs: list[str], niks: list[str], kind: str = "bpjs"
) -> SimpleNamespace:
    frame = pd.DataFrame(
        {
            "kpj": pd.Series(kpjs, dtype="string"),
            "nik": pd.Series(niks, dtype="string"),
            "kpj_valid": [len(k) == 11 for k in kpjs],
            "nik_valid": [len(n) == 16 for n in niks],
        }
    )
    return SimpleNamespace(
        path=path,
        kind=kind,
        sheets=({"sheet": "S", "columns": columns},),
        prepared=SimpleNamespace(frame=frame),
    )


KPJS = [f"{18000000000 + i:011d}" for i in range(4)]
NIKS = [f"18710112058500{i:02d}" for i in range(4)]


def test_a_list_beside_the_detail_of_the_same_participants_is_named_with_both_files() -> None:
    listed = _input("bpjs/daftar_peserta.xlsx", LIST_COLUMNS, KPJS, NIKS)
    detail = _input("bpjs/rincian_iuran.xlsx", DETAIL_COLUMNS, KPJS[:3], NIKS[:3])

    (found,) = lists_beside_details([detail, listed])

    assert (found.path, found.detail, found.common_kpj, found.common_nik) == (
        "bpjs/daftar_peserta.xlsx",
        "bpjs/rincian_iuran.xlsx",
        3,
        3,
    )
    text = str(found.error("en"))
    assert text.startswith("bpjs/daftar_peserta.xlsx: this file is a BPJS participant list")
    assert "bpjs/rincian_iuran.xlsx is a contribution detail" in text and "3 KPJ and 3 NIK in common" in text
    assert "rincian iuran" in str(found.error())  # Indonesian by default


def test_two_details_or_two_lists_or_a_payroll_are_not_this_case() -> None:
    details = [_input(f"bpjs/r{i}.xlsx", DETAIL_COLUMNS, KPJS, NIKS) for i in (1, 2)]
    lists = [_input(f"bpjs/d{i}.xlsx", LIST_COLUMNS, KPJS, NIKS) for i in (1, 2)]
    payroll = _input("payroll/gaji.xlsx", {"nik": "NIK", "name": "NAMA"}, KPJS, NIKS, kind="payroll")

    assert lists_beside_details(details) == []
    assert lists_beside_details(lists) == []
    assert lists_beside_details([payroll, details[0]]) == []


def test_a_list_of_mostly_other_participants_is_kept() -> None:
    others = [f"{18000000100 + i:011d}" for i in range(4)]
    listed = _input("bpjs/daftar_unit_lain.xlsx", LIST_COLUMNS, [KPJS[0], *others], ["", "", "", "", ""])
    detail = _input("bpjs/rincian_iuran.xlsx", DETAIL_COLUMNS, KPJS, NIKS)

    assert lists_beside_details([listed, detail]) == []


def test_the_list_left_out_becomes_an_input_error_with_its_own_consequence() -> None:
    listed = _input("bpjs/daftar_peserta.xlsx", LIST_COLUMNS, KPJS, NIKS)
    detail = _input("bpjs/rincian_iuran.xlsx", DETAIL_COLUMNS, KPJS, NIKS)
    found = lists_beside_details([listed, detail])
    files = [(Path("a"), "bpjs/daftar_peserta.xlsx", "bpjs"), (Path("b"), "bpjs/rincian_iuran.xlsx", "bpjs")]

    read = left_out_reads(files, [listed, detail], found)

    assert isinstance(read[0], InputError) and read[1] is detail
    (entry,) = explain_left_out([{"path": "bpjs/daftar_peserta.xlsx", "consequence": "x"}], found)
    assert "read from the contribution detail bpjs/rincian_iuran.xlsx" in entry["consequence"]
    assert "dibaca dari rincian iuran bpjs/rincian_iuran.xlsx" in entry["consequence_id"]
