"""Connected components of an undirected graph given as edge arrays, in numpy alone.

Used to group BPJS rows that are one person and to split matching candidates into independent
sub-problems. scipy.sparse.csgraph does the same in C, but importing it costs ~0.25 s, a tenth
of a small run; this is vectorised union-find and stays linear in practice:

- every node points at a parent with a smaller or equal index, so there are no cycles;
- each round, every root joined by an edge to another root is hooked onto the smallest root it
  touches, then every node is pointed at its root (pointer jumping);
- a root left alone in a round touches only larger roots, which are hooked that round, so it is
  merged in the next: the number of roots with an edge at least halves every two rounds.

Labels are numbered 0..k-1 in the order of each component's smallest node, as scipy numbers them.
"""

from __future__ import annotations

import numpy as np


def _point_at_roots(parent: np.ndarray) -> np.ndarray:
    while True:
        grand = parent[parent]
        if np.array_equal(grand, parent):
            return parent
        parent = grand


def component_labels(n: int, head: np.ndarray, tail: np.ndarray) -> np.ndarray:
    """The component of each of the `n` nodes; edges are (head[k], tail[k]), in either direction."""
    parent = np.arange(n, dtype=np.int64)
    head = np.asarray(head, dtype=np.int64)
    tail = np.asarray(tail, dtype=np.int64)
    while head.size:
        ph, pt = parent[head], parent[tail]
        apart = ph != pt
        if not apart.any():
            break
        head, tail, ph, pt = head[apart], tail[apart], ph[apart], pt[apart]
        np.minimum.at(parent, np.maximum(ph, pt), np.minimum(ph, pt))
        parent = _point_at_roots(parent)
    is_root = parent == np.arange(n)
    rank = np.cumsum(is_root) - 1
    return rank[parent]
