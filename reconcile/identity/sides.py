"""Both sides' identity keys as flat arrays, positionally aligned with their input frames.

Matching works on positions (0..n-1) for speed and turns them back into the caller's index
labels only at the end. NIK and KPJ become integer codes shared by the two sides (equal text,
equal code), so joins and comparisons work on numbers. A NIK that is 16 digits (valid or not)
also gets an integer form, so the near-NIK tiers can compare digits arithmetically instead of as
strings. Names are normalised once for both sides together. Birth dates, and the birth date a
16-digit NIK carries, also become DDMMYY codes (reconcile.identity.nik_birth), so a row with no
birth date column can be checked through its NIK.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from reconcile.identity.names import name_keys
from reconcile.identity.nik_birth import birth_code, nik_birth_code
from reconcile.values.nik import masked_nik_patterns

NIK_DIGITS = 16


@dataclass(frozen=True)
class SideKeys:
    labels: np.ndarray  # the frame's index labels
    nik: np.ndarray  # int64: code of the digit text, shared with the other side; -1 when missing
    nik_valid: np.ndarray  # bool
    nik16: np.ndarray  # bool: nik is exactly 16 digits
    nik_int: np.ndarray  # int64: the 16-digit NIK as a number, -1 when not nik16
    nik_numeric: np.ndarray  # bool: the cell was a number (Excel may have zeroed the 16th digit)
    kpj: np.ndarray  # int64: code like nik, of a valid KPJ only (-1 otherwise)
    kpj_valid: np.ndarray  # bool
    name: pd.Series  # the raw names as text, positional: read them with names_at
    key: np.ndarray  # object: normalize_name key, "" when no name
    birth: np.ndarray  # datetime64[ns], NaT when unknown
    birth_code: np.ndarray  # int64: birth as a DDMMYY code (nik_birth), -1 when unknown
    nik_birth_code: np.ndarray  # int64: the DDMMYY code the 16-digit NIK carries, -1 when not nik16
    #: object: what a NIK masked by its source still shows ("1871??????????31"), None otherwise
    nik_pattern: np.ndarray

    def __len__(self) -> int:
        return len(self.labels)

    def names_at(self, positions: np.ndarray) -> list[object]:
        """The raw names at `positions`, for messages: str, None when missing."""
        return self.name.iloc[positions].to_numpy(dtype=object, na_value=None).tolist()


def _text(frame: pd.DataFrame, column: str) -> pd.Series:
    """The column as text, positional: a string column as it is, anything else as str (None when missing)."""
    if column not in frame:
        return pd.Series([None] * len(frame), dtype=object)
    values = frame[column]
    if isinstance(values.dtype, pd.StringDtype):
        return values.reset_index(drop=True)
    text = values.astype("object").astype(str).to_numpy(dtype=object)
    text[values.isna().to_numpy()] = None
    return pd.Series(text, dtype=object)


def _codes(payroll: pd.Series, bpjs: pd.Series) -> tuple[np.ndarray, np.ndarray, pd.Index]:
    """Codes of both sides' texts (equal text, equal code; -1 when missing) and the distinct texts."""
    codes, distinct = pd.factorize(pd.concat([payroll, bpjs], ignore_index=True))
    return codes[: len(payroll)], codes[len(payroll) :], distinct


