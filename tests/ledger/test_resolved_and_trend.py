"""What was resolved since the previous period, and the month-over-month trend figures."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from reconcile.ledger import Ledger, add_annotation, period_figures, resolved_since_previous, trend
from tests.ledger.frames import findings, record


def test_resolved_lists_the_previous_periods_findings_that_are_gone(tmp_path: Path) -> None:
    ledger = Ledger.open(None, tmp_path)
    record(
        ledger, "2018-01", findings(("a", "UNREGISTERED"), ("b", "NOT_ON_PAYROLL", 16800), ("c", "INACTIVE"))
    )
    add_annotation(ledger, "b", "keluar Januari", "analyst")
    gone = resolved_since_previous("2018-02", {"a"}, ledger)
    assert list(zip(gone["finding_id"], gone["category"], gone["period"], strict=True)) == [
        ("b", "NOT_ON_PAYROLL", "2018-01"),
        ("c", "INACTIVE", "2018-01"),
    ]
    assert gone.loc[0, "billed_idr"] == 16800
    assert gone.loc[0, "name"] == "person b"
    assert list(gone["explained"]) == ["keluar Januari", ""]


def test_resolved_compares_with_the_latest_recorded_period_before_this_one(tmp_path: Path) -> None:
    ledger = Ledger.open(None, tmp_path)
    record(ledger, "2017-11", findings(("old", "UNREGISTERED")))
    record(ledger, "2017-12", findings(("a", "UNREGISTERED")))  # 2018-01 never ran
    record(ledger, "2018-03", findings(("later", "UNREGISTERED")))  # a later month is not "previous"
    assert list(resolved_since_previous("2018-02", set(), ledger)["finding_id"]) == ["a"]


def test_nothing_is_resolved_in_the_first_recorded_period(tmp_path: Path) -> None:
    gone = resolved_since_previous("2018-02", {"a"}, Ledger.open(None, tmp_path))
    assert gone.empty
    assert {"finding_id", "category", "explained"} <= set(gone.columns)


def test_period_figures_follow_the_summary_definition_of_overpayment() -> None:
    frame = findings(
        ("u", "UNREGISTERED"),
        ("i", "INACTIVE"),
        ("n", "NOT_ON_PAYROLL", 16800),
        ("p", "PREMIUM_MISMATCH", 20000, 3200),  # over-billed: counts
        ("q", "PREMIUM_MISMATCH", 10000, -6800),  # under-billed: not an overpayment
        ("d", "DUPLICATE_PARTICIPANT", 16800),  # one person registered twice: one bill is due,
        ("d", "DUPLICATE_PARTICIPANT", 16800),  # the second is double billing
        ("w", "WAGE_MISMATCH", 0, 1000000),
    )
    assert period_figures(frame) == {"gaps": 2, "overpayment_idr": 16800 + 3200 + 16800, "findings": 8}


def test_trend_covers_recorded_months_in_the_window_and_this_runs_findings(tmp_path: Path) -> None:
    ledger = Ledger.open(None, tmp_path)
    record(ledger, "2017-01", findings(("x", "UNREGISTERED")))  # outside a 12-month window
    record(ledger, "2017-12", findings(("a", "UNREGISTERED"), ("b", "NOT_ON_PAYROLL", 16800)))
    record(ledger, "2018-02", findings(("stale", "UNREGISTERED")))  # replaced by `current`
    current = findings(("a", "UNREGISTERED"), ("c", "INACTIVE"))
    expected = pd.DataFrame(
        {
            "period": ["2017-12", "2018-02"],
            "gaps": [1, 2],
            "overpayment_idr": [16800.0, 0.0],
            "findings": [2, 2],
        }
    )
    pd.testing.assert_frame_equal(trend(ledger, "2018-02", months=12, current=current), expected)
