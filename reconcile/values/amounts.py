"""Rupiah amounts as people type them: "Rp 2.000.000", "2.000.000,00", "(16.800)", "-".

Indonesian lists use '.' for thousands and ',' for decimals; exports from English tools do the
opposite. When both appear, the later one is the decimal separator. A lone separator followed by
exactly three digits is a thousands separator ("16.800", "1,000"); otherwise it is decimal.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import numpy as np
import pandas as pd

from reconcile.values.blank import is_blank
from reconcile.values.invisible import without_invisible
from reconcile.values.unique import map_unique, spread
from reconcile.values.unreadable import UnreadableValue

AMOUNT_PARSE_COLUMNS = ["value", "unreadable"]

_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_CURRENCY = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_TRAILING_DASH = re.compile(rf"[.,]?[{_DASHES}]+$")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_SCIENTIFIC = re.compile(r"[0-9]+(?:\.[0-9]+)?[eE][+-]?[0-9]+")
_NUMBER = re.compile(r"[0-9][0-9.,]*")


def parse_amount(value: Any) -> float:
    """One amount cell in Rupiah; NaN when blank. Raises UnreadableValue for anything else."""
    if is_blank(value):
        return math.nan
    if isinstance(value, (bool, dt.date)):
        raise UnreadableValue(f"expected an amount, found {type(value).__name__}")
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        if math.isinf(number):
            raise UnreadableValue("infinite amount")
        return number
    return _parse_text(str(value))


def _parse_text(text: str) -> float:
    text = _SPACES.sub(" ", without_invisible(text)).strip()
    negative = False
    if text.startswith("(") and text.endswith(")"):  # accounting notation
        negative, text = True, text[1:-1].strip()
    text = _CURRENCY.sub("", text)
    if text and text[0] in _DASHES and len(text.strip(_DASHES + " ")) > 0:
        negative, text = not negative, text[1:].strip()
        text = _CURRENCY.sub("", text)
    if text and text.strip(_DASHES + " ") == "":  # "-", "Rp -", "(-)"
        return math.nan
    text = _TRAILING_DASH.sub("", _SPACES.sub("", text))  # "2.000.000,-"
    if not text:
        return math.nan
    if _SCIENTIFIC.fullmatch(text):
        number = float(text)
    elif _NUMBER.fullmatch(text):
        number = _read_separated(text)
    else:
        raise UnreadableValue("expected a number")
    return -number if negative else number


def _read_separated(text: str) -> float:
    """Digits with '.' and ',' separators, as described in the module docstring."""
    last_dot, last_comma = text.rfind("."), text.rfind(",")
    if last_dot >= 0 and last_comma >= 0:
        decimal = "." if last_dot > last_comma else ","
        whole, fraction = text.rsplit(decimal, 1)
        thousands = "," if decimal == "." else "."
        return _join(_read_grouped(whole, thousands), fraction)
    separator = "." if last_dot >= 0 else "," if last_comma >= 0 else ""
    if not separator:
        return float(text)
    parts = text.split(separator)
    if len(parts) > 2:
        return float(_read_grouped(text, separator))
    whole, fraction = parts
    if len(fraction) == 3 and _is_group_head(whole) and not whole.startswith("0"):
        return float(whole + fraction)
    return _join(whole, fraction)


def _is_group_head(digits: str) -> bool:
    return 1 <= len(digits) <= 3 and (digits == "0" or not digits.startswith("0"))


def _read_grouped(text: str, separator: str) -> str:
    """ "2.000.000" -> "2000000"; a malformed grouping ("2.00.000") is unreadable."""
    if separator not in text:
        if not text.isdigit():
            raise UnreadableValue("expected a number")
        return text
    head, *groups = text.split(separator)
    if not _is_group_head(head) or any(len(g) != 3 or not g.isdigit() for g in groups):
        raise UnreadableValue("thousands separators in the wrong places")
    return head + "".join(groups)


def _join(whole: str, fraction: str) -> float:
    if not whole.isdigit() or not fraction.isdigit():
        raise UnreadableValue("expected a number")
    return float(f"{whole}.{fraction}")


def _parse_or_flag(value: Any) -> tuple[float, bool]:
    try:
        return parse_amount(value), False
    except UnreadableValue:
        return math.nan, True


def parse_amounts(values: pd.Series) -> pd.DataFrame:
    """`parse_amount` over a column: `value` (float64, NaN when blank or unreadable), `unreadable`."""
    codes, results = map_unique(values, _parse_or_flag)
    return pd.DataFrame(
        {
            "value": spread(codes, [v for v, _ in results], dtype=np.float64),
            "unreadable": spread(codes, [u for _, u in results], dtype=bool),
        },
        index=values.index,
    )
