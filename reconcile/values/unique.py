"""Apply a scalar parser to the distinct values of a column only, then spread the results back.

Birth dates, amounts and statuses repeat a lot; parsing each distinct cell once keeps 1M rows fast.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd


def map_unique(values: pd.Series, parse: Callable[[Any], Any]) -> tuple[np.ndarray, list[Any]]:
    """Parse each distinct cell of `values` once.

    Returns `(codes, results)`: `results[codes[i]]` is `parse(values.iloc[i])`. Blank cells (None,
    NaN, <NA>) get code -1, which indexes the last result: `parse(None)`. Note that equal values of
    different types (1 and 1.0) are one distinct value, which every parser here treats alike.
    """
    codes, uniques = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=True)
    results = [parse(u) for u in uniques]
    results.append(parse(None))
    return codes, results


def spread(codes: np.ndarray, results: list[Any], *, dtype: Any = object) -> np.ndarray:
    """The per-row array of one result field, given `map_unique` output."""
    table = np.empty(len(results), dtype=dtype)
    for i, r in enumerate(results):
        table[i] = r
    return table[codes]
