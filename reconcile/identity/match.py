"""match_identities: pair payroll rows with BPJS rows, tier by tier, and say how.

Tiers run in order; a row paired by one tier is not offered to the next.
1. nik: exact valid NIK, many-to-many.
2. kpj: exact valid KPJ, many-to-many.
3. nik_excel_precision: a number cell lost the 16th digit; the name agrees, and so does the birth
   date, or where a side has none, the birth date the NIK carries (digits 7-12).
4. nik_typo: one substituted or swapped digit; name and birth date agree.
5. name_birth_date: same birth date and a name score of at least `config.name_pair_score`.
Tiers 3-5 are one-to-one, solved globally (reconcile.identity.assignment); their ties become
"ambiguous" conflicts and their rows are withheld from later tiers, except a tie between rows of
one registration (BPJS rows sharing a valid KPJ, else NIK): those rows all pair with the person.
Payroll rows sharing a valid NIK are one person there (paid twice): one of them takes part, and
every one gets its outcome. In the exact tiers, a pair whose name and birth date both disagree is
a "same key, different person" conflict, not a pair.

Then the repeats: a payroll row still free that the KPJ, Excel-precision or (when it has no valid
NIK) name + birth date tier would pair with a BPJS row already paired is the same person on the
payroll again (a unit typed her NIK as a number, another left it out). It is paired with that row
too, with the tier's method, so the classifier sees one person paid twice (a duplicate, covered),
not an uninsured worker. A row with a valid NIK of its own is never a repeat of another NIK (two
namesakes born the same day differ only in the NIK's serial), and a row whose best candidates are
two different BPJS rows is not guessed and stays free.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import numpy as np
import pandas as pd

from reconcile.config import ReconConfig
from reconcile.identity import result as r
from reconcile.identity.agreement import (
    agreement,
    both_agree,
    both_disagree,
    name_and_birth_or_nik_date_agree,
)
from reconcile.identity.assignment import assign_one_to_one
from reconcile.identity.birth_date_block import birth_date_candidates
from reconcile.identity.exact_join import exact_join
from reconcile.identity.near_nik import excel_precision_candidates, typo_candidates
from reconcile.identity.sides import SideKeys, prepare_sides

Candidates = Callable[[SideKeys, SideKeys, np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


class _State:
    """Which rows are still free, and what the tiers produced so far (positions, not labels)."""

    def __init__(self, p: SideKeys, b: SideKeys, config: ReconConfig) -> None:
        self.p, self.b, self.config = p, b, config
        self.p_free = np.ones(len(p), dtype=bool)
        self.b_free = np.ones(len(b), dtype=bool)
        self.b_paired = np.zeros(len(b), dtype=bool)
        self.pairs: list[pd.DataFrame] = []
        self.conflicts: list[pd.DataFrame] = []

    def take(self, frame: pd.DataFrame) -> None:
        self.p_free[frame["ppos"].to_numpy(np.int64)] = False
        self.b_free[frame["bpos"].to_numpy(np.int64)] = False

    def exact_tier(
        self,
        method: str,
        p_key: np.ndarray,
        p_ok: np.ndarray,
        b_key: np.ndarray,
        b_ok: np.ndarray,
        conflict_kind: str,
        key_name: str,
    ) -> None:
        ppos, bpos = exact_join(p_key, p_ok & self.p_free, b_key, b_ok & self.b_free)
        found = agreement(self.p, self.b, ppos, bpos, self.config).assign(score=1.0, match_method=method)
        different = both_disagree(found)
        conflicts = found[different]
        if len(conflicts):
            self.conflicts.append(
                conflicts.assign(
                    kind=conflict_kind, detail=_different_person(self.p, self.b, conflicts, key_name)
                )
            )
        pairs = found[~different]
        self.pairs.append(pairs)
        self.take(pairs)
        self.b_paired[pairs["bpos"].to_numpy(np.int64)] = True

    def one_to_one_tier(
        self, method: str, candidates: Candidates, accept: Callable[[pd.DataFrame], np.ndarray]
    ) -> None:
        ppos, bpos = candidates(self.p, self.b, self.p_free, self.b_free)
        found = agreement(self.p, self.b, ppos, bpos, self.config)
        found = found[accept(found)].assign(score=lambda f: f["name_score"] / 100.0, match_method=method)
        # Payroll rows with one valid NIK are one person paid twice, not rivals for a BPJS row: the
        # assignment sees one of them, and its outcome holds for all.
        found = found.assign(_person=self._person(found["ppos"].to_numpy(np.int64)))
        chosen, tied = assign_one_to_one(found.drop_duplicates(["_person", "bpos"]))
        pairs, tied = _every_row_of(chosen, found), _every_row_of(tied, found)
        # A tie between rows of one registration (a bill with an arrears line, a NIK masked by BPJS)
        # is no choice between people: the person is paired with every row, as an exact key would.
        one = self._one_registration(tied)
        pairs, tied = pd.concat([pairs, tied[one]], ignore_index=True), tied[~one]
        if len(tied):
            self.conflicts.append(tied.assign(kind=r.AMBIGUOUS, detail=_tie_details(tied, method)))
        self.pairs.append(pairs)
        self.take(pairs)
        self.take(tied)
        self.b_paired[pairs["bpos"].to_numpy(np.int64)] = True

    def _person(self, ppos: np.ndarray) -> np.ndarray:
        """Per payroll position, who it is for the one-to-one tiers: its valid NIK's code, else
        the row alone (a negative number no NIK code takes)."""
        return np.where(self.p.nik_valid[ppos], self.p.nik[ppos], -1 - ppos)

    def _one_registration(self, tied: pd.DataFrame) -> np.ndarray:
        """Tied candidates whose payroll person is tied only to BPJS rows sharing one valid KPJ (else
        valid NIK), rows no other payroll person is tied to."""
        bpos = tied["bpos"].to_numpy(np.int64)
        kpj, nik = self.b.kpj[bpos], self.b.nik[bpos]
        holder = np.where(self.b.kpj_valid[bpos], 2 * kpj, np.where(self.b.nik_valid[bpos], 2 * nik + 1, -1))
        person = pd.Series(self._person(tied["ppos"].to_numpy(np.int64)))
        holders = pd.Series(holder).groupby(person).transform("nunique").to_numpy()
        rivals = person.groupby(bpos).transform("nunique").to_numpy()
        return (holder >= 0) & (holders == 1) & (rivals == 1)

    def repeat_tier(
        self,
        method: str,
        candidates: Candidates,
        accept: Callable[[pd.DataFrame], np.ndarray],
        rows: np.ndarray,
        exact: bool,
        same_birth_date: bool = False,
    ) -> None:
        """Free payroll rows (among `rows`) that are a person already paired: pair each with that
        person's BPJS row too.

        Many payroll rows may join one BPJS row here. Each row takes its best candidate; a row whose
        best score is shared by two BPJS rows is left free (not guessed). `same_birth_date`: the
        tier pairs only equal birth dates, so only the BPJS rows born on such a day are offered.
        """
        p_mask = self.p_free & rows
        b_mask = self.b_paired
        if same_birth_date:
            b_mask = b_mask & np.isin(self.b.birth, self.p.birth[p_mask & ~np.isnat(self.p.birth)])
        ppos, bpos = candidates(self.p, self.b, p_mask, b_mask)
        found = agreement(self.p, self.b, ppos, bpos, self.config)
        found = found[accept(found)]
        found = found.assign(score=1.0 if exact else found["name_score"] / 100.0, match_method=method)
        best = found.groupby("ppos")["score"].transform("max")
        found = found[found["score"] == best]
        found = found[~found["ppos"].duplicated(keep=False)]
        self.pairs.append(found)
        self.p_free[found["ppos"].to_numpy(np.int64)] = False


def _every_row_of(chosen: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """The candidates of `found` whose person and BPJS row are among `chosen` (without `_person`)."""
    keys = chosen[["_person", "bpos"]].drop_duplicates()
    return found.merge(keys, on=["_person", "bpos"]).drop(columns="_person")


def _date(value: np.datetime64) -> str:
    return "unknown" if np.isnat(value) else str(value)[:10]


def _different_person(p: SideKeys, b: SideKeys, conflicts: pd.DataFrame, key_name: str) -> list[str]:
    ppos, bpos = conflicts["ppos"].to_numpy(np.int64), conflicts["bpos"].to_numpy(np.int64)
    return [
        f"same {key_name}, different person: names '{p_name}' / '{b_name}' "
        f"(score {score:.0f}) and birth dates {_date(p_birth)} / {_date(b_birth)} disagree"
        for p_name, b_name, score, p_birth, b_birth in zip(
            p.names_at(ppos),
            b.names_at(bpos),
            conflicts["name_score"],
            p.birth[ppos],
            b.birth[bpos],
            strict=True,
        )
    ]


def _tie_details(tied: pd.DataFrame, method: str) -> list[str]:
    per_p = tied.groupby("ppos")["bpos"].transform("size")
    per_b = tied.groupby("bpos")["ppos"].transform("size")
    return [
        f"{method}: tie not guessed ({nb} equally good BPJS candidate(s) for this payroll row, "
        f"{np_} payroll candidate(s) for this BPJS row, score {s:.2f})"
        for nb, np_, s in zip(per_p, per_b, tied["score"], strict=True)
    ]


def _labelled(frames: list[pd.DataFrame], p: SideKeys, b: SideKeys) -> pd.DataFrame | None:
    frames = [f for f in frames if len(f)]
    if not frames:
        return None
    out = pd.concat(frames, ignore_index=True)
    out["payroll_idx"] = p.labels[out["ppos"].to_numpy(np.int64)]
    out["bpjs_idx"] = b.labels[out["bpos"].to_numpy(np.int64)]
    return out


def match_identities(payroll: pd.DataFrame, bpjs: pd.DataFrame, config: ReconConfig) -> r.IdentityMatch:
    """Pair payroll rows with BPJS rows (see the module docstring for the tiers).

    `payroll` / `bpjs` are normalised frames (reconcile.model) without rejected rows; their index
    labels are kept as `payroll_idx` / `bpjs_idx`.
    """
    p, b = prepare_sides(payroll, bpjs)
    state = _State(p, b, config)
    state.exact_tier(r.NIK, p.nik, p.nik_valid, b.nik, b.nik_valid, r.SAME_NIK_DIFFERENT_PERSON, "NIK")
    state.exact_tier(r.KPJ, p.kpj, p.kpj_valid, b.kpj, b.kpj_valid, r.SAME_KPJ_DIFFERENT_PERSON, "KPJ")
    excel_agrees = name_and_birth_or_nik_date_agree
    state.one_to_one_tier(r.NIK_EXCEL_PRECISION, excel_precision_candidates, excel_agrees)
    state.one_to_one_tier(r.NIK_TYPO, typo_candidates, both_agree)

    def name_pairs(found: pd.DataFrame) -> np.ndarray:
        # Candidates share the birth date by construction; the name alone must carry the pairing.
        return (found["name_score"] >= config.name_pair_score).to_numpy(bool)

    state.one_to_one_tier(r.NAME_BIRTH_DATE, birth_date_candidates, name_pairs)

    def same_kpj(
        p: SideKeys, b: SideKeys, p_free: np.ndarray, b_paired: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        return exact_join(p.kpj, p.kpj_valid & p_free, b.kpj, b.kpj_valid & b_paired)

    def not_another_person(found: pd.DataFrame) -> np.ndarray:
        return ~both_disagree(found)

    # Repeats: only rows whose own NIK cannot say who they are. A row with a valid NIK of its own
    # that differs from the paired person's (even by one digit: two namesakes born the same day in
    # one district differ only in the serial) is another person, never a repeat.
    everyone = np.ones(len(p), dtype=bool)
    state.repeat_tier(r.KPJ, same_kpj, not_another_person, everyone, exact=True)
    state.repeat_tier(r.NIK_EXCEL_PRECISION, excel_precision_candidates, excel_agrees, everyone, exact=False)
    same_day_and_letter = partial(birth_date_candidates, large_block_pairs=0)
    state.repeat_tier(
        r.NAME_BIRTH_DATE, same_day_and_letter, name_pairs, ~p.nik_valid, exact=False, same_birth_date=True
    )

    pairs = _labelled(state.pairs, p, b)
    conflicts = _labelled(state.conflicts, p, b)
    return r.IdentityMatch(
        pairs=r.empty_pairs() if pairs is None else r.typed_pairs(pairs),
        conflicts=r.empty_conflicts() if conflicts is None else r.typed_conflicts(conflicts),
    )
