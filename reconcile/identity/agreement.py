"""What agrees between the two rows of a candidate pair: name, birth date, NIK.

Each flag is a nullable boolean, <NA> when one side lacks the value: an unknown birth date
neither confirms nor refutes a pairing, and the caller must be able to say so in words.
`nik_birth_agrees` compares each side's known birth date with the date the other side's NIK
carries (digits 7-12): a stand-in for the birth date a payroll without that column lacks.
`nik_agrees` also compares a NIK its source masked ("1871**********31") with the other side's
16-digit NIK on the digits still shown: agreeing corroborates the pairing, differing refutes it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reconcile.config import ReconConfig
from reconcile.identity.name_score import name_score
from reconcile.identity.sides import SideKeys
from reconcile.values.nik import visible_digits_agree


def _nullable(values: np.ndarray, known: np.ndarray) -> pd.arrays.BooleanArray:
    return pd.arrays.BooleanArray(values.astype(bool), ~known.astype(bool))


def agreement(
    payroll: SideKeys, bpjs: SideKeys, ppos: np.ndarray, bpos: np.ndarray, config: ReconConfig
) -> pd.DataFrame:
    """One row per (ppos[i], bpos[i]): name_score (0-100) and the four *_agrees flags."""
    pkey, bkey = payroll.key[ppos], bpjs.key[bpos]
    score = name_score(pkey, bkey)
    name_known = (pkey != "") & (bkey != "")
    pbirth, bbirth = payroll.birth[ppos], bpjs.birth[bpos]
    birth_known = ~np.isnat(pbirth) & ~np.isnat(bbirth)
    return pd.DataFrame(
        {
            "ppos": ppos,
            "bpos": bpos,
            "name_score": score,
            "name_agrees": _nullable(score >= config.name_agree_score, name_known),
            "birth_date_agrees": _nullable(pbirth == bbirth, birth_known),
            "nik_agrees": _nik_agrees(payroll, bpjs, ppos, bpos),
            "nik_birth_agrees": _nik_birth_agrees(payroll, bpjs, ppos, bpos),
        }
    )


def _nik_agrees(
    payroll: SideKeys, bpjs: SideKeys, ppos: np.ndarray, bpos: np.ndarray
) -> pd.arrays.BooleanArray:
    """Equal NIK text; where one side's NIK is masked by its source, its visible digits match."""
    pnik, bnik = payroll.nik[ppos], bpjs.nik[bpos]
    agrees, known = pnik == bnik, (pnik >= 0) & (bnik >= 0)
    for masked, pattern_of, full_side, full in (
        (bpos, bpjs.nik_pattern, payroll, ppos),
        (ppos, payroll.nik_pattern, bpjs, bpos),
    ):
        patterns = pattern_of[masked]
        at = np.flatnonzero(pd.notna(patterns) & full_side.nik16[full])
        for i in at:
            agrees[i] = visible_digits_agree(str(full_side.nik_int[full[i]]).zfill(16), patterns[i])
        known[at] = True
    return _nullable(agrees, known)


def _nik_birth_agrees(
    payroll: SideKeys, bpjs: SideKeys, ppos: np.ndarray, bpos: np.ndarray
) -> pd.arrays.BooleanArray:
    """Each known birth date equals the date embedded in the other side's NIK; <NA> if none compare."""
    p_birth, b_birth = payroll.birth_code[ppos], bpjs.birth_code[bpos]
    p_nik, b_nik = payroll.nik_birth_code[ppos], bpjs.nik_birth_code[bpos]
    p_compared, b_compared = (p_birth >= 0) & (b_nik >= 0), (b_birth >= 0) & (p_nik >= 0)
    agrees = (~p_compared | (p_birth == b_nik)) & (~b_compared | (b_birth == p_nik))
    return _nullable(agrees, p_compared | b_compared)


def both_agree(frame: pd.DataFrame) -> np.ndarray:
    """Name and birth date both known and agreeing: what the NIK typo tier requires."""
    return (frame["name_agrees"].fillna(False) & frame["birth_date_agrees"].fillna(False)).to_numpy(bool)


def name_and_birth_or_nik_date_agree(frame: pd.DataFrame) -> np.ndarray:
    """What the Excel-precision tier requires: the name agrees, and so does the birth date.

    The two NIKs share their first 15 digits, embedded birth date included, so when a side has no
    birth date the NIK stands in for it: it must not contradict the other side's birth date. With
    no birth date on either side the shared 15 digits and the name carry the pairing alone.
    """
    name = frame["name_agrees"].fillna(False)
    birth = frame["birth_date_agrees"].fillna(frame["nik_birth_agrees"].fillna(True))
    return (name & birth).to_numpy(bool)


def both_disagree(frame: pd.DataFrame) -> np.ndarray:
    """Name and birth date both known and disagreeing: the same key names two different people."""
    name_no = (~frame["name_agrees"]).fillna(False)
    birth_no = (~frame["birth_date_agrees"]).fillna(False)
    return (name_no & birth_no).to_numpy(bool)
