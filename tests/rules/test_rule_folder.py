"""An analyst's rules folder (`--rules FOLDER`): refused up front when it is no folder or lacks
tables (never completed from the shipped ones), and recorded for the manifest when it loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.errors import InputError
from reconcile.rules import RuleBook
from reconcile.rules.rulebook import DEFAULT_DIRECTORY
from reconcile.rules.tables import SPECS


def test_a_missing_folder_is_refused_naming_it_and_what_it_should_hold(tmp_path: Path) -> None:
    folder = tmp_path / "my-rules"
    with pytest.raises(InputError) as caught:
        RuleBook.load(folder)
    assert caught.value.path == str(folder)
    assert "expected a folder holding rules_pu_rates.csv" in str(caught.value)
    assert "found nothing" in str(caught.value)


def test_a_file_given_as_the_folder_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "rules_pu_rates.csv"
    file.write_text("x\n", encoding="utf-8")
    with pytest.raises(InputError, match="expected a folder holding .*, found a file"):
        RuleBook.load(file)


def test_a_folder_with_some_tables_is_refused_listing_every_missing_one(rules_dir: Path) -> None:
    for name in ("rules_relief.csv", "rules_late_fee.csv"):
        (rules_dir / name).unlink()
    with pytest.raises(InputError) as caught:
        RuleBook.load(rules_dir)
    text = str(caught.value)
    assert caught.value.path == str(rules_dir)
    assert "missing rules_relief.csv, rules_late_fee.csv" in text
    assert f"copy the whole folder {DEFAULT_DIRECTORY}" in text


def test_an_empty_folder_lists_every_table(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        RuleBook.load(tmp_path)
    assert "missing " + ", ".join(spec.file_name for spec in SPECS.values()) in str(caught.value)


def test_the_manifest_entry_names_the_folder_and_the_digest(
    rules_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(rules_dir.parent)
    assert RuleBook.load(Path(rules_dir.name)).manifest_entry["folder"] == str(rules_dir.resolve())
    book = RuleBook.load(rules_dir)
    assert book.manifest_entry == {"folder": str(rules_dir.resolve()), "digest": book.digest}
    assert RuleBook.load(None).manifest_entry["folder"] == str(DEFAULT_DIRECTORY)
