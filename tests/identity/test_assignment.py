"""One-to-one tiers: the assignment is global, and a genuine tie is reported, never guessed."""

from __future__ import annotations

import pandas as pd

from reconcile.config import ReconConfig
from reconcile.identity import match_identities, name_score
from reconcile.identity.assignment import assign_one_to_one
from tests.identity.tables import outcome, side_frame

CONFIG = ReconConfig()


def candidates(rows: list[tuple[int, int, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["ppos", "bpos", "score"])


def edges(frame: pd.DataFrame) -> set[tuple[int, int]]:
    return set(zip(frame["ppos"], frame["bpos"], strict=True))


def test_global_beats_greedy() -> None:
    # Greedy takes the best edge (0, 0) and leaves payroll 1 alone; the global optimum pairs both.
    pairs, tied = assign_one_to_one(candidates([(0, 0, 1.0), (0, 1, 0.94), (1, 0, 0.95)]))
    assert edges(pairs) == {(0, 1), (1, 0)}
    assert tied.empty


def test_tie_is_not_guessed_but_an_unrelated_forced_edge_is_kept() -> None:
    pairs, tied = assign_one_to_one(candidates([(0, 0, 0.95), (1, 0, 0.95), (2, 2, 0.93)]))
    assert edges(pairs) == {(2, 2)}
    assert edges(tied) == {(0, 0), (1, 0)}


def test_a_tie_broken_by_the_rest_of_the_component_is_no_tie() -> None:
    # Payroll 0 scores the same against both, but only BPJS 0 is open to payroll 1.
    pairs, tied = assign_one_to_one(candidates([(0, 0, 0.95), (0, 1, 0.95), (1, 0, 0.95)]))
    assert edges(pairs) == {(0, 1), (1, 0)}
    assert tied.empty


def test_a_two_by_two_square_of_equal_scores_is_ambiguous() -> None:
    square = [(0, 0, 0.95), (0, 1, 0.95), (1, 0, 0.95), (1, 1, 0.95)]
    pairs, tied = assign_one_to_one(candidates(square))
    assert pairs.empty and len(tied) == 4


def test_a_losing_edge_is_neither_paired_nor_tied() -> None:
    pairs, tied = assign_one_to_one(candidates([(0, 0, 1.0), (1, 0, 0.93)]))
    assert edges(pairs) == {(0, 0)} and tied.empty


PAYROLL_GREEDY = """
| idx | nik | name        | birth      |
| 1   |     | SUPRIYADI   | 1990-01-05 |
| 2   |     | SUPRIYADIH  | 1990-01-05 |
"""
BPJS_GREEDY = """
| idx | nik              | name       | birth      |
| 11  | 1871014501900001 | SUPRIYADI  | 1990-01-05 |
| 12  | 1871014501900002 | SUPRIADI   | 1990-01-05 |
"""


def test_match_identities_assigns_globally() -> None:
    a, b = ["SUPRIYADI", "SUPRIYADI", "SUPRIYADIH", "SUPRIYADIH"], ["SUPRIYADI", "SUPRIADI"] * 2
    s = name_score(a, b)
    # The premise: greedy would take 1-11 (100) and leave 2 with nobody above the pair threshold.
    assert s[0] == 100 and s[1] >= CONFIG.name_pair_score and s[2] >= CONFIG.name_pair_score
    assert s[3] < CONFIG.name_pair_score
    m = match_identities(side_frame(PAYROLL_GREEDY, "payroll"), side_frame(BPJS_GREEDY, "bpjs"), CONFIG)
    assert outcome(m.pairs) == {1: "12 name_birth_date", 2: "11 name_birth_date"}


def test_tie_in_a_fuzzy_tier_becomes_ambiguous_conflicts() -> None:
    payroll = side_frame(
        """
| idx | nik | name        | birth      |
| 1   |     | Siti Aminah | 1990-01-05 |
""",
        "payroll",
    )
    bpjs = side_frame(
        """
| idx | nik              | name        | birth      |
| 11  | 1871014501900001 | SITI AMINAH | 1990-01-05 |
| 12  | 1871014501900002 | Hj. SITI AMINAH | 1990-01-05 |
""",
        "bpjs",
    )
    m = match_identities(payroll, bpjs, CONFIG)
    assert m.pairs.empty
    conflicts = m.conflicts.sort_values("bpjs_idx")
    assert conflicts[["payroll_idx", "bpjs_idx", "kind", "match_method"]].values.tolist() == [
        [1, 11, "ambiguous", "name_birth_date"],
        [1, 12, "ambiguous", "name_birth_date"],
    ]
    assert "2 equally good BPJS candidate(s)" in conflicts["detail"].iloc[0]


def test_tied_rows_are_not_offered_to_later_tiers() -> None:
    # Payroll 1's NIK is one typo away from two BPJS rows of the same person: a tie in nik_typo.
    # Tier name_birth_date must not then pair it with either.
    payroll = side_frame(
        """
| idx | nik              | name        | birth      |
| 1   | 1871014501900001 | Siti Aminah | 1990-01-05 |
""",
        "payroll",
    )
    bpjs = side_frame(
        """
| idx | nik              | name        | birth      |
| 11  | 1871014501900002 | SITI AMINAH | 1990-01-05 |
| 12  | 1871014501900003 | SITI AMINAH | 1990-01-05 |
""",
        "bpjs",
    )
    m = match_identities(payroll, bpjs, CONFIG)
    assert m.pairs.empty
    assert set(m.conflicts["match_method"]) == {"nik_typo"} and len(m.conflicts) == 2
