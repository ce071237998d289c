"""The ledger file: stdlib sqlite3 in WAL mode, so readers never block the one writer of a run.

Every write is one transaction (`Ledger.transaction`). The findings of a period are those of its
latest successful run; earlier runs of the same period stay for the audit trail.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from reconcile.errors import InputError
from reconcile.ledger.digest import RunDigests
from reconcile.ledger.location import ledger_path
from reconcile.ledger.schema import DDL, FINDING_FIELDS, SCHEMA_VERSION

BUSY_TIMEOUT_S = 60.0  # a concurrent run's write transaction takes well under a second

_LATEST_SUCCESS = """
SELECT run_id FROM runs WHERE period = ? AND status = 'success'
ORDER BY finished DESC, rowid DESC LIMIT 1
"""


@dataclass(frozen=True)
class Ledger:
    """A handle on one ledger file; connections are opened per operation and closed after it."""

    path: Path

    @classmethod
    def open(cls, location: str | Path | None = None, out_dir: str | Path | None = None) -> Ledger:
        """Open (creating if needed) the ledger at `location`, default `<out_dir>/recon-ledger.sqlite`."""
        path = ledger_path(location, out_dir)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            ledger = cls(path)
            with ledger.connect() as conn:  # executescript commits by itself: one script, one transaction
                conn.executescript(
                    f"BEGIN IMMEDIATE;\n{DDL}\nINSERT OR IGNORE INTO meta (key, value)"
                    f" VALUES ('schema_version', '{SCHEMA_VERSION}');\nCOMMIT;"
                )
        except (OSError, sqlite3.Error) as e:
            raise InputError(
                f"cannot open the run ledger: {e}; expected a writable SQLite file", path=str(path)
            ) from None
        return ledger

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            yield conn
        finally:
            conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed at the end of the block, rolled back on any error."""
        with self.connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def query(self, sql: str, params: tuple[object, ...] = ()) -> pd.DataFrame:
        with self.connect() as conn:
            cursor = conn.execute(sql, params)
            columns = [d[0] for d in cursor.description]
            return pd.DataFrame(cursor.fetchall(), columns=columns)

    def last_success(self, period: str) -> RunDigests | None:
        """The digests of the period's latest successful run, None when it never succeeded."""
        with self.connect() as conn:
            row = conn.execute(
                "SELECT inputs_digest, rules_digest, policy_digest FROM runs WHERE run_id = ("
                + _LATEST_SUCCESS
                + ")",
                (period,),
            ).fetchone()
        return (
            None if row is None else RunDigests(inputs=row[0] or "", rules=row[1] or "", policy=row[2] or "")
        )

    def recorded_periods(self) -> list[str]:
        """Periods with at least one successful run, ascending."""
        frame = self.query("SELECT DISTINCT period FROM runs WHERE status = 'success' ORDER BY period")
        return frame["period"].tolist()

    def period_findings(self, period: str) -> pd.DataFrame:
        """The findings of the period's latest successful run (FINDING_FIELDS), empty when none."""
        columns = ", ".join(FINDING_FIELDS)
        return self.query(
            f"SELECT period, {columns} FROM findings WHERE run_id = ({_LATEST_SUCCESS}) ORDER BY rowid",
            (period,),
        )

    def period_ids(self, period: str) -> set[str]:
        frame = self.query(
            f"SELECT DISTINCT finding_id FROM findings WHERE run_id = ({_LATEST_SUCCESS})", (period,)
        )
        return set(frame["finding_id"])

    def runs(self, period: str | None = None) -> pd.DataFrame:
        """Runs, oldest first; of one period when given."""
        where, params = ("WHERE period = ?", (period,)) if period else ("", ())
        return self.query(f"SELECT * FROM runs {where} ORDER BY rowid", params)
