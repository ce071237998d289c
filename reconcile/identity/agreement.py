"""What agrees between the two rows of a candidate pair: name, birth date, NIK.

Each flag is a nullable boolean, <NA> when one side lacks the value: an unknown birth date
neither confirms nor refutes a pairing, and the caller must be able to say so in words.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reconcile.config import ReconConfig
from reconcile.identity.name_score import name_score
from reconcile.identity.sides import SideKeys


def _nullable(values: np.ndarray, known: np.ndarray) -> pd.arrays.BooleanArray:
    return pd.arrays.BooleanArray(values.astype(bool), ~known.astype(bool))


def agreement(
    payroll: SideKeys, bpjs: SideKeys, ppos: np.ndarray, bpos: np.ndarray, config: ReconConfig
) -> pd.DataFrame:
    """One row per (ppos[i], bpos[i]): name_score (0-100) and the three *_agrees flags."""
    pkey, bkey = payroll.key[ppos], bpjs.key[bpos]
    score = name_score(pkey, bkey)
    name_known = (pkey != "") & (bkey != "")
    pbirth, bbirth = payroll.birth[ppos], bpjs.birth[bpos]
    birth_known = ~np.isnat(pbirth) & ~np.isnat(bbirth)
    pnik, bnik = payroll.nik[ppos], bpjs.nik[bpos]
    nik_known = (pnik >= 0) & (bnik >= 0)
    return pd.DataFrame(
        {
            "ppos": ppos,
            "bpos": bpos,
            "name_score": score,
            "name_agrees": _nullable(score >= config.name_agree_score, name_known),
            "birth_date_agrees": _nullable(pbirth == bbirth, birth_known),
            "nik_agrees": _nullable(pnik == bnik, nik_known),
        }
    )


def both_agree(frame: pd.DataFrame) -> np.ndarray:
    """Name and birth date both known and agreeing: what the near-NIK tiers require."""
    return (frame["name_agrees"].fillna(False) & frame["birth_date_agrees"].fillna(False)).to_numpy(bool)


def both_disagree(frame: pd.DataFrame) -> np.ndarray:
    """Name and birth date both known and disagreeing: the same key names two different people."""
    name_no = (~frame["name_agrees"]).fillna(False)
    birth_no = (~frame["birth_date_agrees"]).fillna(False)
    return (name_no & birth_no).to_numpy(bool)
