"""Read an identifier cell (NIK, KPJ) as digit text, whatever Excel or a CSV did to it.

Text keeps every digit: spaces, dots, dashes, invisible format characters (zero-width space, BOM,
see reconcile.values.invisible) and Excel's leading apostrophe are dropped. A number
cell is turned into digits through int(), never through str(float) (which would give 1.8e+15).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from reconcile.values.blank import is_blank
from reconcile.values.invisible import without_invisible
from reconcile.values.text_cells import as_arrow, text_positions
from reconcile.values.unique import map_unique, spread

Problem = Literal["not_digits", "scientific", "fraction"]

#: What may stand between the digits of an identifier (spaces, dots, dashes); shared with nik.
SEPARATORS = re.compile(r"[\s.\-\u2010-\u2015]")
_DIGITS = re.compile(r"[0-9]+")
#: "1.87101E+15": Excel showed a long number in scientific notation and the digits are gone.
_SCIENTIFIC = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?[eE][+-]?[0-9]+")
#: "1871010101850001.0": a number written out by a tool that read it as a float.
_FLOAT_TEXT = re.compile(r"([0-9]{9,})\.0+")


@dataclass(frozen=True)
class IdentifierCell:
    """One identifier cell, read.

    `digits` is None when the cell is blank or unusable; `raw` is the cell as text (None when blank);
    `numeric` is True when the value went through a number (Excel keeps only 15 significant digits);
    `problem` says why `digits` is None although `raw` is not.
    """

    digits: str | None
    raw: str | None
    numeric: bool
    problem: Problem | None


BLANK = IdentifierCell(None, None, False, None)


def read_identifier(value: Any) -> IdentifierCell:
    """Digit text of one identifier cell."""
    if is_blank(value):
        return BLANK
    if isinstance(value, bool):
        return IdentifierCell(None, str(value), False, "not_digits")
    if isinstance(value, (int, np.integer)):
        return _from_int(int(value))
    if isinstance(value, (float, np.floating)):
        if float(value).is_integer():
            return _from_int(int(value))
        return IdentifierCell(None, str(value), True, "fraction")
    text = without_invisible(str(value)).strip()
    if text.startswith("'"):  # Excel's "store as text" prefix, kept by some exports
        text = text[1:].strip()
    if not text:
        return BLANK
    if _SCIENTIFIC.fullmatch(text):
        return IdentifierCell(None, text, False, "scientific")
    floated = _FLOAT_TEXT.fullmatch(text)
    if floated:
        return IdentifierCell(floated.group(1), text, True, None)
    cleaned = SEPARATORS.sub("", text)
    if not cleaned:  # "-" or "." as a placeholder for "none"
        return BLANK
    if _DIGITS.fullmatch(cleaned):
        return IdentifierCell(cleaned, text, False, None)
    return IdentifierCell(None, text, False, "not_digits")


def _from_int(number: int) -> IdentifierCell:
    text = str(number)
    if number < 0:
        return IdentifierCell(None, text, True, "not_digits")
    return IdentifierCell(text, text, True, None)


def plain_digit_text(cells: np.ndarray) -> np.ndarray:
    """Where a cell is text of ASCII digits only (regex [0-9]+), decided in Arrow for all text at once."""
    text = text_positions(cells)
    plain = np.zeros(len(cells), dtype=bool)
    strings = as_arrow(cells[text])
    if strings is None:  # a lone surrogate: decide each text cell in Python
        plain[text] = [v.isdigit() and v.isascii() for v in cells[text]]
    elif len(text):
        plain[text] = pc.match_substring_regex(strings, "^[0-9]+$").to_numpy(zero_copy_only=False)
    return plain


def read_identifiers(values: pd.Series) -> pd.DataFrame:
    """`read_identifier` over a column: `digits`, `raw` (string), `numeric` (bool), `problem` (string).

    Cells that are already plain digit text (most of a clean file) skip the per-value parser.
    """
    cells = pd.Series(np.asarray(values, dtype=object), index=values.index)
    # Only text cells can take the fast path; numbers (numeric NIK cells) need read_identifier.
    plain = plain_digit_text(cells.to_numpy())
    digits = np.full(len(cells), None, dtype=object)
    digits[plain] = cells.to_numpy()[plain]
    raw = digits.copy()
    numeric = np.zeros(len(cells), dtype=bool)
    problem = np.full(len(cells), None, dtype=object)
    rest = ~plain
    if rest.any():
        codes, read = map_unique(cells[rest], read_identifier)
        digits[rest] = spread(codes, [c.digits for c in read])
        raw[rest] = spread(codes, [c.raw for c in read])
        numeric[rest] = spread(codes, [c.numeric for c in read], dtype=bool)
        problem[rest] = spread(codes, [c.problem for c in read])
    return pd.DataFrame(
        {
            "digits": pd.array(digits, dtype="string"),
            "raw": pd.array(raw, dtype="string"),
            "numeric": numeric,
            "problem": pd.array(problem, dtype="string"),
        },
        index=values.index,
    )
