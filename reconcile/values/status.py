"""Participation status: "AKTIF", "NON AKTIF", or <NA> when blank."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from reconcile.values.blank import is_blank
from reconcile.values.unique import map_unique, spread
from reconcile.values.unreadable import UnreadableValue

ACTIVE = "AKTIF"
INACTIVE = "NON AKTIF"
STATUSES = (ACTIVE, INACTIVE)

# Keys are upper case with spaces, dashes, dots and underscores removed.
_KNOWN: dict[str, str] = {
    **dict.fromkeys(["AKTIF", "A", "ACTIVE", "AKTIV"], ACTIVE),
    **dict.fromkeys(
        ["NONAKTIF", "NA", "N", "TIDAKAKTIF", "INACTIVE", "NONACTIVE", "TIDAKAKTIV", "NONAKTIV"], INACTIVE
    ),
}
_NOISE = re.compile(r"[\s\-._]+")
#: "NONAKTIF (KELUAR)": the reason in brackets does not change the status.
_REASON = re.compile(r"\(.*\)\s*$")


def parse_status(value: Any) -> str | None:
    """One status cell as "AKTIF" / "NON AKTIF"; None when blank. Raises UnreadableValue otherwise."""
    if is_blank(value):
        return None
    key = _NOISE.sub("", _REASON.sub("", str(value))).upper()
    try:
        return _KNOWN[key]
    except KeyError:
        raise UnreadableValue("unknown status") from None


def _parse_or_flag(value: Any) -> tuple[str | None, bool]:
    try:
        return parse_status(value), False
    except UnreadableValue:
        return None, True


def parse_statuses(values: pd.Series) -> pd.DataFrame:
    """`parse_status` over a column: `status` ("string", <NA> when blank/unknown), `unknown` (bool)."""
    codes, results = map_unique(values, _parse_or_flag)
    return pd.DataFrame(
        {
            "status": pd.array(spread(codes, [s for s, _ in results]), dtype="string"),
            "unknown": spread(codes, [u for _, u in results], dtype=bool),
        },
        index=values.index,
    )
