"""Region codes at the front of a NIK, from the data table reconcile/data/regions.csv."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


@cache
def regions() -> dict[str, str]:
    """Code -> name, for every province (2-digit) and regency/city (4-digit) in the table."""
    text = resources.files("reconcile").joinpath("data/regions.csv").read_text(encoding="utf-8")
    return {row["code"]: row["name"] for row in csv.DictReader(text.splitlines())}


@cache
def province_codes() -> frozenset[str]:
    """The two-digit province codes a NIK may start with."""
    return frozenset(code for code in regions() if len(code) == 2)
