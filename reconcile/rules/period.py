"""Contribution periods ("YYYY-MM") as the rule tables and the command line write them.

Periods stay text: zero-padded "YYYY-MM" strings sort and compare in calendar order.
"""

from __future__ import annotations

import re

from reconcile.errors import InputError

_PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

#: Stands in for a blank `effective_to` (open-ended row) when comparing periods.
OPEN_END = "9999-12"


def is_period(text: str) -> bool:
    """True when `text` is a month written "YYYY-MM"."""
    return bool(_PERIOD.match(text))


def check_period(period: str) -> str:
    """The period itself, or an InputError saying what was expected."""
    if not isinstance(period, str) or not is_period(period):
        raise InputError(f"period: expected YYYY-MM (e.g. 2018-02), found {period!r}")
    return period
