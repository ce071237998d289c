"""The month a BPJS row's own period cell names (PERIODE per row), in the forms offices write it."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from reconcile.values.billing_period import parse_billing_period, parse_billing_periods


@pytest.mark.parametrize(
    "cell",
    [
        "04-2024",
        "4/2024",
        "2024-04",
        "202404",
        202404,
        "APRIL 2024",
        "Apr-24",
        "april, 2024",
        "01-04-2024",
        dt.date(2024, 4, 1),
        dt.datetime(2024, 4, 30),
        45383.0,
    ],
)
def test_april_2024_in_every_form(cell: object) -> None:
    assert parse_billing_period(cell) == "2024-04"


@pytest.mark.parametrize("cell", [None, "", "-", "TUNGGAKAN", "13-2024", 7])
def test_a_cell_naming_no_month_gives_none(cell: object) -> None:
    assert parse_billing_period(cell) is None


def test_the_column_form_keeps_the_index() -> None:
    cells = pd.Series(["Mei 2024", None, "Mei 2024"], index=[5, 6, 7])
    assert parse_billing_periods(cells).tolist() == ["2024-05", pd.NA, "2024-05"]
    assert list(parse_billing_periods(cells).index) == [5, 6, 7]
