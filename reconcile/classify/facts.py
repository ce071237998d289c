"""Per-row facts the classifiers share: who is active, what was billed, who is the same person."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from reconcile.components import component_labels
from reconcile.identity import name_keys
from schemas.checks import row_premium


def billed_amount(bpjs: pd.DataFrame) -> pd.Series:
    """What each BPJS row bills as written: its total, else the sum of the premium columns present,
    else NaN. Negative on a correction (reconcile.classify.corrections nets those)."""
    return row_premium(bpjs)


#: Why a registration does not cover the period, whatever its status says: it starts after the
#: period, ended before it (nothing is due), or ended within it (the worker on this month's payroll
#: is uninsured from that day on: a gap, although the month's premium may still be due).
STARTS_AFTER, ENDED_BEFORE, ENDED_WITHIN = "starts_after", "ended_before", "ended_within"
#: The reasons under which no premium is due for the period.
NOTHING_DUE = (STARTS_AFTER, ENDED_BEFORE)


def period_bounds(period: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first and the last day of a "YYYY-MM" period."""
    first = pd.Timestamp(f"{period}-01")
    return first, first + pd.offsets.MonthEnd(0)


def outside_period(bpjs: pd.DataFrame, period: str | None) -> pd.Series:
    """Per BPJS row: STARTS_AFTER (joined after the period's last day), ENDED_BEFORE (ended before
    its first day), ENDED_WITHIN (ended before its last day), or <NA> (the dates, where known, cover
    the period; always <NA> without a period). A join date within the period covers it: a new
    worker is registered from the day work begins."""
    out = pd.Series(pd.NA, index=bpjs.index, dtype="string")
    if period is None:
        return out
    first, last = period_bounds(period)
    out[(bpjs["end_date"] < last).fillna(False).to_numpy(dtype=bool)] = ENDED_WITHIN
    out[(bpjs["end_date"] < first).fillna(False).to_numpy(dtype=bool)] = ENDED_BEFORE
    out[(bpjs["join_date"] > last).fillna(False).to_numpy(dtype=bool)] = STARTS_AFTER
    return out


def is_active(bpjs: pd.DataFrame, billed: pd.Series, period: str | None = None) -> pd.Series:
    """Whether each registration covers the period.

    AKTIF, or no status given but billed (a blank status on a contribution line means billed), or
    NON AKTIF whose last day covered (`end_date`) is the period's last day or later (a list printed
    later: the period was covered). Never when the dates leave part of the period out of the
    registration: joined after its last day, or ended before its last day ("Nonaktif per
    01-05-2024" leaves May uncovered), whatever the status says.
    """
    status = bpjs["status"]
    active = (status == "AKTIF") | (status.isna() & (billed.fillna(0) > 0))
    if period is not None:
        _, last = period_bounds(period)
        active |= (status == "NON AKTIF") & (bpjs["end_date"] >= last)
    return (active.fillna(False) & outside_period(bpjs, period).isna()).astype(bool)


def keyed_identity(frame: pd.DataFrame, fallback: Callable[[pd.DataFrame], pd.Series]) -> pd.Series:
    """Per row: "N:" valid NIK, else "K:" valid KPJ, else "B:" name key and birth date, else `fallback`.

    `fallback` gets the rows without a valid NIK or KPJ. Names are normalised only for those rows,
    the only ones whose key they make.
    """
    keyless = frame[~(frame["nik_valid"].to_numpy(dtype=bool) | frame["kpj_valid"].to_numpy(dtype=bool))]
    names = name_keys(keyless["name"].fillna(""))
    birth = keyless["birth_date"].dt.strftime("%Y-%m-%d")
    by_name = ("B:" + names + "|" + birth).where((names != "") & birth.notna(), fallback(keyless))
    key = ("K:" + frame["kpj"]).where(frame["kpj_valid"], by_name.reindex(frame.index))
    return ("N:" + frame["nik"]).where(frame["nik_valid"], key)


def payroll_person_keys(payroll: pd.DataFrame) -> pd.Series:
    """One key per person on the payroll: valid NIK, else valid KPJ, else name + birth date, else the row.

    Rows sharing a key are the same person paid more than once.
    """
    return keyed_identity(
        payroll, lambda rows: "R:" + pd.Series(rows.index.astype(str), index=rows.index)
    ).astype("string")


@dataclass(frozen=True)
class Persons:
    """Who is who on the payroll: a person key per usable row, and the same as numbers.

    The keys are hashed once here; the classifiers compare the numbers.
    """

    key: pd.Series  # person key per usable payroll row (payroll_person_keys)
    code: np.ndarray  # per row: position of its key in `keys`, -1 when the row has none
    keys: pd.Index  # the distinct keys, in order of first appearance

    @classmethod
    def of(cls, payroll: pd.DataFrame, pairs: pd.DataFrame | None = None) -> Persons:
        """The persons of the usable rows of a prepared payroll frame.

        With `pairs`, rows paired with one BPJS row are one person even when their keys differ
        (one unit typed her NIK as a number, another left it out): the person keeps the strongest
        key among them (NIK, then KPJ, then name and birth date), so findings stay keyed on it.
        """
        key = payroll_person_keys(payroll)
        if pairs is not None and len(pairs):
            key = _joined_by_pairing(key, pairs)
        code, keys = pd.factorize(key)
        return cls(key=key, code=code, keys=keys)


