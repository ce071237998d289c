"""Hide NIKs for a distribution copy (UU PDP 27/2022): only the last 4 digits stay visible.

The NIK columns are masked, and so is any long run of digits in free text (a detail message may quote
the NIK it compared). KPJ (11 digits), NPP (8) and amounts stay readable: only runs of 12 or more digits,
optionally split by spaces, dots or dashes, count as an identity number here.

`finding_id` is a plain hash of the NIK, so with the last 4 digits shown the rest could be found by
trial: every finding_id column is replaced by its masked id, a keyed hash under a secret that no
output holds (reconcile/ledger/mask_key.py). A run keeps that key in its ledger, so masked ids stay
the same month to month; without a ledger a fresh random key is used (ids then differ per copy).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import replace

import pandas as pd

from reconcile.ledger.mask_key import KEY_BYTES, masked_finding_ids
from reconcile.result import ReconResult

_LONG_NUMBER = re.compile(r"\d(?:[ .\-]?\d){11,}")
KEEP = 4
ID_COLUMNS = ("finding_id",)


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


def mask_frame(
    frame: pd.DataFrame, nik_columns: tuple[str, ...] = ("nik", "nik_raw"), *, key: bytes | None = None
) -> pd.DataFrame:
    """A copy of `frame` with NIK columns masked, long digit runs in every other text masked and
    finding ids replaced by their masked ids under `key` (a fresh random key when None)."""
    out = frame.copy()
    key = key or secrets.token_bytes(KEY_BYTES)
    for column in out.columns:
        if column in ID_COLUMNS:
            out[column] = masked_finding_ids(out[column], key)
            continue
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


def mask_result(result: ReconResult, key: bytes | None = None) -> ReconResult:
    """A copy of `result` for a distribution copy: every frame, history table, notice and left-out file
    reason masked, finding ids masked under `key` (the ledger's; a fresh random one when None).
    Figures, counts and row outcomes are unchanged."""
    key = key or secrets.token_bytes(KEY_BYTES)
    return replace(
        result,
        findings=mask_frame(result.findings, key=key),
        matches=mask_frame(result.matches, key=key),
        warnings=mask_frame(result.warnings, key=key),
        history={name: mask_frame(frame, key=key) for name, frame in result.history.items()},
        excluded_inputs=tuple(
            {
                key: mask_numbers_in_text(value) if isinstance(value, str) else value
                for key, value in entry.items()
            }
            for entry in result.excluded_inputs
        ),
        notices=tuple(mask_numbers_in_text(n) for n in result.notices),
    )
