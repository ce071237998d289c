"""discover_inputs: files and folders as given on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.errors import InputError
from reconcile.readers import discover_inputs
from reconcile.readers.discover import find_inputs


def _touch(root: Path, *names: str) -> None:
    for name in names:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"x")


def test_folder_expands_recursively_sorted_skipping_lock_and_hidden_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _touch(
        tmp_path / "sample" / "payroll",
        "dinas.xlsx",
        "biro.CSV",
        "rsud/feb.xlsm",
        "~$dinas.xlsx",
        ".hidden.xlsx",
        ".git/x.xlsx",
        "notes.txt",
        "old.xls",
    )

    found = discover_inputs(["sample/payroll/"])

    assert [display for _, display in found] == [
        "sample/payroll/biro.CSV",
        "sample/payroll/dinas.xlsx",
        "sample/payroll/rsud/feb.xlsm",
    ]
    assert all(real.is_absolute() and real.exists() for real, _ in found)


def test_file_keeps_the_path_as_given_and_is_listed_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _touch(tmp_path, "in/a.xlsx")

    found = discover_inputs(["in/a.xlsx", "in"])

    assert found == [((tmp_path / "in" / "a.xlsx").resolve(), "in/a.xlsx")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("missing.xlsx", "not found"),
        ("old.xls", "legacy Excel 97-2003"),
        ("report.pdf", "expected an .xlsx, .xlsm or .csv file, found .pdf"),
    ],
)
def test_bad_paths(tmp_path, name, expected):
    _touch(tmp_path, "old.xls", "report.pdf")

    with pytest.raises(InputError, match=expected) as info:
        discover_inputs([str(tmp_path / name)])
    assert info.value.exit_code == 2


def test_folder_without_inputs_mentions_legacy_files(tmp_path):
    _touch(tmp_path, "only/a.xls", "only/~$b.xlsx")

    with pytest.raises(InputError, match=r"holds no input file.*a\.xls.*save them as \.xlsx"):
        discover_inputs([str(tmp_path / "only")])


def test_find_inputs_reports_every_path_that_gives_no_file_and_keeps_the_rest(tmp_path, monkeypatch):
    """A missing path must not hide the other bad inputs: the run reports them all at once."""
    monkeypatch.chdir(tmp_path)
    _touch(tmp_path, "pay/a.xlsx", "empty/notes.txt", "b.xlsx")

    found, errors = find_inputs(["missing.xlsx", "pay", "empty", "b.xlsx", "gone/"])

    assert [display for _, display in found] == ["pay/a.xlsx", "b.xlsx"]
    assert [(e.path, str(e).split(": ", 1)[1][:25]) for e in errors] == [
        ("missing.xlsx", "not found"),
        ("empty", "the folder holds no input"),
        ("gone/", "not found"),
    ]
