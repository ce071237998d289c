"""--out naming a file: refused in words (the file named), before any report is written."""

from __future__ import annotations

import pytest

from reconcile.errors import InputError
from reconcile.report import check_output_folder


def test_out_naming_a_file_says_a_folder_was_expected(tmp_path, monkeypatch, write):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "afile.txt").write_text("x")
    with pytest.raises(InputError) as caught:
        write(out_dir="afile.txt", lang="en")
    assert str(caught.value) == "--out: expected a folder, found a file: afile.txt"
    assert caught.value.exit_code == 2


def test_out_under_a_file_names_the_file_in_indonesian(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "afile.txt").write_text("x")
    with pytest.raises(
        InputError, match=r"^--out: diharapkan sebuah folder, ditemukan sebuah berkas: afile.txt$"
    ):
        check_output_folder("afile.txt/reports")


def test_new_or_existing_folders_are_fine(tmp_path):
    check_output_folder(tmp_path)
    check_output_folder(tmp_path / "new" / "deeper")
