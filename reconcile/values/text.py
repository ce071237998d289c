"""Free-text fields (name, unit, position, place): trimmed text without invisible characters, or <NA>."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import numpy as np
import pandas as pd

from reconcile.values.blank import is_blank
from reconcile.values.invisible import without_invisible
from reconcile.values.unique import map_unique, spread

_SPACES = re.compile(r"\s+")
#: Cells that mean "nothing here" in hand-made lists.
_PLACEHOLDERS = {"-", "--", "—", "–", "."}


def clean_text(value: Any) -> str | None:
    """Inner runs of white space become one space, invisible characters go; blank or a lone dash is None."""
    if value.__class__ is str:  # most cells: split() / join is the regex below, in one pass
        text = " ".join(without_invisible(value).split())
        return None if not text or text in _PLACEHOLDERS else text
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, dt.datetime):
        value = value.date().isoformat()
    text = _SPACES.sub(" ", without_invisible(str(value))).strip()
    if not text or text in _PLACEHOLDERS:
        return None
    return text


def parse_texts(values: pd.Series) -> pd.Series:
    """`clean_text` over a column: pandas "string" dtype, <NA> when empty, same index."""
    codes, results = map_unique(values, clean_text)
    out = spread(codes, results)
    out[pd.isna(out)] = None
    return pd.Series(pd.array(out, dtype="string"), index=values.index)


def blank_texts(index: pd.Index) -> pd.Series:
    """An all-<NA> text column, for a field the file did not have."""
    return pd.Series(pd.array(np.full(len(index), None, dtype=object), dtype="string"), index=index)
