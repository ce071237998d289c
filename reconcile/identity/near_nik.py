"""Candidate pairs whose NIKs are nearly equal: Excel's lost 16th digit, or one typing error.

Excel keeps 15 significant digits, so a NIK typed into a number cell comes back with its last
digit replaced by 0. A typing error is one substituted digit or two adjacent digits swapped.
Both are found by joins on derived integer keys, never by comparing all pairs: a substitution at
position i leaves the NIK with digit i zeroed equal on both sides; an adjacent swap at i leaves
the NIK with digits i, i+1 put in ascending order equal. 31 keys per row, one join.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reconcile.identity.exact_join import equi_join
from reconcile.identity.sides import NIK_DIGITS, SideKeys

_POW = 10 ** np.arange(NIK_DIGITS - 1, -1, -1, dtype=np.int64)  # place value of digit i
#: Room for the key kind (31 kinds) in the low bits of a joined key: key * _KINDS + kind.
_KINDS = 32


def _not_same_valid_nik(p: SideKeys, b: SideKeys, ppos: np.ndarray, bpos: np.ndarray) -> np.ndarray:
    same = p.nik_int[ppos] == b.nik_int[bpos]
    return ~(same & p.nik_valid[ppos] & b.nik_valid[bpos])


def excel_precision_candidates(
    p: SideKeys, b: SideKeys, p_free: np.ndarray, b_free: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs whose first 15 NIK digits agree where one side is a number cell ending in 0."""
    p_mask, b_mask = p_free & p.nik16, b_free & b.nik16
    ppos, bpos = np.flatnonzero(p_mask), np.flatnonzero(b_mask)
    i, j = equi_join(p.nik_int[ppos] // 10, b.nik_int[bpos] // 10)
    ppos, bpos = ppos[i], bpos[j]
    p_zeroed = p.nik_numeric[ppos] & (p.nik_int[ppos] % 10 == 0)
    b_zeroed = b.nik_numeric[bpos] & (b.nik_int[bpos] % 10 == 0)
    keep = (p_zeroed | b_zeroed) & _not_same_valid_nik(p, b, ppos, bpos)
    return ppos[keep], bpos[keep]


def _typo_keys(nik_int: np.ndarray) -> np.ndarray:
    """(n, 31) keys: 16 with one digit zeroed, then 15 with one adjacent digit pair sorted."""
    digits = (nik_int[:, None] // _POW[None, :]) % 10
    substitution = nik_int[:, None] - digits * _POW
    a, c = digits[:, :-1], digits[:, 1:]
    lo, hi = np.minimum(a, c), np.maximum(a, c)
    swap = nik_int[:, None] + (lo - a) * _POW[:-1] + (hi - c) * _POW[1:]
    return np.concatenate([substitution, swap], axis=1)


def _long_keys(side: SideKeys, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The 31 keys of each masked row in row order, each also naming its kind; and the row of each."""
    positions = np.flatnonzero(mask)
    keys = _typo_keys(side.nik_int[positions])
    kinds = np.arange(keys.shape[1])
    return (keys * _KINDS + kinds).ravel(), np.repeat(positions, keys.shape[1])


def typo_candidates(
    p: SideKeys, b: SideKeys, p_free: np.ndarray, b_free: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs whose 16-digit NIKs differ by one substitution or one adjacent transposition."""
    p_mask, b_mask = p_free & p.nik16, b_free & b.nik16
    if not p_mask.any() or not b_mask.any():
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    (p_keys, p_rows), (b_keys, b_rows) = _long_keys(p, p_mask), _long_keys(b, b_mask)
    i, j = equi_join(p_keys, b_keys)
    joined = pd.DataFrame({"ppos": p_rows[i], "bpos": b_rows[j]}).drop_duplicates()
    ppos, bpos = joined["ppos"].to_numpy(np.int64), joined["bpos"].to_numpy(np.int64)
    keep = p.nik_int[ppos] != b.nik_int[bpos]
    return ppos[keep], bpos[keep]
