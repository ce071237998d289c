"""Apply a scalar parser to the distinct values of a column only, then spread the results back.

Birth dates, amounts and statuses repeat a lot; parsing each distinct cell once keeps 1M rows fast.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from reconcile.values.text_cells import cell_types, where_types


def map_unique(values: pd.Series, parse: Callable[[Any], Any]) -> tuple[np.ndarray, list[Any]]:
    """Parse each distinct cell of `values` once.

    Returns `(codes, results)`: `results[codes[i]]` is `parse(values.iloc[i])`. Blank cells (None,
    NaN, <NA>) get code -1, which indexes the last result: `parse(None)`. Note that equal numbers of
    different types (1 and 1.0) are one distinct value, which every parser here treats alike; a
    boolean is kept apart from 0 and 1.
    """
    cells = np.asarray(values, dtype=object)
    codes, uniques = pd.factorize(cells, use_na_sentinel=True)
    if any(u.__class__ is not str and u in (0, 1) for u in uniques):
        # True == 1 and False == 0 to a hash table, but TRUE in a NIK column is no number 1.
        return _bools_apart(cells, parse)
    results = [parse(u) for u in uniques]
    results.append(parse(None))
    return codes, results


def _bools_apart(cells: np.ndarray, parse: Callable[[Any], Any]) -> tuple[np.ndarray, list[Any]]:
    """`map_unique` for a column that may hold both booleans and the numbers 0 / 1."""
    is_bool = np.zeros(len(cells), dtype=bool)
    is_bool[where_types(cell_types(cells), bool)] = True
    others = cells.copy()
    others[is_bool] = None
    codes, uniques = pd.factorize(others, use_na_sentinel=True)
    results = [parse(u) for u in uniques]
    for flag in (False, True):
        at = is_bool & np.fromiter((v is flag for v in cells), dtype=bool, count=len(cells))
        if at.any():
            codes[at] = len(results)
            results.append(parse(flag))
    results.append(parse(None))
    return codes, results


def spread(codes: np.ndarray, results: list[Any], *, dtype: Any = object) -> np.ndarray:
    """The per-row array of one result field, given `map_unique` output."""
    table = np.empty(len(results), dtype=dtype)
    for i, r in enumerate(results):
        table[i] = r
    return table[codes]
