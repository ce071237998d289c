"""What an uninsured worker's heirs lose if the worker dies in a work accident: exposure.

Exposure = JKK death multiplier x monthly wage + JKK funeral money + JKK periodic compensation,
from the benefit rows in force at the period. Scholarships are left out: they depend on children.
For a BPU participant pass the declared income, not the real wage (the 48x applies to it).
A missing wage counts 0 for the multiplier part, so the figure is a lower bound; the manifest
record of the multiplier says how many workers that was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from reconcile.errors import InputError
from reconcile.rules.period import check_period
from reconcile.rules.rulebook import RuleBook
from reconcile.rules.rupiah import round_rupiah
from reconcile.rules.tables import SPECS

#: The benefit rows that make up the exposure, with the unit each must have.
EXPOSURE_BENEFITS = {"jkk_death_multiplier": "x_wage", "jkk_funeral": "idr", "jkk_periodic": "idr"}


@dataclass(frozen=True, eq=False)
class Exposure:
    """Unprotected benefit per worker (whole Rupiah, index as the wages given) and the rows used."""

    period: str
    amount: pd.Series
    rules_used: tuple[dict[str, Any], ...]


def exposure(period: str, monthly_wage: pd.Series, rules: RuleBook) -> Exposure:
    """Per-worker exposure for a work-accident death in `period`."""
    period = check_period(period)
    wages = pd.to_numeric(monthly_wage, errors="coerce").astype("float64")
    rows = {}
    for benefit, unit in EXPOSURE_BENEFITS.items():
        row = rules.row("benefits", period, benefit=benefit)
        if row["unit"] != unit:
            raise InputError(
                f"benefit {benefit} at {period}: expected unit {unit}, found {row['unit']!r}",
                path=str(rules.directory / SPECS["benefits"].file_name),
            )
        rows[benefit] = row
    missing = int(wages.isna().sum())
    multiplier = float(rows["jkk_death_multiplier"]["value"])
    fixed = float(rows["jkk_funeral"]["value"]) + float(rows["jkk_periodic"]["value"])
    amount = round_rupiah(wages.fillna(0.0) * multiplier + fixed)
    note = rows["jkk_death_multiplier"]["note"]
    if missing:
        note = f"{note} | {missing} worker(s) without a wage: multiplier part counted as 0 (lower bound)"
    used = (
        rules.used("benefits", rows["jkk_death_multiplier"], "value", note=note),
        rules.used("benefits", rows["jkk_funeral"], "value"),
        rules.used("benefits", rows["jkk_periodic"], "value"),
    )
    return Exposure(period=period, amount=amount, rules_used=used)
