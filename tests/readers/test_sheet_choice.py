"""Which sheets are read: not hidden ones, and, for a period, not the sheets of other months."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reconcile.errors import InputError
from reconcile.pipeline import prepare
from reconcile.readers import read_input
from reconcile.readers.sheet_notices import sheet_notices
from tests.readers.builders import payroll_sheet, write_xlsx

HEADER = ["NO", "NAMA", "NIK", "UPAH"]


def _month_sheet(title: str | None, *workers: tuple[str, str]) -> dict[str, Any]:
    """A payroll sheet: an optional title row, the header, one row per (name, nik)."""
    rows: list[list[Any]] = [[title], []] if title else []
    rows += [HEADER, *([i, name, nik, 2_000_000] for i, (name, nik) in enumerate(workers, 1))]
    return {"rows": rows}


APRIL = [("BUDI", "1871011205850001"), ("SITI", "1871015205870002")]
MEI = [("BUDI", "1871011205850001"), ("SITI", "1871015205870002"), ("DEWI", "1871014101920004")]


def _read(path: Path, period: str | None = "2024-05"):
    return read_input(path, f"in/{path.name}", "payroll", period)


def _not_read(table) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(s.name, s.reason, s.periods) for s in table.sheets_not_read]


def test_one_sheet_per_month_reads_only_the_period_and_says_which_were_not_read(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "disdik_2024.xlsx",
        {
            "APRIL": _month_sheet("DAFTAR UPAH PTHL BULAN APRIL 2024", *APRIL),
            "MEI": _month_sheet("DAFTAR UPAH PTHL BULAN MEI 2024", *MEI),
        },
    )

    table = _read(path)

    assert [s.name for s in table.sheets] == ["MEI"]
    assert table.sheets[0].periods == ("2024-05",) and table.sheets[0].period_source == "title"
    assert table.rows_read == 3 and set(table.frame["source_sheet"]) == {"MEI"}
    assert _not_read(table) == [("APRIL", "other_month", ("2024-04",))]
    assert table.sheets_not_read[0].period_source == "title"


def test_sheet_names_say_the_month_when_the_titles_do_not(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "upah.xlsx",
        {
            "Upah Apr": _month_sheet(None, *APRIL),
            "Mei 2024": _month_sheet(None, *MEI),
            "Juni": _month_sheet(None, *MEI),
        },
    )

    table = _read(path)

    assert [s.name for s in table.sheets] == ["Mei 2024"]
    assert table.sheets[0].period_source == "sheet name"
    assert _not_read(table) == [
        ("Upah Apr", "other_month", ("2024-04",)),
        ("Juni", "other_month", ("2024-06",)),
    ]


def test_sheets_naming_no_month_are_read_and_another_months_sheet_is_not(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "rsud.xlsx",
        {
            "Bid. Pelayanan": _month_sheet("RSUD", *APRIL),
            "Bid. Umum": _month_sheet(None, MEI[2]),
            "MARET": _month_sheet(None, *MEI),
        },
    )

    table = _read(path)

    assert [s.name for s in table.sheets] == ["Bid. Pelayanan", "Bid. Umum"]
    assert _not_read(table) == [("MARET", "other_month", ("2024-03",))]


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_hidden_sheet_is_not_read_and_is_named(tmp_path: Path, state: str) -> None:
    path = write_xlsx(
        tmp_path / "disdik_mei.xlsx",
        {
            "MEI": _month_sheet("BULAN MEI 2024", *MEI),
            "Lama": {**_month_sheet(None, *APRIL), "state": state},
        },
    )

    table = _read(path, period=None)  # hidden sheets are left out with or without a period

    assert [s.name for s in table.sheets] == ["MEI"]
    assert [(s.name, s.reason, s.visibility) for s in table.sheets_not_read] == [
        ("Lama", "hidden", state.lower())
    ]


def test_only_hidden_sheets_with_a_header_is_an_input_error_naming_them(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "p.xlsx",
        {
            "Petunjuk": {"rows": [["Isi data pada sheet berikutnya"]]},
            "Data": {**_month_sheet(None, *MEI), "state": "hidden"},
        },
    )

    with pytest.raises(InputError, match=r"hidden sheet\(s\) 'Data'.*unhide"):
        _read(path)


def test_every_sheet_for_another_month_reads_the_nearest_month_and_says_so(tmp_path: Path) -> None:
    """The file is then for another month: period_check refuses it unless the user accepts it."""
    path = write_xlsx(
        tmp_path / "lama.xlsx",
        {"MARET": _month_sheet(None, *APRIL), "APRIL": _month_sheet(None, *MEI)},
    )

    table = _read(path)

    assert [(s.name, s.periods) for s in table.sheets] == [("APRIL", ("2024-04",))]
    assert _not_read(table) == [("MARET", "other_month", ("2024-03",))]


def test_without_a_period_every_visible_sheet_is_read(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "disdik_2024.xlsx",
        {"APRIL": _month_sheet("BULAN APRIL 2024", *APRIL), "MEI": _month_sheet("BULAN MEI 2024", *MEI)},
    )

    table = _read(path, period=None)

    assert [s.name for s in table.sheets] == ["APRIL", "MEI"] and table.sheets_not_read == ()


#: An instructions sheet: "No | Nama Kolom | Keterangan" over "1 | NIK | ...": a two-row header of
#: row number and NIK, without a name column.
PETUNJUK = {
    "rows": [
        ["PETUNJUK PENGISIAN"],
        [],
        ["No", "Nama Kolom", "Keterangan"],
        [1, "NIK", "Nomor Induk Kependudukan 16 digit"],
        [2, "Nama Tenaga Kerja", "Sesuai KTP"],
    ]
}


def _not_read_header(table) -> list[tuple[str, str, str, str]]:
    return [(s.name, s.reason, s.header_rows, s.missing) for s in table.sheets_not_read]


def test_an_instructions_sheet_beside_a_data_sheet_is_not_read_and_says_what_its_header_lacks(
    tmp_path: Path,
) -> None:
    path = write_xlsx(
        tmp_path / "rincian.xlsx",
        {"Petunjuk": PETUNJUK, "Data": _month_sheet("DAFTAR UPAH PTHL BULAN MEI 2024", *MEI)},
    )

    table = _read(path)

    assert [s.name for s in table.sheets] == ["Data"] and table.rows_read == 3
    assert _not_read_header(table) == [("Petunjuk", "incomplete_header", "3-4", "name")]


def test_with_an_instructions_sheet_the_month_and_visibility_choice_still_holds(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "upah.xlsx",
        {
            "Petunjuk": PETUNJUK,
            "APRIL": _month_sheet(None, *APRIL),
            "MEI": _month_sheet(None, *MEI),
            "Lama": {**_month_sheet(None, *MEI), "state": "hidden"},
        },
    )

    table = _read(path)

    assert [s.name for s in table.sheets] == ["MEI"]
    assert [(s.name, s.reason) for s in table.sheets_not_read] == [
        ("Petunjuk", "incomplete_header"),
        ("APRIL", "other_month"),
        ("Lama", "hidden"),
    ]


def test_an_instructions_sheet_beside_only_another_months_data_reads_that_month(tmp_path: Path) -> None:
    """The file is then for another month: period_check refuses it, not the instructions sheet."""
    path = write_xlsx(
        tmp_path / "rincian.xlsx",
        {"Petunjuk": PETUNJUK, "Data": _month_sheet("DAFTAR UPAH PTHL BULAN APRIL 2024", *APRIL)},
    )

    table = _read(path)

    assert [(s.name, s.periods) for s in table.sheets] == [("Data", ("2024-04",))]
    assert [s.reason for s in table.sheets_not_read] == ["incomplete_header"]


def test_an_instructions_sheet_beside_a_hidden_data_sheet_asks_to_unhide_it(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "rincian.xlsx",
        {"Petunjuk": PETUNJUK, "Data": {**_month_sheet(None, *MEI), "state": "hidden"}},
    )

    with pytest.raises(InputError, match=r"hidden sheet\(s\) 'Data'.*unhide"):
        _read(path)


def test_when_no_sheet_has_a_complete_header_the_file_is_refused_naming_what_is_missing(
    tmp_path: Path,
) -> None:
    path = write_xlsx(tmp_path / "rincian.xlsx", {"Petunjuk": PETUNJUK})

    with pytest.raises(InputError, match=r"\[sheet Petunjuk\]: missing the name column .*row 3-4"):
        _read(path)


def test_this_periods_sheet_with_an_incomplete_header_is_refused_not_replaced_by_another_month(
    tmp_path: Path,
) -> None:
    no_nik = {"rows": [["NO", "NAMA", "UPAH"], [1, "BUDI", 2_000_000]]}
    path = write_xlsx(tmp_path / "upah.xlsx", {"APRIL": _month_sheet(None, *APRIL), "MEI": no_nik})

    with pytest.raises(InputError, match=r"\[sheet MEI\]: missing an identity column"):
        _read(path)


def test_a_sheet_with_content_but_no_header_is_listed_as_not_read(tmp_path: Path) -> None:
    """A recap or notes sheet beside the data: left out, and said (the README promises it)."""
    path = write_xlsx(
        tmp_path / "disdik.xlsx",
        {
            "Februari": {"rows": payroll_sheet()},
            "Rekap": {"rows": [["REKAPITULASI"], ["Jumlah pegawai", 5], ["Jumlah upah", 7500000]]},
            "Kosong": {"rows": []},
        },
    )

    table = read_input(path, "disdik.xlsx", "payroll")

    assert [(s.name, s.reason) for s in table.sheets_not_read] == [("Rekap", "no_header")]
    (notice,) = sheet_notices([prepare(table)], "2018-02")
    assert notice.startswith("disdik.xlsx: sheet 'Rekap' tidak dibaca: tidak ada baris judul kolom")
