"""Which rows of a dated rule table are in force in a period, and how a used row is recorded.

A row is in force when effective_from <= period <= effective_to (blank = open-ended). When several
rows with the same key are in force, the one with the latest effective_from wins: an analyst adds a
row with a later effective_from and it takes over from that month, without editing older rows.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from reconcile.rules.period import OPEN_END


def rows_in_force(frame: pd.DataFrame, period: str, keys: tuple[str, ...]) -> pd.DataFrame:
    """One row per key: the in-force row with the latest effective_from."""
    until = frame["effective_to"].where(frame["effective_to"] != "", OPEN_END)
    live = frame[(frame["effective_from"] <= period) & (until >= period)]
    live = live.sort_values("effective_from", kind="stable")
    if keys:
        return live.drop_duplicates(list(keys), keep="last")
    return live.tail(1)


def describe_key(row: pd.Series, keys: tuple[str, ...]) -> str:
    """A row's key as "program=JKK risk_group=I jkp=no" (blank parts left out)."""
    parts = [f"{k}={plain(row[k])}" for k in keys if row[k] != ""]
    return " ".join(parts) or "(single row)"


def plain(value: Any) -> Any:
    """A JSON-friendly scalar: whole floats become int, numpy scalars become Python ones."""
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def rule_used(
    table: str, row: pd.Series, keys: tuple[str, ...], column: str, note: str | None = None
) -> dict[str, Any]:
    """The record of one value taken from one table row, for the manifest."""
    return {
        "table": table,
        "key": describe_key(row, keys),
        "column": column,
        "effective_from": row["effective_from"],
        "effective_to": row["effective_to"],
        "value": plain(row[column]),
        "regulation": row["regulation"],
        "verified": row["verified"] == "yes",
        "note": row["note"] if note is None else note,
    }
