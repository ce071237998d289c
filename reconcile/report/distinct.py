"""Convert a column once per distinct value instead of once per cell.

Report columns repeat a lot (file paths, sheet names, units, methods, amounts), so converting each
distinct value once and spreading the results back over the rows (pandas factorize) is much cheaper
than a Python call per cell. The result is the same as converting every cell: a column is only
factorized when equal values cannot have different types (e.g. 1 and True, which hash alike);
otherwise every cell counts as distinct.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
import pandas as pd
from pandas.api.types import infer_dtype

T = TypeVar("T")


@dataclass(frozen=True)
class Distinct:
    """A column as its distinct values and, per row, the index of its value (-1: missing)."""

    values: list[Any]
    codes: np.ndarray

    def spread(self, converted: list[T], missing: T) -> list[T]:
        """Per row: `converted[i]` for the row's value `values[i]`, or `missing`."""
        table = np.fromiter([*converted, missing], dtype=object, count=len(converted) + 1)
        return table[self.codes].tolist()  # code -1 takes the last: missing

    def convert(self, fn: Callable[[Any], T]) -> list[T]:
        """[fn(v) for v in the column], with fn called once per distinct value and once for missing
        (so `fn` must treat None, NaN, NA and NaT alike, as values.is_missing does)."""
        return self.spread([fn(v) for v in self.values], fn(None))


def _factorizable(series: pd.Series) -> bool:
    # An object column mixing types could merge 1, 1.0 and True; typed columns and pure text cannot.
    return series.dtype != object or infer_dtype(series, skipna=True) in ("string", "empty")


def distinct(series: pd.Series) -> Distinct:
    """The distinct values of `series`; None, NaN, NA and NaT are all 'missing' (code -1)."""
    if not _factorizable(series):
        return Distinct(series.tolist(), np.arange(len(series)))
    codes, uniques = pd.factorize(series)
    return Distinct(uniques.tolist(), codes)
