"""BPU declared-income brackets: an income maps to the highest bracket at or below it.

An income below the lowest bracket maps to the lowest one (the minimum package); a missing income
maps to nothing. The lookup is one `searchsorted` over the whole Series.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from reconcile.errors import InputError
from reconcile.rules.rulebook import RuleBook
from reconcile.rules.tables import SPECS


@dataclass(frozen=True, eq=False)
class Brackets:
    """The tariff rows in force (ascending by bracket) and, per income, the row it falls in."""

    table: pd.DataFrame
    position: np.ndarray  # row of `table` for each income; -1 where the income is missing
    index: pd.Index  # the incomes' index

    def column(self, name: str) -> pd.Series:
        """A tariff column per income (NaN where the income is missing)."""
        values = self.table[name].to_numpy(dtype="float64")[self.position]
        return pd.Series(np.where(self.position >= 0, values, np.nan), index=self.index, dtype="float64")

    def rules_used(self, rules: RuleBook, columns: tuple[str, ...]) -> list[dict[str, Any]]:
        """One record per tariff row actually used, per column taken from it."""
        used = np.unique(self.position[self.position >= 0])
        return [rules.used("bpu_tariff", self.table.iloc[int(i)], c) for i in used for c in columns]


def find_brackets(rules: RuleBook, period: str, income: pd.Series) -> Brackets:
    """Place every income in the bracket table in force at `period`."""
    table = rules.in_force("bpu_tariff", period).sort_values("bracket").reset_index(drop=True)
    if table.empty:
        raise InputError(
            f"expected BPU tariff brackets in force at {period}, found none",
            path=str(rules.directory / SPECS["bpu_tariff"].file_name),
        )
    values = pd.to_numeric(income, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    position = np.searchsorted(table["bracket"].to_numpy(dtype="float64"), values, side="right") - 1
    position = np.maximum(position, 0)
    position[np.isnan(values)] = -1
    return Brackets(table=table, position=position, index=income.index)