#: Which key speaks for a person whose rows carry several: lower is stronger.
_KEY_STRENGTH = {"N": 0, "K": 1, "B": 2}


def _joined_by_pairing(key: pd.Series, pairs: pd.DataFrame) -> pd.Series:
    """`key`, with every row paired to the same BPJS row given one key: the strongest of theirs.

    Only the few persons joined to another are looked at; every other row keeps its key as it is.
    """
    code, keys = pd.factorize(key)
    row = key.index.get_indexer(pairs["payroll_idx"])
    known = row >= 0
    linked = pd.DataFrame({"person": code[row[known]], "bpjs": pairs["bpjs_idx"].to_numpy()[known]})
    linked = linked[linked["person"] >= 0].drop_duplicates()
    first = linked.groupby("bpjs", sort=False)["person"].transform("first").to_numpy()
    component = component_labels(len(keys), first, linked["person"].to_numpy())
    joined = np.flatnonzero(np.bincount(component)[component] > 1)  # persons sharing a component
    if not len(joined):
        return key
    strength = np.array([_KEY_STRENGTH.get(str(k)[:1], 3) for k in keys.take(joined)], dtype=np.int64)
    # Per component, the person with the strongest key (then the first seen) speaks for it.
    best = np.full(component.max() + 1, np.iinfo(np.int64).max)
    np.minimum.at(best, component[joined], strength * len(keys) + joined)
    speaker = np.arange(len(keys))
    speaker[joined] = best[component[joined]] % len(keys)
    moved = np.flatnonzero((code >= 0) & (speaker[np.maximum(code, 0)] != code))
    out = key.copy()
    out.iloc[moved] = keys.take(speaker[code[moved]]).to_numpy()
    return out


def _another_person(bpjs: pd.DataFrame, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per pair of BPJS row positions: names (normalised) and birth dates both known and both different."""
    rows = np.unique(np.concatenate([a, b]))
    keys = pd.Series(name_keys(bpjs["name"].iloc[rows].fillna("")).to_numpy(), index=rows)
    birth = bpjs["birth_date"].to_numpy()
    name_a, name_b = keys.reindex(a).to_numpy(), keys.reindex(b).to_numpy()
    names_differ = (name_a != "") & (name_b != "") & (name_a != name_b)
    births_differ = ~pd.isna(birth[a]) & ~pd.isna(birth[b]) & (birth[a] != birth[b])
    return np.asarray(names_differ & births_differ, dtype=bool)


def participant_groups(bpjs: pd.DataFrame, extra_links: pd.DataFrame | None = None) -> pd.Series:
    """Group BPJS rows that are the same person: same valid NIK or same valid KPJ, transitively,
    unless name and birth date both say it is someone else.

    `extra_links` (columns a, b of index labels) adds known links, e.g. two rows paired with one
    payroll person. Returns a group label per row (groups numbered in order of their first row),
    computed as connected components of the graph of links, so it stays linear in the number of rows.
    """
    n = len(bpjs)
    positions = pd.Series(np.arange(n), index=bpjs.index)
    heads: list[np.ndarray] = []
    tails: list[np.ndarray] = []
    for key, valid in (("nik", "nik_valid"), ("kpj", "kpj_valid")):
        has_key = bpjs[valid].to_numpy(dtype=bool)
        tail = np.flatnonzero(has_key)
        # Link every row to the first row with its key: codes of keys, then the least position per code.
        codes, uniques = pd.factorize(bpjs[key][has_key], use_na_sentinel=False)
        first = np.full(len(uniques), n, dtype=np.int64)
        np.minimum.at(first, codes, tail)
        head = first[codes]
        # A row whose name and birth date both differ from its key's first row is someone else who
        # carries that NIK / KPJ by mistake: linked only to the other such rows, not to the first.
        other = np.zeros(len(tail), dtype=bool)
        shared = np.flatnonzero(head != tail)
        other[shared] = _another_person(bpjs, head[shared], tail[shared])
        if other.any():
            sub = codes.astype(np.int64) * 2 + other
            first_of_sub = np.full(2 * len(uniques), n, dtype=np.int64)
            np.minimum.at(first_of_sub, sub, tail)
            head = first_of_sub[sub]
        heads.append(head)
        tails.append(tail)
    if extra_links is not None and len(extra_links):
        heads.append(positions[extra_links["a"]].to_numpy())
        tails.append(positions[extra_links["b"]].to_numpy())
    head = np.concatenate(heads) if heads else np.empty(0, dtype=int)
    tail = np.concatenate(tails) if tails else np.empty(0, dtype=int)
    return pd.Series(component_labels(n, head, tail), index=bpjs.index)
