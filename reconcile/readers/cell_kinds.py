"""What the reader asks of every cell under a header, answered a column at a time.

Is a cell blank, how many digits does an identity cell hold, is it a row number, could it start a
column-number row: these questions are asked of every data cell, so at a million rows a Python call
per cell is seconds. A worksheet column mixes str, float, int, bool, dates and None, so each question
is answered per type: text in Arrow, numbers in numpy. The rare rest (non-ASCII text where Unicode
digits matter, integers past int64, other types) goes through the scalar rule in `structure`,
which stays the definition; a hypothesis test holds both to the same answers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pyarrow.compute as pc

from reconcile.values.text_cells import as_arrow, cell_types, where_types

#: What Python's str.strip() removes from ASCII text (str.isspace over ASCII).
_ASCII_SPACE = r"[\t\n\x0b\x0c\r\x1c-\x1f ]"
#: `value.strip().rstrip(".").isdigit()` for ASCII text: a row number such as "12" or "12.".
_ROW_NUMBER_TEXT = rf"^{_ASCII_SPACE}*[0-9]+\.*{_ASCII_SPACE}*$"
#: `value.lstrip()[:1] in "(0123456789"` for ASCII text.
_COLUMN_NUMBER_START_TEXT = rf"^{_ASCII_SPACE}*[(0-9]"
#: 1, 10, ..., 10**18: the number of digits of a non-negative int64 is its insertion point here.
_POWERS_OF_TEN = 10 ** np.arange(19, dtype=np.int64)
_VECTORISED = (str, int, float, bool, type(None))


def cell_array(column: Sequence[Any], start: int = 0) -> np.ndarray:
    """`column[start:]` as an object array; empty and whitespace-only text become None."""
    values = np.empty(len(column) - start, dtype=object)
    values[:] = column[start:]
    text = where_types(cell_types(values), str)
    if len(text):
        strings = as_arrow(values[text])
        if strings is None:
            blank = np.array([not v.strip() for v in values[text]], dtype=bool)
        else:
            empty = pc.equal(pc.binary_length(strings), 0)
            blank = pc.or_(empty, pc.utf8_is_space(strings)).to_numpy(zero_copy_only=False)
        values[text[blank]] = None
    return values


def digit_counts(values: np.ndarray, scalar: Callable[[Any], int]) -> np.ndarray:
    """How many digits each identity cell holds (0 unless it holds only digits); `scalar` is the rule.

    Text counts once spaces, apostrophes, dots and hyphens are removed ("1871 0112 ..."); only ASCII
    digits count. A positive whole number counts its digits; anything else is 0.
    """
    counts = np.zeros(len(values), dtype=np.int64)
    kinds = cell_types(values)
    text = where_types(kinds, str)
    if len(text):
        strings = as_arrow(values[text])
        if strings is None:
            counts[text] = [scalar(v) for v in values[text]]
        else:
            bare = pc.replace_substring_regex(strings, r"[ '.\-]", "")
            only_digits = pc.match_substring_regex(bare, "^[0-9]+$")  # ASCII by construction
            length = pc.binary_length(bare).to_numpy(zero_copy_only=False)
            counts[text] = np.where(only_digits.to_numpy(zero_copy_only=False), length, 0)
    whole = where_types(kinds, int)
    if len(whole):
        counts[whole] = _int_digits(values[whole], scalar)
    real = where_types(kinds, float)
    if len(real):
        counts[real] = _float_digits(values[real], scalar)
    other = _others(kinds)
    counts[other] = [scalar(v) for v in values[other]]
    return counts


def row_number_flags(values: np.ndarray, scalar: Callable[[Any], bool]) -> np.ndarray:
    """Whether each cell is a row number (1 to 9,999,999; text "12" or "12." too); `scalar` is the rule."""
    flags = np.zeros(len(values), dtype=bool)
    kinds = cell_types(values)
    _text_flags(values, kinds, flags, _ROW_NUMBER_TEXT, scalar)
    for number in (int, float):
        at = where_types(kinds, number)
        if len(at):
            try:
                x = values[at].astype(np.float64)
            except OverflowError:
                flags[at] = [scalar(v) for v in values[at]]
                continue
            flags[at] = (x == np.floor(x)) & (x > 0) & (x < 10_000_000)
    other = _others(kinds)
    flags[other] = [scalar(v) for v in values[other]]
    return flags


def column_number_start_flags(values: np.ndarray, scalar: Callable[[Any], bool]) -> np.ndarray:
    """Whether each cell could open a column-number row: a number, or text starting with a digit or "("."""
    kinds = cell_types(values)
    flags = np.zeros(len(values), dtype=bool)
    flags[where_types(kinds, int, float, bool)] = True
    _text_flags(values, kinds, flags, _COLUMN_NUMBER_START_TEXT, scalar)
    other = _others(kinds)
    flags[other] = [scalar(v) for v in values[other]]
    return flags


def _text_flags(
    values: np.ndarray, kinds: np.ndarray, flags: np.ndarray, pattern: str, scalar: Callable[[Any], bool]
) -> None:
    """Set `flags` of the text cells: `pattern` on ASCII text, `scalar` on the rest."""
    text = where_types(kinds, str)
    if not len(text):
        return
    strings = as_arrow(values[text])
    if strings is None:
        flags[text] = [scalar(v) for v in values[text]]
        return
    ascii_ = pc.string_is_ascii(strings).to_numpy(zero_copy_only=False)
    matched = pc.match_substring_regex(strings, pattern).to_numpy(zero_copy_only=False)
    flags[text[ascii_]] = matched[ascii_]
    flags[text[~ascii_]] = [scalar(v) for v in values[text[~ascii_]]]


def _others(kinds: np.ndarray) -> np.ndarray:
    """Where the cells are of a type with no vectorised answer (dates, subclasses): the scalar rule's."""
    return np.flatnonzero(~np.isin(kinds, np.array(_VECTORISED, dtype=object)))


def _int_digits(ints: np.ndarray, scalar: Callable[[Any], int]) -> np.ndarray:
    try:
        x = ints.astype(np.int64)
    except OverflowError:
        return np.array([scalar(v) for v in ints], dtype=np.int64)
    if (x == np.iinfo(np.int64).min).any():
        return np.array([scalar(v) for v in ints], dtype=np.int64)
    return _decimal_digits(np.abs(x))


def _float_digits(floats: np.ndarray, scalar: Callable[[Any], int]) -> np.ndarray:
    x = floats.astype(np.float64)
    counts = np.zeros(len(x), dtype=np.int64)
    with np.errstate(invalid="ignore"):
        whole = np.isfinite(x) & (x > 0) & (x == np.floor(x))
    fits = whole & (x < 2.0**63)
    counts[fits] = _decimal_digits(x[fits].astype(np.int64))
    huge = np.flatnonzero(whole & ~fits)
    counts[huge] = [scalar(v) for v in floats[huge]]
    return counts


def _decimal_digits(x: np.ndarray) -> np.ndarray:
    """len(str(v)) of non-negative int64 values."""
    return np.maximum(np.searchsorted(_POWERS_OF_TEN, x, side="right"), 1).astype(np.int64)
