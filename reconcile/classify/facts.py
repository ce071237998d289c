"""Per-row facts the classifiers share: who is active, what was billed, who is the same person."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from reconcile.identity import name_keys

_PREMIUM_PARTS = ["jkk", "jkm", "jht", "jp"]


def billed_amount(bpjs: pd.DataFrame) -> pd.Series:
    """What each BPJS row bills: its total, else the sum of the premium columns present, else NaN."""
    parts = bpjs[_PREMIUM_PARTS].sum(axis=1, min_count=1)
    return bpjs["total"].where(bpjs["total"].notna(), parts)


def is_active(bpjs: pd.DataFrame, billed: pd.Series) -> pd.Series:
    """AKTIF, or no status given but billed: a blank status on a contribution line means billed."""
    status = bpjs["status"]
    return ((status == "AKTIF") | (status.isna() & (billed.fillna(0) > 0))).fillna(False).astype(bool)


def payroll_person_keys(payroll: pd.DataFrame) -> pd.Series:
    """One key per person on the payroll: valid NIK, else valid KPJ, else name + birth date, else the row.

    Rows sharing a key are the same person paid more than once.
    """
    names = name_keys(payroll["name"].fillna(""))
    birth = payroll["birth_date"].dt.strftime("%Y-%m-%d")
    by_name = ("B:" + names + "|" + birth).where((names != "") & birth.notna())
    by_row = "R:" + pd.Series(payroll.index.astype(str), index=payroll.index)
    key = by_name.where(by_name.notna(), by_row)
    key = ("K:" + payroll["kpj"]).where(payroll["kpj_valid"], key)
    key = ("N:" + payroll["nik"]).where(payroll["nik_valid"], key)
    return key.astype("string")


def participant_groups(bpjs: pd.DataFrame, extra_links: pd.DataFrame | None = None) -> pd.Series:
    """Group BPJS rows that are the same person: same valid NIK or same valid KPJ, transitively.

    `extra_links` (columns a, b of index labels) adds known links, e.g. two rows paired with one
    payroll person. Returns a group label per row (the smallest position in the group), computed as
    connected components of a sparse graph, so it stays linear in the number of rows.
    """
    n = len(bpjs)
    positions = pd.Series(np.arange(n), index=bpjs.index)
    heads: list[np.ndarray] = []
    tails: list[np.ndarray] = []
    for key, valid in (("nik", "nik_valid"), ("kpj", "kpj_valid")):
        keyed = pd.DataFrame({"key": bpjs.loc[bpjs[valid], key], "pos": positions[bpjs[valid]]})
        first = keyed.groupby("key", sort=False)["pos"].transform("first")
        heads.append(first.to_numpy())
        tails.append(keyed["pos"].to_numpy())
    if extra_links is not None and len(extra_links):
        heads.append(positions[extra_links["a"]].to_numpy())
        tails.append(positions[extra_links["b"]].to_numpy())
    head = np.concatenate(heads) if heads else np.empty(0, dtype=int)
    tail = np.concatenate(tails) if tails else np.empty(0, dtype=int)
    graph = coo_matrix((np.ones(len(head), dtype=np.int8), (head, tail)), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    return pd.Series(component, index=bpjs.index)
