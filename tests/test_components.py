"""Connected components in numpy agree with scipy's, on any graph, in scipy's numbering."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from reconcile.components import component_labels


def _scipy_labels(n: int, head: np.ndarray, tail: np.ndarray) -> np.ndarray:
    graph = coo_matrix((np.ones(len(head), dtype=np.int8), (head, tail)), shape=(n, n))
    return connected_components(graph, directed=False)[1]


@st.composite
def graphs(draw: st.DrawFn) -> tuple[int, np.ndarray, np.ndarray]:
    n = draw(st.integers(1, 40))
    edges = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=60))
    head = np.array([a for a, _ in edges], dtype=np.int64)
    tail = np.array([b for _, b in edges], dtype=np.int64)
    return n, head, tail


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_same_components_and_numbering_as_scipy(graph: tuple[int, np.ndarray, np.ndarray]) -> None:
    n, head, tail = graph
    assert component_labels(n, head, tail).tolist() == _scipy_labels(n, head, tail).tolist()


def test_long_chains_in_any_order_become_one_component() -> None:
    rng = np.random.default_rng(7)
    order = rng.permutation(50_000)
    labels = component_labels(50_000, order[:-1], order[1:])
    assert labels.max() == 0


def test_no_edges_every_node_alone() -> None:
    assert component_labels(4, np.empty(0, dtype=int), np.empty(0, dtype=int)).tolist() == [0, 1, 2, 3]
