"""Masked finding ids: a key kept in the ledger, stable ids, and masked ids mapped back for notes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from reconcile.classify.materialise import finding_ids
from reconcile.errors import InputError
from reconcile.ledger import (
    Ledger,
    add_annotation,
    check_finding_id,
    current_notes,
    import_annotations,
    mask_key,
    masked_finding_ids,
    real_finding_id,
)
from reconcile.ledger.mask_key import existing_mask_key, masked_finding_id
from tests.ledger.frames import findings, record

NIK = "1871011205850001"


def _real_id(category: str = "UNREGISTERED", nik: str = NIK) -> str:
    return finding_ids(pd.Series([category]), pd.Series([f"N:{nik}"])).iloc[0]


def test_the_real_finding_id_scheme_is_unchanged() -> None:
    """Existing ledgers hold these ids: sha1("CATEGORY|N:" + NIK), 16 hex digits."""
    assert _real_id() == hashlib.sha1(f"UNREGISTERED|N:{NIK}".encode()).hexdigest()[:16]
    assert _real_id() == "3eb46452fe29b27e"


def test_the_key_is_made_once_per_ledger_and_kept(tmp_path: Path) -> None:
    ledger = Ledger.open(None, tmp_path / "a")
    assert existing_mask_key(ledger) is None  # opening a ledger makes no key
    key = mask_key(ledger)
    assert len(key) == 32
    assert mask_key(Ledger.open(None, tmp_path / "a")) == key == existing_mask_key(ledger)
    assert mask_key(Ledger.open(None, tmp_path / "b")) != key  # random, one per ledger


def test_masked_ids_are_stable_on_one_ledger_and_hide_the_nik(tmp_path: Path) -> None:
    real = pd.Series([_real_id(), _real_id() + "-2", None], dtype=object)
    first = masked_finding_ids(real, mask_key(Ledger.open(None, tmp_path)))
    again = masked_finding_ids(real, mask_key(Ledger.open(None, tmp_path)))
    assert first.tolist() == again.tolist()
    assert first[1] == first[0] + "-2" and pd.isna(first[2])
    assert first[0] != real[0] and len(first[0]) == 16
    # the plain hash a reader could try for every NIK with the printed last 4 digits does not match
    assert first[0] != hashlib.sha1(f"UNREGISTERED|N:{NIK}".encode()).hexdigest()[:16]


def test_explain_takes_a_masked_id_and_keeps_the_note_under_the_real_one(tmp_path: Path) -> None:
    ledger = Ledger.open(None, tmp_path)
    real = _real_id()
    record(ledger, "2018-01", findings((real, "UNREGISTERED")))
    masked = masked_finding_id(real, mask_key(ledger))
    assert real_finding_id(ledger, masked) == real
    assert real_finding_id(ledger, real) == real
    check_finding_id(ledger, masked)
    add_annotation(ledger, masked, "alih status PPPK", "analyst")
    assert current_notes(ledger) == {real: "alih status PPPK"}
    check_finding_id(ledger, masked, withdrawing=True)
    add_annotation(ledger, masked, "", "analyst")
    assert current_notes(ledger) == {}


def test_a_masked_id_of_another_ledger_is_refused(tmp_path: Path) -> None:
    ledger = Ledger.open(None, tmp_path)
    real = _real_id()
    record(ledger, "2018-01", findings((real, "UNREGISTERED")))
    mask_key(ledger)
    with pytest.raises(InputError, match="not in it"):
        check_finding_id(ledger, masked_finding_id(real, b"\x00" * 32))


def test_the_annotations_file_takes_masked_ids(tmp_path: Path) -> None:
    ledger = Ledger.open(None, tmp_path)
    real = _real_id()
    record(ledger, "2018-01", findings((real, "UNREGISTERED"), ("other", "UNREGISTERED")))
    masked = masked_finding_id(real, mask_key(ledger))
    csv = tmp_path / "annotations.csv"
    csv.write_text(f"finding_id,note\n{masked},PPPK\nother,cuti\n", encoding="utf-8")
    assert import_annotations(ledger, csv) == 2
    assert current_notes(ledger) == {real: "PPPK", "other": "cuti"}
    assert import_annotations(ledger, csv) == 0
