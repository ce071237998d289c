"""Candidate pairs sharing a key exactly (NIK, KPJ): a many-to-many equi-join on free rows."""

from __future__ import annotations

import numpy as np
import pandas as pd


def exact_join(
    p_key: np.ndarray, p_mask: np.ndarray, b_key: np.ndarray, b_mask: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(payroll positions, BPJS positions) of every pair with equal key among the masked rows.

    Duplicates on either side give every combination: duplicates are the classifier's business.
    """
    left = pd.DataFrame({"k": p_key[p_mask], "ppos": np.flatnonzero(p_mask)})
    right = pd.DataFrame({"k": b_key[b_mask], "bpos": np.flatnonzero(b_mask)})
    joined = left.merge(right, on="k", how="inner", sort=False)
    return joined["ppos"].to_numpy(np.int64), joined["bpos"].to_numpy(np.int64)
