"""The guards on their own: sandbox limits, zip limits, and the period evidence."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from reconcile.errors import InputError
from reconcile.readers.period_check import check_period, title_periods
from reconcile.readers.sandbox import SandboxLimits
from reconcile.readers.workbook import read_workbook
from reconcile.readers.zip_guard import ZipLimits
from tests.hostile import corpus as c


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return c.xlsx(tmp_path / "ok.xlsx", c.sheet_xml(c.good_rows()))


def test_a_good_workbook_reads_through_the_sandbox_like_excel_numbers_rows(book: Path) -> None:
    grids = read_workbook(book, "in/ok.xlsx")
    assert grids[0].row(2)[:3] == ["NO", "NAMA", "NIK"]  # Excel row 3


def test_time_limit_stops_the_child(book: Path) -> None:
    with pytest.raises(InputError, match="took longer than"):
        read_workbook(book, "in/ok.xlsx", sandbox_limits=SandboxLimits(seconds=0.001))


def test_memory_limit_stops_the_child_without_harming_this_process(book: Path) -> None:
    with pytest.raises(InputError) as info:  # 1 MB more than the child's start: calamine cannot even load
        read_workbook(book, "in/ok.xlsx", sandbox_limits=SandboxLimits(memory_bytes=1 << 20))
    assert str(info.value).startswith("in/ok.xlsx")


@pytest.mark.parametrize(
    ("limits", "expected"),
    [
        (ZipLimits(max_members=3), "parts"),
        (ZipLimits(max_total_bytes=1000), "expands to"),
        (ZipLimits(max_member_bytes=500), "expands to"),
    ],
)
def test_zip_limits_are_configurable(book: Path, limits: ZipLimits, expected: str) -> None:
    with pytest.raises(InputError, match=expected):
        read_workbook(book, "in/ok.xlsx", zip_limits=limits)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Periode : Februari 2018", {"2018-02"}),
        ("Bulan Februari 2018", {"2018-02"}),
        ("PERIODE 02-2018", {"2018-02"}),
        ("RINCIAN IURAN 201802", {"2018-02"}),
        ("NPP : 27608830 | PERIODE : PEBRUARI 2018", {"2018-02"}),
        ("Dicetak 05 Maret 2018", set()),
        ("20180228", set()),
    ],
)
def test_title_periods(title: str, expected: set[str]) -> None:
    assert title_periods(title) == expected


def test_join_dates_after_the_period_say_another_month() -> None:
    joins = pd.Series(pd.to_datetime(["2017-01-05"] * 50 + ["2018-03-02"] * 5))

    found = check_period("b.xlsx", "2018-02", ["RINCIAN IURAN"], joins)

    assert found is not None and found.found == "2018-03"
    assert check_period("b.xlsx", "2018-03", ["RINCIAN IURAN"], joins) is None


def test_a_bug_in_the_reader_child_is_an_internal_error_not_a_bad_file(tmp_path, monkeypatch) -> None:
    """A Python error in our own child code must not be reported as a damaged workbook (exit 2)."""
    import openpyxl

    from reconcile.errors import InputError
    from reconcile.readers import sandbox

    path = tmp_path / "ok.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["NIK", "Nama"])
    wb.save(path)
    broken = tmp_path / "broken_child.py"
    broken.write_text("import sys\nraise TypeError('bug in the reader')\n", encoding="utf-8")
    monkeypatch.setattr(sandbox, "_CHILD", broken)
    with pytest.raises(sandbox.ReaderBug) as raised:
        sandbox.read_workbook_sandboxed(path, "ok.xlsx")
    assert raised.value.exit_code == 1
    assert not isinstance(raised.value, InputError)
