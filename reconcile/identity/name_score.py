"""How alike two normalised names are: a 0-100 score per pair of name keys.

The score is the best of three rapidfuzz views, so each common way of writing one name scores
high: the plain edit ratio (typos), the ratio with spaces removed ("NUR HALIZA" / "NURHALIZA") and
the token-sorted ratio (word order). A name that is a strict part of the other ("SITI" / "SITI
AMINAH", a dropped first or last word) scores `SUBSET_PREFIX_SCORE` or `SUBSET_SCORE`: high, so the
two are not called different people, but below 100 and below the default agreement threshold, so
the truncation is still reported as a record to correct.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz.process import cpdist

#: One name is the other's first word(s): "SITI" / "SITI AMINAH".
SUBSET_PREFIX_SCORE = 88.0
#: One name's words all appear in the other, not as its start: "AMINAH" / "SITI AMINAH".
SUBSET_SCORE = 80.0


def _pairwise(a: Sequence[str], b: Sequence[str], scorer: Any) -> np.ndarray:
    return np.asarray(cpdist(a, b, scorer=scorer, dtype=np.float64), dtype=np.float64)


def name_score(a_keys: Sequence[str], b_keys: Sequence[str]) -> np.ndarray:
    """Score 0-100 for each aligned pair (a_keys[i], b_keys[i]) of `normalize_name` keys.

    An empty key (no usable name) scores 0 against anything.
    """
    a, b = _texts(a_keys), _texts(b_keys)
    if len(a) != len(b):
        raise ValueError(f"name_score needs aligned sequences, got {len(a)} and {len(b)}")
    # Equal keys, the common case, score 100 (0 when empty) without a string comparison.
    same = a == b
    best = np.where(same & (a != ""), 100.0, 0.0)
    differ = np.flatnonzero(~same)
    if differ.size:
        best[differ] = _differing_score(a[differ].tolist(), b[differ].tolist())
    return best


def _texts(keys: Sequence[str]) -> np.ndarray:
    """The keys as an object array of str (converting only when some key is not a str)."""
    texts = np.empty(len(keys), dtype=object)
    texts[:] = keys
    if pd.api.types.infer_dtype(texts, skipna=False) != "string":
        texts[:] = [str(x) for x in texts]
    return texts


def _differing_score(a: list[str], b: list[str]) -> np.ndarray:
    """`name_score` of pairs of unequal keys."""
    plain = _pairwise(a, b, fuzz.ratio)
    compact = _pairwise([x.replace(" ", "") for x in a], [x.replace(" ", "") for x in b], fuzz.ratio)
    ordered = _pairwise(a, b, fuzz.token_sort_ratio)
    best = np.maximum(np.maximum(plain, compact), ordered)
    # token_set_ratio is 100 exactly when one side's words are a subset of the other's.
    subset = (_pairwise(a, b, fuzz.token_set_ratio) >= 100.0) & (best < 100.0)
    if subset.any():
        idx = np.flatnonzero(subset)
        prefix = np.array([_is_word_prefix(a[i], b[i]) for i in idx], dtype=bool)
        floor = np.where(prefix, SUBSET_PREFIX_SCORE, SUBSET_SCORE)
        best[idx] = np.maximum(np.minimum(best[idx], 99.0), floor)
    empty = np.array([not x or not y for x, y in zip(a, b, strict=True)], dtype=bool)
    best[empty] = 0.0
    return best


def _is_word_prefix(x: str, y: str) -> bool:
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return long.startswith(short + " ")
