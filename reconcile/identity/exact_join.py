"""Candidate pairs sharing a key exactly (NIK, KPJ): a many-to-many equi-join on free rows."""

from __future__ import annotations

import numpy as np


def equi_join(left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Indices (i, j) of every pair with left[i] == right[j] (integer keys).

    Pairs come in order of i, then j, as pandas' inner merge (sort=False) gives them.
    """
    order = np.argsort(right, kind="stable")
    sorted_keys = right[order]
    first = np.searchsorted(sorted_keys, left, side="left")
    # Most keys have no partner (the typo tier's): only those found are counted.
    found = np.flatnonzero(first < len(right))
    found = found[sorted_keys[first[found]] == left[found]]
    count = np.zeros(len(left), dtype=np.int64)
    count[found] = np.searchsorted(sorted_keys, left[found], side="right") - first[found]
    # The k-th pair of left[i] takes the k-th equal key on the right, at first[i] + k.
    within = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
    return np.repeat(np.arange(len(left)), count), order[np.repeat(first, count) + within]


def exact_join(
    p_key: np.ndarray, p_mask: np.ndarray, b_key: np.ndarray, b_mask: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(payroll positions, BPJS positions) of every pair with equal key among the masked rows.

    Keys are integer codes. Duplicates on either side give every combination: duplicates are the
    classifier's business.
    """
    ppos, bpos = np.flatnonzero(p_mask), np.flatnonzero(b_mask)
    i, j = equi_join(p_key[ppos], b_key[bpos])
    return ppos[i].astype(np.int64), bpos[j].astype(np.int64)
