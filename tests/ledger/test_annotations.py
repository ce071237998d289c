"""Explained findings: carried over to later periods, shown as explained, never counted as new."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.errors import InputError
from reconcile.ledger import (
    LEDGER_NAME,
    Ledger,
    add_annotation,
    apply_history,
    check_finding_id,
    current_notes,
    existing_ledger,
    import_annotations,
)
from tests.ledger.frames import findings, record


def _status(ledger: Ledger, period: str, *ids: str) -> list[tuple[str, str, int]]:
    out = apply_history(findings(*[(i, "UNREGISTERED") for i in ids]), period, ledger)
    return list(zip(out["status"], out["explained"], out["age_months"].astype(int), strict=True))


def test_an_explained_finding_is_carried_over_and_not_new(tmp_path: Path) -> None:
    ledger = Ledger.open(None, tmp_path)
    record(ledger, "2018-01", findings(("a", "UNREGISTERED")))
    add_annotation(ledger, "a", "alih status ke PPPK (Taspen)", "analyst")
    assert _status(ledger, "2018-02", "a") == [("explained", "alih status ke PPPK (Taspen)", 2)]
    # explained before it ever appeared (e.g. a known PPPK conversion): still not new
    add_annotation(ledger, "z", "PPPK", "analyst")
    assert _status(ledger, "2018-02", "z") == [("explained", "PPPK", 1)]


def test_an_empty_note_withdraws_the_explanation(tmp_path: Path) -> None:
    ledger = Ledger.open(None, tmp_path)
    add_annotation(ledger, "a", "first", "analyst")
    add_annotation(ledger, "a", "", "analyst")
    assert current_notes(ledger) == {}
    assert _status(ledger, "2018-02", "a") == [("new", "", 1)]


def test_the_annotations_file_is_imported_once_per_change(tmp_path: Path) -> None:
    ledger = Ledger.open(None, tmp_path)
    csv = tmp_path / "annotations.csv"
    csv.write_text("\ufefffinding_id,note\na,PPPK sejak Januari\nb,\n", encoding="utf-8")
    assert import_annotations(ledger, csv) == 1  # b has no note and was never explained: nothing to add
    assert import_annotations(ledger, csv) == 0  # the same file on the next run adds nothing
    assert current_notes(ledger) == {"a": "PPPK sejak Januari"}
    csv.write_text("finding_id,note\na,PPPK sejak Februari\n", encoding="utf-8")
    assert import_annotations(ledger, csv) == 1
    assert current_notes(ledger) == {"a": "PPPK sejak Februari"}
    who = ledger.query("SELECT DISTINCT explained_by FROM annotations")["explained_by"].tolist()
    assert who == ["annotations.csv"]


def test_a_missing_annotations_file_is_not_an_error(tmp_path: Path) -> None:
    assert import_annotations(Ledger.open(None, tmp_path), tmp_path / "annotations.csv") == 0


def test_an_annotations_file_without_its_columns_names_what_was_expected(tmp_path: Path) -> None:
    csv = tmp_path / "annotations.csv"
    csv.write_text("id,text\na,b\n", encoding="utf-8")
    with pytest.raises(InputError, match="expected columns finding_id,note, found id,text"):
        import_annotations(Ledger.open(None, tmp_path), csv)


def test_explain_needs_an_existing_ledger_and_names_the_file_expected(tmp_path: Path) -> None:
    folder = tmp_path / "tidak_ada"
    with pytest.raises(InputError, match=f"--out {folder}: expected a run ledger {folder / LEDGER_NAME}"):
        existing_ledger(None, folder)
    assert not folder.exists()  # nothing created in a mistyped folder
    Ledger.open(None, tmp_path)  # a ledger without any run (e.g. created by mistake) is not one either
    with pytest.raises(InputError, match=f"found {tmp_path / LEDGER_NAME} without any run"):
        existing_ledger(None, tmp_path)
    record(Ledger.open(None, tmp_path), "2018-01", findings(("a", "UNREGISTERED")))
    assert existing_ledger(None, tmp_path).path == tmp_path / LEDGER_NAME


def test_explain_accepts_only_finding_ids_of_the_ledger(tmp_path: Path) -> None:
    ledger = Ledger.open(None, tmp_path)
    record(ledger, "2018-01", findings(("401d880980b9862e", "UNREGISTERED"), ("40aa", "UNREGISTERED")))
    check_finding_id(ledger, "401d880980b9862e")
    with pytest.raises(
        InputError, match="found 'ffffffffffffffff', which is not in it; no finding_id starts"
    ):
        check_finding_id(ledger, "ffffffffffffffff")
    with pytest.raises(InputError, match="did you mean 401d880980b9862e"):
        check_finding_id(ledger, "401d88")
    with pytest.raises(InputError, match="finding_ids starting with it: 401d880980b9862e, 40aa$"):
        check_finding_id(ledger, "40")
    add_annotation(ledger, "z", "PPPK", "annotations.csv")  # a note for a finding never recorded:
    with pytest.raises(InputError, match="found 'z'"):  # not a finding to explain,
        check_finding_id(ledger, "z")
    check_finding_id(ledger, "z", withdrawing=True)  # but its note can be withdrawn
