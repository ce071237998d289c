"""The rule tables of reconcile/data, loaded and checked once: the RuleBook.

A RuleBook is read from a directory of `rules_*.csv` files (by default the package's data folder,
or an analyst's copy given with `recon run --rules FOLDER`). A copy must hold every table: a folder
that is missing, or lacks some tables, is refused naming them all, never completed from the shipped
tables behind the analyst's back. Its `digest` changes whenever any table's bytes change, so a run
can tell whether the rules it used last time are still the rules. `check_covers` tells, before any input is
read, whether the tables hold every row a period and a policy need.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from reconcile.errors import InputError
from reconcile.rules.effective import rows_in_force, rule_used
from reconcile.rules.policy import Policy
from reconcile.rules.tables import SPECS, read_table

#: The folder holding the tables shipped with the package.
DEFAULT_DIRECTORY = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True, eq=False)  # eq=False: DataFrames neither compare to a bool nor hash
class RuleBook:
    """Every rule table as a DataFrame (columns as in reconcile.rules.tables.SPECS)."""

    directory: Path
    pu_rates: pd.DataFrame
    jp_wage_cap: pd.DataFrame
    bpu_tariff: pd.DataFrame
    relief: pd.DataFrame
    benefits: pd.DataFrame
    late_fee: pd.DataFrame
    digest: str  # sha256 over the table files, in table order

    @classmethod
    def load(cls, directory: Path | None = None) -> RuleBook:
        """Read and check every table; a missing or bad table is an InputError naming the file."""
        folder = Path(directory) if directory else DEFAULT_DIRECTORY
        check_folder(folder)
        frames: dict[str, pd.DataFrame] = {}
        digest = hashlib.sha256()
        for name, spec in SPECS.items():
            path = folder / spec.file_name
            frames[name] = read_table(path, spec)
            digest.update(spec.file_name.encode() + b"\0" + path.read_bytes() + b"\0")
        return cls(directory=folder, digest=digest.hexdigest(), **frames)

    @property
    def manifest_entry(self) -> dict[str, str]:
        """Which tables a run used, for its manifest: the folder and the digest the nightly compares."""
        return {"folder": str(self.directory.resolve()), "digest": self.digest}

    def check_covers(self, period: str, policy: Policy) -> None:
        """Raise now the InputError a run of `period` under `policy` would meet later, inside the
        reconciliation: a table without the rows in force that the period and the policy need.

        It asks the same questions as the run (premium, exposure, declared wage) for one worker
        without a wage, so it can never check less or more than the run needs.
        """
        # Imported here: these modules import RuleBook.
        from reconcile.rules.declared import expected_declared_wage
        from reconcile.rules.exposure import exposure
        from reconcile.rules.premium import premium_due

        no_wage = pd.Series([np.nan], dtype="float64")
        premium_due(policy, period, self, wage=no_wage)
        exposure(period, no_wage, self)
        expected_declared_wage(policy, no_wage, period=period, rules=self)

    def table(self, name: str) -> pd.DataFrame:
        """A table by its name in SPECS ("pu_rates", "bpu_tariff", ...)."""
        if name not in SPECS:
            raise KeyError(name)
        frame: pd.DataFrame = getattr(self, name)
        return frame

    def in_force(self, name: str, period: str) -> pd.DataFrame:
        """The rows of table `name` in force in `period`, one per key."""
        return rows_in_force(self.table(name), period, SPECS[name].keys)

    def row(self, name: str, period: str, **key: str) -> pd.Series:
        """The one row of table `name` in force in `period` for `key`, or an InputError."""
        live = self.in_force(name, period)
        for column, value in key.items():
            live = live[live[column] == value]
        if live.empty:
            wanted = " ".join(f"{k}={v}" for k, v in key.items() if v != "") or "any row"
            raise InputError(
                f"expected a row in force at {period} for {wanted}, found none",
                path=str(self.directory / SPECS[name].file_name),
            )
        return live.iloc[-1]

    def used(self, name: str, row: pd.Series, column: str, note: str | None = None) -> dict[str, Any]:
        """The manifest record of `column` taken from `row` of table `name`."""
        return rule_used(name, row, SPECS[name].keys, column, note)


def check_folder(folder: Path) -> None:
    """An InputError unless `folder` is a folder holding every rule table (all missing ones named)."""
    expected = ", ".join(spec.file_name for spec in SPECS.values())
    if not folder.is_dir():
        found = "a file" if folder.exists() else "nothing"
        raise InputError(
            f"rules folder: expected a folder holding {expected}, found {found}", path=str(folder)
        )
    missing = [spec.file_name for spec in SPECS.values() if not (folder / spec.file_name).is_file()]
    if missing:
        raise InputError(
            f"rules folder: expected every rule table ({expected}), missing {', '.join(missing)}; "
            f"copy the whole folder {DEFAULT_DIRECTORY} and edit the copy",
            path=str(folder),
        )
