"""What identity resolution returns: the pairs it made and the conflicts it refused to guess."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import pandas as pd

#: `match_method` values, in tier order. Exact tiers may pair many-to-many; the others one-to-one.
NIK: Final = "nik"
KPJ: Final = "kpj"
NIK_EXCEL_PRECISION: Final = "nik_excel_precision"
NIK_TYPO: Final = "nik_typo"
NAME_BIRTH_DATE: Final = "name_birth_date"
MATCH_METHODS: Final = (NIK, KPJ, NIK_EXCEL_PRECISION, NIK_TYPO, NAME_BIRTH_DATE)
EXACT_METHODS: Final = frozenset({NIK})

#: Conflict kinds. Same key, different person: name and birth date both disagree, so the rows are
#: not paired (the payroll worker may be uninsured). Ambiguous: a tie a fuzzy tier cannot break.
SAME_NIK_DIFFERENT_PERSON: Final = "same_nik_different_person"
SAME_KPJ_DIFFERENT_PERSON: Final = "same_kpj_different_person"
AMBIGUOUS: Final = "ambiguous"
CONFLICT_KINDS: Final = (SAME_NIK_DIFFERENT_PERSON, SAME_KPJ_DIFFERENT_PERSON, AMBIGUOUS)

#: `score` is 0-1 (1.0 for the exact tiers; the name score / 100 for the others).
#: `*_agrees` are nullable booleans: <NA> when one side lacks the value.
PAIR_COLUMNS: Final = [
    "payroll_idx",
    "bpjs_idx",
    "match_method",
    "score",
    "name_agrees",
    "birth_date_agrees",
    "nik_agrees",
]

#: One row per (payroll row, BPJS row) in conflict; an ambiguous tie lists every candidate.
#: `match_method` names the tier where the conflict arose, `score` is that tier's score.
CONFLICT_COLUMNS: Final = ["payroll_idx", "bpjs_idx", "kind", "detail", "match_method", "score"]


def empty_pairs() -> pd.DataFrame:
    return typed_pairs(pd.DataFrame({c: [] for c in PAIR_COLUMNS}))


def empty_conflicts() -> pd.DataFrame:
    return typed_conflicts(pd.DataFrame({c: [] for c in CONFLICT_COLUMNS}))


def typed_pairs(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[PAIR_COLUMNS].astype(
        {
            "payroll_idx": "int64",
            "bpjs_idx": "int64",
            "match_method": "str",
            "score": "float64",
            "name_agrees": "boolean",
            "birth_date_agrees": "boolean",
            "nik_agrees": "boolean",
        }
    )


def typed_conflicts(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[CONFLICT_COLUMNS].astype(
        {
            "payroll_idx": "int64",
            "bpjs_idx": "int64",
            "kind": "str",
            "detail": "str",
            "match_method": "str",
            "score": "float64",
        }
    )


@dataclass(frozen=True)
class IdentityMatch:
    """Pairs (PAIR_COLUMNS) and conflicts (CONFLICT_COLUMNS); `*_idx` are the input index labels.

    A row appears in at most one tier's pairs. Rows named by an "ambiguous" conflict are in no
    pair; rows named by a "same_*_different_person" conflict may still be paired by a later tier.
    """

    pairs: pd.DataFrame
    conflicts: pd.DataFrame

    def methods(self) -> pd.Series:
        """Pairs per match_method, every method present (zeros included)."""
        counts = self.pairs["match_method"].value_counts()
        return counts.reindex(list(MATCH_METHODS), fill_value=0)
