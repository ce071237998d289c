"""Ageing of findings across periods: first_seen, age_months and status from the ledger."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.ledger import HISTORY_COLUMNS, Ledger, apply_history
from tests.ledger.frames import findings, record


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return Ledger.open(None, tmp_path)


def _history(frame, period, ledger) -> list[tuple[str, str, int, str]]:
    out = apply_history(frame, period, ledger)
    return list(
        zip(out["finding_id"], out["first_seen"], out["age_months"].astype(int), out["status"], strict=True)
    )


def test_same_finding_in_the_next_period_is_two_months_old(ledger: Ledger) -> None:
    record(ledger, "2018-01", apply_history(findings(("a", "UNREGISTERED")), "2018-01", ledger))
    now = findings(("a", "UNREGISTERED"), ("b", "NOT_ON_PAYROLL"))
    assert _history(now, "2018-02", ledger) == [("a", "2018-01", 2, "open"), ("b", "2018-02", 1, "new")]


def test_age_counts_every_consecutive_month(ledger: Ledger) -> None:
    for period in ("2017-11", "2017-12", "2018-01"):
        record(ledger, period, findings(("a", "INACTIVE")))
    assert _history(findings(("a", "INACTIVE")), "2018-02", ledger) == [("a", "2017-11", 4, "open")]


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        # absent in 2018-01 although that month ran: the chain breaks; it was first seen in 2017-12
        ({"2017-12": ["a"], "2018-01": ["other"]}, ("a", "2017-12", 1, "reopened")),
        # 2018-01 never ran: a month without a run breaks the chain too
        ({"2017-12": ["a"]}, ("a", "2017-12", 1, "reopened")),
        # reappeared after a gap: the age counts from the reappearance, first_seen is the first sighting
        ({"2017-11": ["a"], "2017-12": ["other"], "2018-01": ["a"]}, ("a", "2017-11", 2, "open")),
        # seen only after this period (a re-run of an earlier month): not seen before it
        ({"2018-03": ["a"]}, ("a", "2018-02", 1, "new")),
    ],
)
def test_a_gap_month_resets_the_age(ledger: Ledger, history: dict, expected: tuple) -> None:
    for period, ids in history.items():
        record(ledger, period, findings(*[(i, "UNREGISTERED") for i in ids]))
    assert _history(findings(("a", "UNREGISTERED")), "2018-02", ledger) == [expected]


def test_a_rerun_of_the_same_period_does_not_age_its_findings(ledger: Ledger) -> None:
    record(ledger, "2018-02", findings(("a", "UNREGISTERED")))
    assert _history(findings(("a", "UNREGISTERED")), "2018-02", ledger) == [("a", "2018-02", 1, "new")]


def test_only_successful_runs_count_and_the_latest_one_wins(ledger: Ledger) -> None:
    record(ledger, "2018-01", findings(("a", "UNREGISTERED")), status="failed")
    assert _history(findings(("a", "UNREGISTERED")), "2018-02", ledger)[0][2] == 1
    record(ledger, "2018-01", findings(("a", "UNREGISTERED")))
    record(ledger, "2018-01", findings(("b", "UNREGISTERED")))  # a later, corrected run of 2018-01
    assert _history(findings(("a", "UNREGISTERED")), "2018-02", ledger)[0][2] == 1


def test_duplicate_rows_of_one_finding_share_its_history(ledger: Ledger) -> None:
    record(ledger, "2018-01", findings(("d", "DUPLICATE_PARTICIPANT"), ("d", "DUPLICATE_PARTICIPANT")))
    now = findings(("d", "DUPLICATE_PARTICIPANT"), ("d", "DUPLICATE_PARTICIPANT"))
    assert [h[2] for h in _history(now, "2018-02", ledger)] == [2, 2]


def test_contract_columns_keep_their_order_and_history_columns_follow(ledger: Ledger) -> None:
    frame = findings(("a", "UNREGISTERED"))
    out = apply_history(frame, "2018-02", ledger)
    assert list(out.columns) == [*frame.columns, *HISTORY_COLUMNS]
    assert str(out["age_months"].dtype) == "Int64"
