"""The ledger file: where it lives, recording runs in one transaction, idempotent on run_id."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from reconcile.errors import InputError
from reconcile.ledger import LEDGER_NAME, Ledger, ledger_path, period_lock, record_run
from tests.ledger.frames import DIGESTS, findings


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        (None, "out/recon-ledger.sqlite"),
        ("runs/ledger.sqlite", "runs/ledger.sqlite"),
        ("sqlite:///runs/ledger.sqlite", "runs/ledger.sqlite"),
        ("sqlite:////srv/recon/ledger.sqlite", "/srv/recon/ledger.sqlite"),
    ],
)
def test_ledger_location(location: str | None, expected: str) -> None:
    assert ledger_path(location, "out") == Path(expected)


def test_other_databases_are_refused_with_what_is_expected() -> None:
    with pytest.raises(InputError, match="expected sqlite:///PATH"):
        ledger_path("postgresql://recon@db/recon", "out")


def test_the_ledger_is_an_sqlite_file_in_wal_mode(tmp_path: Path) -> None:
    ledger = Ledger.open(None, tmp_path)
    assert ledger.path == tmp_path / LEDGER_NAME
    with sqlite3.connect(ledger.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"runs", "inputs", "findings", "annotations"} <= tables


def test_recording_a_run_twice_replaces_it(tmp_path: Path) -> None:
    ledger = Ledger.open(None, tmp_path)
    frame = findings(("a", "UNREGISTERED"), ("b", "INACTIVE"))
    reports = {"xlsx": "recon-2018-02.xlsx"}
    for _ in range(2):
        record_run(
            ledger,
            run_id="r1",
            period="2018-02",
            status="success",
            digests=DIGESTS,
            started="t0",
            findings=frame,
            reports=reports,
        )
    assert len(ledger.runs()) == 1
    assert json.loads(ledger.runs().loc[0, "reports"]) == {"xlsx": "recon-2018-02.xlsx"}
    assert sorted(ledger.period_findings("2018-02")["finding_id"]) == ["a", "b"]


def test_a_failed_write_leaves_no_partial_run(tmp_path: Path) -> None:
    ledger = Ledger.open(None, tmp_path)
    bad = findings(("a", "UNREGISTERED")).assign(payroll_row=[object()])  # sqlite cannot store it
    with pytest.raises(sqlite3.Error):
        record_run(
            ledger,
            run_id="r1",
            period="2018-02",
            status="success",
            digests=DIGESTS,
            started="t0",
            findings=bad,
        )
    assert ledger.runs().empty


def test_a_second_run_of_a_period_waits_for_the_first(tmp_path: Path) -> None:
    events: list[str] = []

    def second() -> None:
        with period_lock(tmp_path, "2018-02"):
            events.append("second")

    with period_lock(tmp_path, "2018-02"):
        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.5)
        with period_lock(tmp_path, "2018-03"):  # another period is not blocked
            events.append("other period")
        events.append("first done")
    thread.join(5)
    assert events == ["other period", "first done", "second"]
