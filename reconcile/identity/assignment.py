"""One-to-one assignment of candidate pairs, chosen globally, with ties left undecided.

The candidates of one tier form a bipartite graph (payroll rows, BPJS rows). Each connected
component is solved exactly: the maximum-total-score matching (scipy's linear_sum_assignment).
Scores are positive and at least one threshold apart from zero, so a larger total also means
more pairs. An edge is *usable* when some optimal matching contains it. An edge is *forced*
(in every optimal matching) exactly when it is the only usable edge of both its rows: those
become pairs. Usable edges that are not forced are genuine ties and are returned as ambiguous,
never guessed. A component of a single edge, by far the common case, skips the solver.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reconcile.components import component_labels

#: Two totals this close are equal (scores are sums of rapidfuzz ratios / 100).
_EPS = 1e-9


def _best_total(weights: np.ndarray) -> float:
    if weights.size == 0:
        return 0.0
    from scipy.optimize import linear_sum_assignment  # only for rare tangled components; 0.15 s to import

    rows, cols = linear_sum_assignment(weights, maximize=True)
    return float(weights[rows, cols].sum())


def _usable_edges(weights: np.ndarray, er: np.ndarray, ec: np.ndarray) -> np.ndarray:
    """For each edge (er[k], ec[k]) of a dense component: is it in some optimal matching?"""
    best = _best_total(weights)
    usable = np.zeros(len(er), dtype=bool)
    all_rows = np.arange(weights.shape[0])
    all_cols = np.arange(weights.shape[1])
    for k, (r, c) in enumerate(zip(er, ec, strict=True)):
        rest = weights[np.ix_(all_rows != r, all_cols != c)]
        usable[k] = weights[r, c] + _best_total(rest) >= best - _EPS
    return usable


def assign_one_to_one(candidates: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split candidates (columns ppos, bpos, score > 0, unique pairs) into (pairs, ambiguous).

    Both results keep the candidates' columns. Candidates in neither were beaten by a better
    assignment; their rows stay free for the next tier.
    """
    if candidates.empty:
        return candidates.iloc[:0], candidates.iloc[:0]
    pcode, _ = pd.factorize(candidates["ppos"])
    bcode, _ = pd.factorize(candidates["bpos"])
    n_p, n_b = pcode.max() + 1, bcode.max() + 1
    component = component_labels(n_p + n_b, pcode, bcode + n_p)
    edge_comp = component[pcode]
    edges_in_comp = np.bincount(edge_comp)
    single = edges_in_comp[edge_comp] == 1

    forced = single.copy()
    usable = single.copy()
    scores = candidates["score"].to_numpy(dtype=np.float64)
    multi = np.flatnonzero(~single)
    if multi.size:
        order = multi[np.argsort(edge_comp[multi], kind="stable")]
        bounds = np.flatnonzero(np.diff(edge_comp[order])) + 1
        for edges in np.split(order, bounds):
            rows, er = np.unique(pcode[edges], return_inverse=True)
            cols, ec = np.unique(bcode[edges], return_inverse=True)
            weights = np.zeros((len(rows), len(cols)))
            weights[er, ec] = scores[edges]
            ok = _usable_edges(weights, er, ec)
            usable[edges] = ok
            row_deg = np.bincount(er[ok], minlength=len(rows))
            col_deg = np.bincount(ec[ok], minlength=len(cols))
            forced[edges] = ok & (row_deg[er] == 1) & (col_deg[ec] == 1)
    return candidates[forced], candidates[usable & ~forced]
