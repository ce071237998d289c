"""The birth date a 16-digit NIK carries (digits 7-12, DDMMYY; women's day + 40), as a code.

A row without a birth date column can still say when its person was born: through its NIK. The
code day * 10000 + month * 100 + two-digit year compares an embedded date with a real birth date
without guessing the century; -1 means unknown (no 16-digit NIK, no birth date).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reconcile.values.nik import WOMAN_DAY_OFFSET

UNKNOWN = -1


def nik_birth_code(nik_int: np.ndarray) -> np.ndarray:
    """Per 16-digit NIK as a number (-1 when none): its embedded DDMMYY code, women's 40 taken off."""
    known = nik_int >= 0
    day = (nik_int // 10**8) % 100
    day = np.where(day > WOMAN_DAY_OFFSET, day - WOMAN_DAY_OFFSET, day)
    month, yy = (nik_int // 10**6) % 100, (nik_int // 10**4) % 100
    return np.where(known, day * 10_000 + month * 100 + yy, UNKNOWN).astype(np.int64)


def birth_code(birth: np.ndarray) -> np.ndarray:
    """Per birth date (datetime64, NaT when unknown): the same DDMMYY code, -1 when unknown."""
    dates = pd.DatetimeIndex(birth)
    known = ~dates.isna()
    code = dates.day.to_numpy(np.float64) * 10_000 + dates.month.to_numpy(np.float64) * 100
    code = code + dates.year.to_numpy(np.float64) % 100
    return np.where(known, np.nan_to_num(code, nan=UNKNOWN), UNKNOWN).astype(np.int64)
