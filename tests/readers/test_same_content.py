"""Files with the same bytes: a copy on one side, or one file given on both sides."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from reconcile.errors import InputError
from reconcile.readers.same_content import same_content


def _read(sha: str) -> SimpleNamespace:
    return SimpleNamespace(sha256=sha)


def test_a_copy_on_one_side_names_both_paths() -> None:
    files = [(Path("a"), "pay/disdik (1).xlsx", "payroll"), (Path("b"), "pay/disdik.xlsx", "payroll")]

    (copy,) = same_content(files, [_read("ab" * 32), _read("ab" * 32)])

    assert not copy.both_sides
    message = str(copy.error())
    assert message.startswith("pay/disdik.xlsx: same content") and "as pay/disdik (1).xlsx" in message
    assert "--allow-partial" in message
    assert copy.entry() == {
        "path": "pay/disdik.xlsx",
        "kind": "payroll",
        "same_as": "pay/disdik (1).xlsx",
        "sha256": "ab" * 32,
    }


def test_one_file_on_both_sides_says_which_side_each_is() -> None:
    files = [(Path("a"), "in/bpjs.xlsx", "payroll"), (Path("a"), "in/bpjs.xlsx", "bpjs")]

    (copy,) = same_content(files, [_read("cd" * 32), _read("cd" * 32)])

    assert copy.both_sides
    message = str(copy.error())
    assert (
        "given as a BPJS file (--participants)" in message
        and "given as a payroll file (--payroll)" in message
    )


def test_different_content_and_unreadable_files_are_not_copies() -> None:
    files = [(Path(n), n, "payroll") for n in ("a", "b", "c")]
    read = [_read("01" * 32), _read("02" * 32), InputError("not found", path="c")]

    assert same_content(files, read) == []
