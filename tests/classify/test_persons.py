"""Persons on the payroll: one key per person, and coverage rolled up from rows to persons."""

from __future__ import annotations

import pandas as pd

from reconcile.classify.coverage import person_coverage
from reconcile.classify.facts import Persons

A, B = "1871010101850001", "1871010101850002"


def test_rows_roll_up_to_persons_in_order_of_first_appearance() -> None:
    payroll = pd.DataFrame(
        {
            "nik": pd.array([A, B, A, None], dtype="string"),
            "nik_valid": [True, True, True, False],
            "kpj": pd.array([None] * 4, dtype="string"),
            "kpj_valid": False,
            "name": pd.array(["Siti", "Budi", "Siti", "Hj. Siti Aminah"], dtype="string"),
            "birth_date": pd.to_datetime(["1985-01-01", "1985-01-01", "1985-01-01", "1990-02-03"]),
        },
        index=[5, 6, 7, 8],
    )
    persons = Persons.of(payroll)
    assert persons.keys.tolist() == [f"N:{A}", f"N:{B}", "B:SITI AMINAH|1990-02-03"]
    assert persons.code.tolist() == [0, 1, 0, 2]

    pairs = pd.DataFrame({"payroll_idx": [7, 6], "bpjs_idx": [100, 101]})
    coverage = person_coverage(persons, pairs, pd.Series([True, False], index=[100, 101]))
    assert coverage.covered.tolist() == [True, False, False]
    assert coverage.paired.tolist() == [True, True, False]
    # The covered row speaks for A, although A's first row is 5; every Series shares one index.
    assert coverage.primary_row.tolist() == [7, 6, 8]
    assert coverage.primary_row.index.equals(coverage.covered.index)
