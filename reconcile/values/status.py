"""Participation status: "AKTIF", "NON AKTIF", or <NA> when blank.

What offices and BPJS exports write is a data table, `reconcile/data/statuses.csv` (columns
written,status,note), so new spellings are a new line, not new code. Cells and table entries are
compared by `status_key`: upper case, without spaces, dashes, dots, underscores, slashes and
invisible characters, and without a trailing reason in brackets ("NON AKTIF (KELUAR)").
So "N/A", "N.A." and "NA" are one entry: NON AKTIF, as CONTRACT.md lists "AKTIF / NON AKTIF / NA".

Exit reasons written alone ("KELUAR", "MENINGGAL", "PENSIUN") mean the membership has ended: NON
AKTIF. Left out on purpose, because a status column may use them for something else: "TA",
"Y"/"T", "YA"/"TIDAK", "0"/"1". Such a cell is an unknown status, which the BPJS schema reports.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from reconcile.errors import InputError
from reconcile.values.blank import is_blank
from reconcile.values.invisible import without_invisible
from reconcile.values.unique import map_unique, spread
from reconcile.values.unreadable import UnreadableValue

ACTIVE = "AKTIF"
INACTIVE = "NON AKTIF"
STATUSES = (ACTIVE, INACTIVE)

STATUS_FILE = Path(__file__).resolve().parent.parent / "data" / "statuses.csv"

_NOISE = re.compile(r"[\s\-._/]+")
#: "NONAKTIF (KELUAR)": the reason in brackets does not change the status.
_REASON = re.compile(r"\(.*\)\s*$")


def status_key(text: str) -> str:
    """The comparable form of a status: "Non-Aktif " and "NONAKTIF" give "NONAKTIF"."""
    return _NOISE.sub("", _REASON.sub("", without_invisible(text))).upper()


@cache
def status_words(path: Path = STATUS_FILE) -> dict[str, str]:
    """`status_key` of every written form in the table -> AKTIF / NON AKTIF."""
    words: dict[str, str] = {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            written, status = row.get("written") or "", (row.get("status") or "").strip()
            key = status_key(written)
            if status not in STATUSES or not key:
                raise InputError(
                    f"line {line}: expected a written form and a status AKTIF or NON AKTIF, "
                    f"found {written!r}, {status!r}",
                    path=str(path),
                )
            if words.setdefault(key, status) != status:
                raise InputError(
                    f"line {line}: {written!r} is already listed as {words[key]!r}, not {status!r}",
                    path=str(path),
                )
    return words


def parse_status(value: Any) -> str | None:
    """One status cell as "AKTIF" / "NON AKTIF"; None when blank. Raises UnreadableValue otherwise."""
    if is_blank(value):
        return None
    try:
        return status_words()[status_key(str(value))]
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
