"""Linkage quality on a synthetic set with planted dirty keys: precision and recall per tier."""

from __future__ import annotations

import pandas as pd
import pytest

from reconcile.config import ReconConfig
from reconcile.identity import MATCH_METHODS, IdentityMatch, match_identities
from tests.identity.synthetic import SyntheticSet, generate


@pytest.fixture(scope="module", params=[0, 1])
def run(request: pytest.FixtureRequest) -> tuple[SyntheticSet, IdentityMatch]:
    # ~3,000 people, 3% of them per dirty kind: about 60-100 planted cases per fuzzy tier, so one
    # miss more than the 2% allowance would fail the test.
    data = generate(n_people=3000, seed=request.param, dirty=0.03)
    return data, match_identities(data.payroll, data.bpjs, ReconConfig())


def per_tier(data: SyntheticSet, m: IdentityMatch) -> pd.DataFrame:
    keys = ["payroll_idx", "bpjs_idx"]
    found = m.pairs.merge(data.truth, on=keys, how="left")
    precision = found.assign(ok=found["planted"].notna()).groupby("match_method")["ok"].mean()
    truth = data.truth.merge(m.pairs, on=keys, how="left")
    hit = truth["match_method"] == truth["expected_method"]
    recall = truth.assign(ok=hit).groupby("expected_method")["ok"].mean()
    return pd.DataFrame({"precision": precision, "recall": recall}).reindex(list(MATCH_METHODS))


def test_every_tier_is_planted_and_found(run: tuple[SyntheticSet, IdentityMatch]) -> None:
    data, m = run
    assert set(data.truth["expected_method"]) == set(MATCH_METHODS)
    assert (m.methods() > 0).all()


def test_precision_and_recall_per_tier(run: tuple[SyntheticSet, IdentityMatch]) -> None:
    scores = per_tier(*run)
    assert (scores >= 0.98).all().all(), scores
    assert scores.loc["nik", "precision"] == 1.0


def test_same_nik_different_person_is_a_conflict_not_a_pair(run: tuple[SyntheticSet, IdentityMatch]) -> None:
    data, m = run
    assert len(data.conflicts) > 0
    found = m.conflicts[m.conflicts["kind"] == "same_nik_different_person"]
    planted = set(zip(data.conflicts["payroll_idx"], data.conflicts["bpjs_idx"], strict=True))
    assert set(zip(found["payroll_idx"], found["bpjs_idx"], strict=True)) == planted
    assert not set(m.pairs["payroll_idx"]) & set(data.conflicts["payroll_idx"])


def test_one_to_one_tiers_use_each_row_once(run: tuple[SyntheticSet, IdentityMatch]) -> None:
    _, m = run
    fuzzy = m.pairs[m.pairs["match_method"] != "nik"]
    assert not fuzzy["payroll_idx"].duplicated().any()
    assert not fuzzy["bpjs_idx"].duplicated().any()
    later = m.pairs[~m.pairs["match_method"].isin(["nik", "kpj"])]
    exact = m.pairs[m.pairs["match_method"].isin(["nik", "kpj"])]
    assert not set(later["payroll_idx"]) & set(exact["payroll_idx"])
    assert not set(later["bpjs_idx"]) & set(exact["bpjs_idx"])
