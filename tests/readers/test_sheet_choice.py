"""Which sheets are read: not hidden ones, and, for a period, not the sheets of other months."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reconcile.errors import InputError
from reconcile.readers import read_input
from tests.readers.builders import write_xlsx

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
