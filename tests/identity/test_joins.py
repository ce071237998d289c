"""Exact joins and shared key codes: the integer building blocks of the exact and near-NIK tiers."""

from __future__ import annotations

import numpy as np
import pandas as pd

from reconcile.identity.exact_join import equi_join, exact_join
from reconcile.identity.sides import prepare_sides


def test_equi_join_gives_every_pair_in_merge_order() -> None:
    rng = np.random.default_rng(0)
    for _ in range(50):
        left, right = rng.integers(0, 15, 40), rng.integers(0, 15, 30)
        i, j = equi_join(left, right)
        merged = pd.DataFrame({"k": left, "i": range(40)}).merge(
            pd.DataFrame({"k": right, "j": range(30)}), on="k", how="inner", sort=False
        )
        assert i.tolist() == merged["i"].tolist()
        assert j.tolist() == merged["j"].tolist()
    empty = np.zeros(0, dtype=np.int64)
    assert [len(x) for x in equi_join(empty, np.arange(3))] == [0, 0]
    assert [len(x) for x in equi_join(np.arange(3), empty)] == [0, 0]


def test_exact_join_pairs_masked_rows_many_to_many() -> None:
    ppos, bpos = exact_join(
        np.array([7, 7, 3, 9]), np.array([True, True, True, False]), np.array([3, 7, 7, 9]), np.ones(4, bool)
    )
    assert list(zip(ppos.tolist(), bpos.tolist(), strict=True)) == [(0, 1), (0, 2), (1, 1), (1, 2), (2, 0)]


def test_sides_share_codes_and_read_any_decimal_nik() -> None:
    arabic = "".join(chr(0x660 + int(d)) for d in "1871010101850001")  # \d also matches these digits
    payroll = pd.DataFrame(
        {"nik": pd.array(["1871010101850001", arabic, None, "12345"], dtype="string"), "nik_valid": True},
        index=[10, 11, 12, 13],
    )
    bpjs = pd.DataFrame({"nik": pd.array(["12345", "1871010101850001"], dtype="string"), "nik_valid": True})
    p, b = prepare_sides(payroll, bpjs)
    assert p.nik[0] == b.nik[1] and p.nik[3] == b.nik[0] and p.nik[2] == -1
    assert p.nik16.tolist() == [True, True, False, False]
    assert p.nik_int.tolist() == [1871010101850001, 1871010101850001, -1, -1]
    assert p.nik_valid.tolist() == [True, True, False, True]
    assert p.names_at(np.array([1, 0])) == [None, None]  # no name column: no names
    assert p.labels.tolist() == [10, 11, 12, 13]
