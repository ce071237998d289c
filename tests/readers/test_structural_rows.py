"""Rows an office adds around its data that must never be read as workers: column numbers typed
before a column was moved, and total labels written letter-spaced."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reconcile.normalize.stated_totals import total_mismatches
from reconcile.readers import read_input
from tests.readers.builders import COLUMN_NUMBERS, HEADER, SIGNATURE, TITLE, TOTAL, WORKERS, write_xlsx


def _read(tmp_path: Path, numbers: list[Any], total: list[Any]) -> Any:
    rows = [*TITLE, HEADER, numbers, *WORKERS, total, *SIGNATURE]
    path = write_xlsx(tmp_path / "disdik.xlsx", {"Februari": {"rows": rows}})
    return read_input(path, "disdik.xlsx", "payroll")


@pytest.mark.parametrize(
    "numbers",
    [
        [1, 2, 3, 4, 6, 5],  # a column moved after the numbering was typed
        [1, 3, 2, 4, 5, 6],
        [1, 2, 3, 4, 5, "6 (Rp)"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6 = Rp)"],
        [1, 2, 3, 4, 5, "6=4x5"],
    ],
)
def test_a_column_number_row_in_any_order_is_no_worker(tmp_path: Path, numbers: list[Any]) -> None:
    table = _read(tmp_path, numbers, TOTAL)

    assert table.frame["source_row"].tolist() == [7, 8, 9, 10, 11]
    assert total_mismatches(table) == ()


def test_repeated_numbers_are_no_column_number_row(tmp_path: Path) -> None:
    """Two cells with the same number are not the numbering of the columns: the row stays data."""
    table = _read(tmp_path, [1, 1, 3, 4, 5, 6], TOTAL)
    assert 6 in table.frame["source_row"].tolist()


@pytest.mark.parametrize("label", ["J U M L A H", "T O T A L", "S U B  T O T A L"])
def test_a_letter_spaced_total_label_is_a_total_row(tmp_path: Path, label: str) -> None:
    table = _read(tmp_path, COLUMN_NUMBERS, [None, label, None, None, None, 7_500_000])

    assert table.frame["source_row"].tolist() == [7, 8, 9, 10, 11]
    (sheet,) = table.sheets
    assert [t.row for t in sheet.stated_totals] == [12]
