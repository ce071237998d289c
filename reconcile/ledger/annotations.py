"""Explained findings: a note per finding_id, from `recon explain` or the folder's annotations.csv.

Annotations are appended, never edited; a finding's current note is its latest one, and an empty
note withdraws the explanation. Because finding_id is stable across periods, a note carries over.
`recon explain` only notes findings its ledger has recorded (`existing_ledger`, `check_finding_id`);
a note for a finding not yet seen goes in the folder's annotations.csv. Both also take the masked id
of a `--mask-nik` copy: the note is kept under the real id (reconcile/ledger/mask_key.py).
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd

from reconcile.errors import InputError
from reconcile.ledger.location import ledger_path
from reconcile.ledger.mask_key import real_finding_id, real_finding_ids
from reconcile.ledger.store import Ledger

FROM_FILE = "annotations.csv"


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def add_annotation(
    ledger: Ledger, finding_id: str, note: str, explained_by: str, at: str | None = None
) -> None:
    """Mark `finding_id` (real, or masked by a `--mask-nik` copy) as explained with `note` (an empty
    note withdraws the explanation)."""
    finding_id = finding_id.strip()
    if not finding_id:
        raise InputError(
            "explain: expected a finding_id (the finding_id column of exceptions.csv), found nothing"
        )
    finding_id = real_finding_id(ledger, finding_id)
    with ledger.transaction() as conn:
        conn.execute(
            "INSERT INTO annotations (finding_id, note, explained_by, at) VALUES (?, ?, ?, ?)",
            (finding_id, note.strip(), explained_by, at or _now()),
        )


def existing_ledger(location: str | Path | None, out_dir: str | Path | None) -> Ledger:
    """The ledger at `location` (default `<out_dir>/recon-ledger.sqlite`) holding at least one run;
    InputError naming the folder and the file expected otherwise (nothing is created)."""
    path = ledger_path(location, out_dir)
    where = f"--out {out_dir}" if location is None or str(location) == "" else f"--ledger {location}"
    if not path.is_file():
        raise InputError(
            f"explain: {where}: expected a run ledger {path} (written by `recon run`), found none;"
            " run the period first, or give the report folder of an earlier run"
        )
    ledger = Ledger.open(location, out_dir)
    if ledger.runs().empty:
        raise InputError(
            f"explain: {where}: expected a run ledger with the runs of `recon run`, found {path}"
            " without any run; give the report folder of an earlier run"
        )
    return ledger


MAX_SUGGESTIONS = 5


def check_finding_id(ledger: Ledger, finding_id: str, *, withdrawing: bool = False) -> None:
    """InputError unless `finding_id` is a finding of the ledger (or the masked id of one), naming the
    findings it is a prefix of, if any. Withdrawing (`--clear`) a note is also allowed for an id that
    has a note."""
    finding_id = finding_id.strip()
    if not finding_id or _is_known(ledger, real_finding_id(ledger, finding_id), withdrawing):
        return
    similar = ledger.query(
        "SELECT DISTINCT finding_id FROM findings WHERE substr(finding_id, 1, ?) = ? ORDER BY finding_id"
        f" LIMIT {MAX_SUGGESTIONS + 1}",
        (len(finding_id), finding_id),
    )["finding_id"].tolist()
    hint = "; no finding_id starts with it"
    if len(similar) == 1:
        hint = f"; did you mean {similar[0]} (the one finding_id that starts with it)?"
    elif similar:
        more = ", ..." if len(similar) > MAX_SUGGESTIONS else ""
        hint = f"; finding_ids starting with it: {', '.join(similar[:MAX_SUGGESTIONS])}{more}"
    raise InputError(
        f"explain: expected a finding_id of the ledger (the finding_id column of exceptions.csv),"
        f" found {finding_id!r}, which is not in it{hint}",
        path=str(ledger.path),
    )


def _is_known(ledger: Ledger, finding_id: str, withdrawing: bool) -> bool:
    found = ledger.query("SELECT 1 FROM findings WHERE finding_id = ? LIMIT 1", (finding_id,))
    return bool(len(found)) or (withdrawing and finding_id in current_notes(ledger))


def current_notes(ledger: Ledger) -> dict[str, str]:
    """finding_id -> its current note, for explained findings only."""
    frame = ledger.query("SELECT finding_id, note FROM annotations ORDER BY rowid")
    latest = frame.drop_duplicates("finding_id", keep="last")
    latest = latest[latest["note"] != ""]
    return dict(zip(latest["finding_id"], latest["note"], strict=True))


def read_annotations_csv(path: Path) -> pd.DataFrame:
    """finding_id, note from a UTF-8 CSV (BOM allowed); InputError naming what was expected."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
            header = rows[0].keys() if rows else set()
    except UnicodeDecodeError:
        raise InputError("expected a UTF-8 CSV with columns finding_id,note", path=str(path)) from None
    if rows and not {"finding_id", "note"} <= set(header):
        raise InputError(f"expected columns finding_id,note, found {','.join(header)}", path=str(path))
    frame = pd.DataFrame(rows, columns=["finding_id", "note"]).fillna("")
    frame = frame.astype(str).apply(lambda s: s.str.strip())
    return frame[frame["finding_id"] != ""]


def _with_real_ids(ledger: Ledger, notes: pd.DataFrame) -> pd.DataFrame:
    """`notes` with the masked ids of a `--mask-nik` copy replaced by the ledger's real ids."""
    real = real_finding_ids(ledger, notes["finding_id"])
    return notes.assign(finding_id=notes["finding_id"].map(lambda i: real.get(i, i)))


def import_annotations(ledger: Ledger, path: Path) -> int:
    """Import the rows of an annotations file whose note differs from the current one; returns how many.

    Importing the same file every run therefore adds nothing. A missing file is not an error.
    """
    if not Path(path).is_file():
        return 0
    notes = _with_real_ids(ledger, read_annotations_csv(Path(path)))
    wanted = notes.drop_duplicates("finding_id", keep="last")
    frame = ledger.query("SELECT finding_id, note FROM annotations ORDER BY rowid")
    latest = dict(zip(frame["finding_id"], frame["note"], strict=True))  # later rows win
    # A row is new when its note differs from the current one (an empty note for a finding never
    # explained is nothing to record).
    keep = [latest.get(f, "") != n for f, n in zip(wanted["finding_id"], wanted["note"], strict=True)]
    changed = wanted[keep]
    if changed.empty:
        return 0
    at = _now()
    with ledger.transaction() as conn:
        conn.executemany(
            "INSERT INTO annotations (finding_id, note, explained_by, at) VALUES (?, ?, ?, ?)",
            [(f, n, FROM_FILE, at) for f, n in zip(changed["finding_id"], changed["note"], strict=True)],
        )
    return len(changed)
