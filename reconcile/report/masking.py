"""Hide NIKs for a distribution copy (UU PDP 27/2022): only the last 4 digits stay visible.

The NIK columns are masked, and so is any long run of digits in free text (a detail message may quote
the NIK it compared). KPJ (11 digits), NPP (8) and amounts stay readable: only runs of 12 or more digits,
optionally split by spaces, dots or dashes, count as an identity number here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import pandas as pd

from reconcile.result import ReconResult

_LONG_NUMBER = re.compile(r"\d(?:[ .\-]?\d){11,}")
KEEP = 4


def mask_nik(value: str) -> str:
    """Every digit but the last four becomes '*': '1801010101900001' -> '************0001'."""
    if value.isascii() and value.isdigit():  # the usual NIK: digits only
        return "*" * (len(value) - KEEP) + value[-KEEP:] if len(value) > KEEP else value
    digits = [i for i, ch in enumerate(value) if ch.isdigit()]
    hide = set(digits[:-KEEP]) if len(digits) > KEEP else set()
    return "".join("*" if i in hide else ch for i, ch in enumerate(value))


def mask_numbers_in_text(text: str) -> str:
    """Mask every identity-length run of digits inside a free text."""
    return _LONG_NUMBER.sub(lambda m: mask_nik(m.group(0)), text)


def mask_frame(frame: pd.DataFrame, nik_columns: tuple[str, ...] = ("nik", "nik_raw")) -> pd.DataFrame:
    """A copy of `frame` with NIK columns masked and long digit runs in every other text masked."""
    out = frame.copy()
    for column in out.columns:
        is_nik = column in nik_columns
        if _has_text(out[column], is_nik):
            out[column] = _mask_column(out[column], _mask_nik_cell if is_nik else _mask_text_cell)
    return out


def _mask_column(series: pd.Series, mask: Callable[[object], object]) -> pd.Series:
    """`mask` of every value; a text that repeats (a file path, a unit, a message) is masked once."""
    done: dict[str, object] = {}

    def once(value: object) -> object:
        if type(value) is not str:
            return mask(value)
        if value not in done:
            done[value] = mask(value)
        return done[value]

    return series.map(once).astype(object)


def _has_text(series: pd.Series, is_nik: bool) -> bool:
    return is_nik or pd.api.types.is_string_dtype(series) or series.dtype == object


def _mask_nik_cell(value: object) -> object:
    if isinstance(value, str):
        return mask_nik(value)
    if isinstance(value, int | float) and not isinstance(value, bool) and value == value:
        # A NIK read as a number (Excel ate its precision) is still a NIK.
        return mask_nik(str(int(value)))
    return value


def _mask_text_cell(value: object) -> object:
    return mask_numbers_in_text(value) if isinstance(value, str) else value


def mask_result(result: ReconResult) -> ReconResult:
    """A copy of `result` for a distribution copy: every frame, history table, notice and left-out file
    reason masked. Figures, counts and row outcomes are unchanged."""
    return replace(
        result,
        findings=mask_frame(result.findings),
        matches=mask_frame(result.matches),
        warnings=mask_frame(result.warnings),
        history={name: mask_frame(frame) for name, frame in result.history.items()},
        excluded_inputs=tuple(
            {
                key: mask_numbers_in_text(value) if isinstance(value, str) else value
                for key, value in entry.items()
            }
            for entry in result.excluded_inputs
        ),
        notices=tuple(mask_numbers_in_text(n) for n in result.notices),
    )
