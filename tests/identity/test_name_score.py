"""name_score: variants score 100, a dropped word scores high but below agreement, others low."""

from __future__ import annotations

import numpy as np
import pytest

from reconcile.config import ReconConfig
from reconcile.identity import name_score, normalize_name

AGREE = ReconConfig().name_agree_score


def score(a: str, b: str) -> float:
    return float(name_score([normalize_name(a)], [normalize_name(b)])[0])


@pytest.mark.parametrize(
    "a, b",
    [
        ("Hj. Siti Aminah, S.Pd", "SITI AMINAH"),
        ("SITI NURHALIZA", "SITI NUR HALIZA"),  # spacing inside a name
        ("AMINAH SITI", "SITI AMINAH"),  # word order
    ],
)
def test_variants_score_100(a: str, b: str) -> None:
    assert score(a, b) == 100.0


def test_one_letter_typo_agrees() -> None:
    assert AGREE <= score("SUPRIYADI", "SUPRIADI") < 100.0


def test_single_word_prefix_is_high_but_not_agreement() -> None:
    s = score("SITI", "SITI AMINAH")
    assert 80.0 <= s < AGREE
    assert score("AMINAH", "SITI AMINAH") < s  # a word dropped from the front counts less


def test_distinct_people_score_low() -> None:
    assert score("SITI AMINAH", "SITI ROMLAH") < 80.0
    assert score("ANI", "ANA") < 80.0


def test_empty_name_scores_zero_and_shapes_must_align() -> None:
    assert list(name_score(["", "SITI"], ["SITI", ""])) == [0.0, 0.0]
    assert name_score([], []).shape == (0,)
    with pytest.raises(ValueError):
        name_score(["A"], ["A", "B"])


def test_scores_are_symmetric() -> None:
    a = np.array(["SITI", "MHD RIZKI", "BUDI SANTOSO"], dtype=object)
    b = np.array(["SITI AMINAH", "RIZKI", "BUDI SANTOSA"], dtype=object)
    assert np.array_equal(name_score(a, b), name_score(b, a))


def test_equal_keys_score_100_and_empty_keys_0_beside_other_pairs() -> None:
    scores = name_score(["SITI AMINAH", "", "AMINAH SITI", "SITI"], ["SITI AMINAH", "", "SITI AMINAH", ""])
    assert scores.tolist() == [100.0, 0.0, 100.0, 0.0]
    keys = np.array(["BUDI", "RINA"], dtype=object)
    assert name_score(keys, keys).tolist() == name_score(["BUDI", "RINA"], ["BUDI", "RINA"]).tolist()
