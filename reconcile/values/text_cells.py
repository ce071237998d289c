"""The text cells of a mixed column, as one Arrow array: how column-at-a-time parsers find them.

A column of cells mixes str, float, int, bool, dates and None. Parsers that work a column at a
time take its text cells (exactly str) into Arrow and answer their question there, for all of them
at once; the other cells keep their scalar rule.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa


def cell_types(cells: np.ndarray) -> np.ndarray:
    """Each cell's exact type, as an object array (a bool is not an int here)."""
    return np.fromiter(map(type, cells), dtype=object, count=len(cells))


def where_types(types: np.ndarray, *wanted: type) -> np.ndarray:
    """Positions whose type is exactly one of `wanted`."""
    return np.flatnonzero(np.isin(types, np.array(wanted, dtype=object)))


def text_positions(cells: np.ndarray) -> np.ndarray:
    """Positions of the text cells (exactly str)."""
    return where_types(cell_types(cells), str)


def as_arrow(strings: np.ndarray) -> pa.Array | None:
    """Python strings as an Arrow array; None if Arrow refuses one (a lone surrogate)."""
    try:
        return pa.array(strings, type=pa.string())
    except (pa.ArrowException, UnicodeError):
        return None
