"""One side's identity keys as flat arrays, positionally aligned with its input frame.

Matching works on positions (0..n-1) for speed and turns them back into the caller's index
labels only at the end. A NIK that is 16 digits (valid or not) also gets an integer form, so the
near-NIK tiers can compare digits arithmetically instead of as strings.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from reconcile.identity.names import name_keys

NIK_DIGITS = 16


@dataclass(frozen=True)
class SideKeys:
    labels: np.ndarray  # the frame's index labels
    nik: np.ndarray  # object: digit text or None
    nik_valid: np.ndarray  # bool
    nik16: np.ndarray  # bool: nik is exactly 16 digits
    nik_int: np.ndarray  # int64: the 16-digit NIK as a number, -1 when not nik16
    nik_numeric: np.ndarray  # bool: the cell was a number (Excel may have zeroed the 16th digit)
    kpj: np.ndarray  # object: digit text or None
    kpj_valid: np.ndarray  # bool
    name: np.ndarray  # object: the raw name, for messages
    key: np.ndarray  # object: normalize_name key, "" when no name
    birth: np.ndarray  # datetime64[ns], NaT when unknown

    def __len__(self) -> int:
        return len(self.labels)


def _text(frame: pd.DataFrame, column: str) -> np.ndarray:
    if column not in frame:
        return np.full(len(frame), None, dtype=object)
    values = frame[column].astype("object")
    text = values.astype(str).to_numpy(dtype=object)
    text[values.isna().to_numpy()] = None
    return text


def _flag(frame: pd.DataFrame, column: str) -> np.ndarray:
    if column not in frame:
        return np.zeros(len(frame), dtype=bool)
    return frame[column].astype("boolean").fillna(False).to_numpy(dtype=bool)


def prepare_side(frame: pd.DataFrame) -> SideKeys:
    """Arrays for matching from a normalised payroll or BPJS frame (rejected rows already removed)."""
    nik = _text(frame, "nik")
    nik_ser = pd.Series(nik, dtype="object")
    nik16 = nik_ser.str.fullmatch(r"\d{16}").fillna(False).to_numpy(dtype=bool)
    nik_int = np.full(len(frame), -1, dtype=np.int64)
    if nik16.any():
        nik_int[nik16] = np.array(nik[nik16], dtype=np.int64)
    kpj = _text(frame, "kpj")
    name = _text(frame, "name")
    if "birth_date" in frame:
        birth = pd.to_datetime(frame["birth_date"], errors="coerce").to_numpy(dtype="datetime64[ns]")
    else:
        birth = np.full(len(frame), np.datetime64("NaT"), dtype="datetime64[ns]")
    return SideKeys(
        labels=frame.index.to_numpy(),
        nik=nik,
        nik_valid=_flag(frame, "nik_valid") & pd.notna(nik_ser).to_numpy(),
        nik16=nik16,
        nik_int=nik_int,
        nik_numeric=_flag(frame, "nik_numeric"),
        kpj=kpj,
        kpj_valid=_flag(frame, "kpj_valid") & pd.notna(pd.Series(kpj, dtype="object")).to_numpy(),
        name=name,
        key=name_keys(pd.Series(name, dtype="object")).to_numpy(dtype=object),
        birth=birth,
    )
