"""Free-text fields (name, unit, position, place): trimmed text without invisible characters, or <NA>."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from reconcile.values.blank import is_blank
from reconcile.values.invisible import without_invisible
from reconcile.values.text_cells import as_arrow, text_positions
from reconcile.values.unique import map_unique, spread

_SPACES = re.compile(r"\s+")
#: Cells that mean "nothing here" in hand-made lists.
_PLACEHOLDERS = {"-", "--", "—", "–", "."}
_ASCII_PLACEHOLDERS = pa.array(sorted(p for p in _PLACEHOLDERS if p.isascii()), type=pa.string())
#: What str.split() splits ASCII text on.
_ASCII_SPACES = r"[\t\n\x0b\x0c\r\x1c-\x1f ]+"


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
    """`clean_text` over a column: pandas "string" dtype, <NA> when empty, same index.

    ASCII text, most cells, is cleaned in Arrow all at once (ASCII has no invisible characters);
    the rest goes through `clean_text`, once per distinct value.
    """
    cells = np.asarray(values, dtype=object)
    out = np.full(len(cells), None, dtype=object)
    ascii_text = _ascii_text(cells)
    if len(ascii_text):
        out[ascii_text] = _clean_ascii(pa.array(cells[ascii_text], type=pa.string()))
    rest = np.ones(len(cells), dtype=bool)
    rest[ascii_text] = False
    if rest.any():
        codes, results = map_unique(pd.Series(cells[rest], dtype=object), clean_text)
        out[rest] = spread(codes, results)
    out[pd.isna(out)] = None
    return pd.Series(pd.array(out, dtype="string"), index=values.index)


def _ascii_text(cells: np.ndarray) -> np.ndarray:
    """Positions of the cells that are ASCII text (none if Arrow refuses a string: a lone surrogate)."""
    text = text_positions(cells)
    strings = as_arrow(cells[text])
    if strings is None:
        return np.array([], dtype=np.int64)
    return text[pc.string_is_ascii(strings).to_numpy(zero_copy_only=False)]


def _clean_ascii(strings: pa.Array) -> np.ndarray:
    """`clean_text` of ASCII strings: runs of white space (str.split's) become one space, ends trimmed."""
    spaced = pc.replace_substring_regex(strings, _ASCII_SPACES, " ")
    trimmed = pc.utf8_trim(spaced, characters=" ")
    empty = pc.or_(pc.equal(trimmed, ""), pc.is_in(trimmed, value_set=_ASCII_PLACEHOLDERS))
    return pc.if_else(empty, None, trimmed).to_numpy(zero_copy_only=False)


def blank_texts(index: pd.Index) -> pd.Series:
    """An all-<NA> text column, for a field the file did not have."""
    return pd.Series(pd.array(np.full(len(index), None, dtype=object), dtype="string"), index=index)