def _sixteen_digits(niks: pd.Index) -> tuple[np.ndarray, np.ndarray]:
    """Per distinct NIK text: exactly 16 decimal digits (the regex \\d{16}), and its number (else -1)."""
    is16 = np.zeros(len(niks), dtype=bool)
    number = np.full(len(niks), -1, dtype=np.int64)
    others = np.arange(len(niks))
    if isinstance(niks.dtype, pd.StringDtype) and niks.dtype.storage == "pyarrow":
        text = pa.array(niks.array)
        text = text.combine_chunks() if isinstance(text, pa.ChunkedArray) else text
        is16 = pc.and_(pc.equal(pc.utf8_length(text), NIK_DIGITS), pc.ascii_is_decimal(text))
        number[is16.to_numpy(zero_copy_only=False)] = pc.cast(text.filter(is16), pa.int64()).to_numpy()
        is16 = is16.to_numpy(zero_copy_only=False)
        others = np.flatnonzero(~pc.string_is_ascii(text).to_numpy(zero_copy_only=False))
    # \d is any script's decimal digit: text that is not plain ASCII is checked one by one.
    texts = niks[others].to_numpy(dtype=object)
    odd = np.array([len(t) == NIK_DIGITS and t.isdecimal() for t in texts], dtype=bool)
    if odd.any():
        is16[others[odd]] = True
        number[others[odd]] = np.array(texts[odd], dtype=np.int64)
    return is16, number


def _flag(frame: pd.DataFrame, column: str) -> np.ndarray:
    if column not in frame:
        return np.zeros(len(frame), dtype=bool)
    return frame[column].astype("boolean").fillna(False).to_numpy(dtype=bool)


def _birth(frame: pd.DataFrame) -> np.ndarray:
    if "birth_date" in frame:
        return pd.to_datetime(frame["birth_date"], errors="coerce").to_numpy(dtype="datetime64[ns]")
    return np.full(len(frame), np.datetime64("NaT"), dtype="datetime64[ns]")


def _nik_patterns(frame: pd.DataFrame, nik: np.ndarray) -> np.ndarray:
    """Per row, what a NIK masked by its source still shows (None elsewhere); rows without a NIK only."""
    out = np.full(len(frame), None, dtype=object)
    if "nik_raw" not in frame:
        return out
    rest = np.flatnonzero(nik < 0)
    raw = _text(frame, "nik_raw").iloc[rest]
    found = masked_nik_patterns(raw[raw.notna()])
    out[rest[raw.notna().to_numpy()]] = found.to_numpy(dtype=object, na_value=None)
    return out


def prepare_sides(payroll: pd.DataFrame, bpjs: pd.DataFrame) -> tuple[SideKeys, SideKeys]:
    """Arrays for matching from normalised payroll and BPJS frames (rejected rows already removed)."""
    p_nik, b_nik, niks = _codes(_text(payroll, "nik"), _text(bpjs, "nik"))
    is16, number = _sixteen_digits(niks)
    # Code -1 (missing) picks the trailing False / -1.
    is16, number = np.append(is16, False), np.append(number, -1)
    # The KPJ tier is the only reader of KPJ codes, and it reads valid ones only.
    p_kpj, b_kpj, _ = _codes(
        _text(payroll, "kpj").where(_flag(payroll, "kpj_valid")),
        _text(bpjs, "kpj").where(_flag(bpjs, "kpj_valid")),
    )
    p_name, b_name = _text(payroll, "name"), _text(bpjs, "name")
    keys = name_keys(pd.concat([p_name, b_name], ignore_index=True)).to_numpy(dtype=object)

    def side(
        frame: pd.DataFrame, nik: np.ndarray, kpj: np.ndarray, name: pd.Series, key: np.ndarray
    ) -> SideKeys:
        birth = _birth(frame)
        return SideKeys(
            labels=frame.index.to_numpy(),
            nik=nik,
            nik_valid=_flag(frame, "nik_valid") & (nik >= 0),
            nik16=is16[nik],
            nik_int=number[nik],
            nik_numeric=_flag(frame, "nik_numeric"),
            kpj=kpj,
            kpj_valid=_flag(frame, "kpj_valid") & (kpj >= 0),
            name=name,
            key=key,
            birth=birth,
            birth_code=birth_code(birth),
            nik_birth_code=nik_birth_code(number[nik]),
            nik_pattern=_nik_patterns(frame, nik),
        )

    return (
        side(payroll, p_nik, p_kpj, p_name, keys[: len(payroll)]),
        side(bpjs, b_nik, b_kpj, b_name, keys[len(payroll) :]),
    )
