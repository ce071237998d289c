"""Hypothesis invariants: the order of rows changes no pair and no conflict."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.config import ReconConfig
from reconcile.identity import IdentityMatch, match_identities
from tests.identity.synthetic import generate
from tests.identity.tables import side_frame

DATA = generate(n_people=400, seed=7, dirty=0.08)
# A tie, a greedy trap and a same-NIK conflict: the invariant also covers the solver's edge cases.
TIE_PAYROLL = side_frame(
    """
| idx | nik | name        | birth      |
| -1  |     | Siti Aminah | 1990-01-05 |
| -2  |     | SUPRIYADI   | 1991-01-05 |
| -3  |     | SUPRIYADIH  | 1991-01-05 |
| -4  | 1871010203850002 | Joko Susilo | 1970-01-01 |
""",
    "payroll",
)
TIE_BPJS = side_frame(
    """
| idx | nik              | name        | birth      |
| -11 | 1871014501900001 | SITI AMINAH | 1990-01-05 |
| -12 | 1871014501900002 | SITI AMINAH | 1990-01-05 |
| -13 | 1871014501910003 | SUPRIYADI   | 1991-01-05 |
| -14 | 1871014501910004 | SUPRIADI    | 1991-01-05 |
| -15 | 1871010203850002 | RINA WATI   | 1988-08-08 |
""",
    "bpjs",
)
PAYROLL = pd.concat([DATA.payroll, TIE_PAYROLL[DATA.payroll.columns]])
BPJS = pd.concat([DATA.bpjs, TIE_BPJS[DATA.bpjs.columns]])
CONFIG = ReconConfig()


def flat(m: IdentityMatch) -> tuple[list, list]:
    pairs = m.pairs.sort_values(["payroll_idx", "bpjs_idx"]).astype(object).values.tolist()
    conflicts = m.conflicts.sort_values(["payroll_idx", "bpjs_idx", "kind"])
    return pairs, conflicts.drop(columns="detail").astype(object).values.tolist()


BASELINE = flat(match_identities(PAYROLL, BPJS, CONFIG))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32 - 1), st.integers(0, 2**32 - 1))
def test_row_order_changes_nothing(p_seed: int, b_seed: int) -> None:
    payroll = PAYROLL.iloc[np.random.default_rng(p_seed).permutation(len(PAYROLL))]
    bpjs = BPJS.iloc[np.random.default_rng(b_seed).permutation(len(BPJS))]
    assert flat(match_identities(payroll, bpjs, CONFIG)) == BASELINE


def test_baseline_covers_ties_and_every_tier() -> None:
    pairs, conflicts = BASELINE
    assert {c[2] for c in conflicts} >= {"ambiguous", "same_nik_different_person"}
    assert {p[2] for p in pairs} == {"nik", "kpj", "nik_excel_precision", "nik_typo", "name_birth_date"}
