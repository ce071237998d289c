"""Participation status: "AKTIF", "NON AKTIF", or <NA> when blank; and what a status cell says of dates.

What offices and BPJS exports write is a data table, `reconcile/data/statuses.csv` (columns
written,status,note,reason), so new spellings are a new line, not new code. Cells and table entries
are compared by `status_key`: upper case, without spaces, dashes, dots, underscores, slashes and
invisible characters. So "N/A", "N.A." and "NA" are one entry: NON AKTIF, as CONTRACT.md lists
"AKTIF / NON AKTIF / NA".

A status is read by its leading words: the longest run of first words that is a table entry.
"Nonaktif per 01/03/2024", "KELUAR - MENGUNDURKAN DIRI" and "NON AKTIF (KELUAR)" are NON AKTIF;
"Aktif s/d 30-04-2024" is AKTIF. A date after the words says when:

- after a NON AKTIF status, it is when the registration ended (`end_date`, the last day covered);
  after a "from" word ("per", "sejak", "mulai", "TMT") it is the first day without cover, so the
  registration ended the day before ("Nonaktif per 01/05/2024" ends 30-04-2024);
- after AKTIF and an "until" word ("s/d", "sampai", `reconcile/data/status_date_words.csv`), it is
  when the registration ends (`end_date`); after AKTIF and a "since" word ("per", "sejak") or no
  word, when it started (`start_date`); after a word in neither list, nothing is read from it.

Exit reasons written alone ("KELUAR", "MENINGGAL", "PENSIUN") mean the membership has ended: NON
AKTIF. The table's `reason` column marks the words of a death ("deceased"), found anywhere in the
cell. Left out on purpose, because a status column may use them for something else: "TA",
"Y"/"T", "YA"/"TIDAK", "0"/"1". Such a cell, "Dalam Proses", a cell naming both statuses
("AKTIF/NON AKTIF") and a cell with a question mark ("AKTIF?") are an unknown status.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from reconcile.errors import InputError
from reconcile.values.blank import is_blank
from reconcile.values.dates import dates_to_column, parse_date
from reconcile.values.invisible import without_invisible
from reconcile.values.unique import map_unique, spread
from reconcile.values.unreadable import UnreadableValue

ACTIVE = "AKTIF"
INACTIVE = "NON AKTIF"
STATUSES = (ACTIVE, INACTIVE)
DECEASED = "deceased"
#: What a word before a date in a status says of it: "until" (the last day covered), "since" (a start,
#: or the day of the change, e.g. "Keluar tgl 30-04-2024"), "from" (the first day of the new state:
#: "Nonaktif per 01-05-2024" is covered through 30-04-2024).
UNTIL, SINCE, FROM = "until", "since", "from"

DATA = Path(__file__).resolve().parent.parent / "data"
STATUS_FILE = DATA / "statuses.csv"
DATE_WORD_FILE = DATA / "status_date_words.csv"

_NOISE = re.compile(r"[\s\-._/]+")
#: "NONAKTIF (KELUAR)": the reason in brackets does not change the status.
_REASON = re.compile(r"\(.*\)\s*$")
_WORD = re.compile(r"[^\W_]+")
#: A date inside a status text: 30-04-2024, 30/04/24, 2024-04-30, 30 April 2024.
_DATE_IN_TEXT = re.compile(
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
    r"|[0-9]{1,2}\s*[-/.]\s*[0-9]{1,2}\s*[-/.]\s*(?:[0-9]{4}|[0-9]{2})"
    r"|[0-9]{1,2}[-/.\s]+[A-Za-z]+\.?[-/.\s]+(?:[0-9]{4}|[0-9]{2})"
)


def status_key(text: str) -> str:
    """The comparable form of a status: "Non-Aktif " and "NONAKTIF" give "NONAKTIF"."""
    return _NOISE.sub("", _REASON.sub("", without_invisible(text))).upper()


@dataclass(frozen=True)
class StatusReading:
    """What one status cell says. `status` is None when blank or unknown (`unknown` tells them apart)."""

    status: str | None
    unknown: bool = False
    end_date: dt.date | None = None
    start_date: dt.date | None = None
    deceased: bool = False


@cache
def status_words(path: Path = STATUS_FILE) -> dict[str, str]:
    """`status_key` of every written form in the table -> AKTIF / NON AKTIF."""
    words: dict[str, str] = {}
    for line, row in _rows(path):
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


@cache
def deceased_words(path: Path = STATUS_FILE) -> tuple[str, ...]:
    """`status_key` of the written forms whose `reason` is "deceased"."""
    return tuple(
        status_key(row.get("written") or "")
        for _, row in _rows(path)
        if (row.get("reason") or "").strip() == DECEASED
    )


@cache
def date_words(path: Path = DATE_WORD_FILE) -> dict[str, str]:
    """`status_key` of every word that may stand before a date in a status -> "until" / "since"."""
    words: dict[str, str] = {}
    for line, row in _rows(path):
        written, role = row.get("written") or "", (row.get("role") or "").strip()
        key = status_key(written)
        if role not in (UNTIL, SINCE, FROM) or not key or words.setdefault(key, role) != role:
            raise InputError(
                f"line {line}: expected a new word and a role until or since, found {written!r}, {role!r}",
                path=str(path),
            )
    return words


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(enumerate(csv.DictReader(f), start=2))


def parse_status(value: Any) -> str | None:
    """One status cell as "AKTIF" / "NON AKTIF"; None when blank. Raises UnreadableValue otherwise."""
    reading = read_status(value)
    if reading.unknown:
        raise UnreadableValue("unknown status")
    return reading.status


def read_status(value: Any, *, today: dt.date | None = None) -> StatusReading:
    """One status cell: its status by its leading words, and the date it gives, if any."""
    if is_blank(value):
        return StatusReading(None)
    text = without_invisible(str(value))
    found = _DATE_IN_TEXT.search(text)
    words = _WORD.findall(text[: found.start()] if found else text)
    status, rest = _leading_status(words)
    if status is None or "?" in text or _contradicts(status, rest):
        return StatusReading(None, unknown=True)
    deceased = is_deceased(text)
    date = _date_of(found.group(), today) if found else None
    if date is None:
        return StatusReading(status, deceased=deceased)
    role = date_words().get("".join(rest).upper(), SINCE if not rest else None)
    if role == UNTIL:  # "Aktif s/d 30-04-2024": active through that day
        return StatusReading(status, end_date=date, deceased=deceased)
    if status == INACTIVE:  # "Nonaktif per 01-05-2024": not active from that day, so through the day before
        end = date - dt.timedelta(days=1) if role == FROM else date
        return StatusReading(status, end_date=end, deceased=deceased)
    return StatusReading(status, start_date=date if role in (SINCE, FROM) else None, deceased=deceased)


def _leading_status(words: list[str]) -> tuple[str | None, list[str]]:
    """The status of the longest run of first words in the table, and the words after it."""
    table = status_words()
    for n in range(len(words), 0, -1):
        if (status := table.get("".join(words[:n]).upper())) is not None:
            return status, words[n:]
    return None, words


def _contradicts(status: str, words: list[str]) -> bool:
    """Some later run of words is the other status ("AKTIF/NON AKTIF"). Entries of one letter ("A",
    "N") are not looked for there: alone in the cell they are a status, inside a text only a letter."""
    table = status_words()
    runs = ("".join(words[i:j]).upper() for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    return any(len(run) > 1 and table.get(run, status) != status for run in runs)


def _date_of(text: str, today: dt.date | None) -> dt.date | None:
    try:
        return parse_date(text, today=today)
    except UnreadableValue:
        return None


def parse_statuses(values: pd.Series, *, today: dt.date | None = None) -> pd.DataFrame:
    """`read_status` over a column: `status` ("string", <NA> when blank/unknown), `unknown` (bool),
    `end_date` / `start_date` (datetime64, NaT when the cell gives none), `deceased` (bool)."""
    codes, results = map_unique(values, lambda v: read_status(v, today=today))
    return pd.DataFrame(
        {
            "status": pd.array(spread(codes, [r.status for r in results]), dtype="string"),
            "unknown": spread(codes, [r.unknown for r in results], dtype=bool),
            "end_date": dates_to_column([r.end_date for r in results])[codes],
            "start_date": dates_to_column([r.start_date for r in results])[codes],
            "deceased": spread(codes, [r.deceased for r in results], dtype=bool),
        },
        index=values.index,
    )


def is_deceased(text: object) -> bool:
    """The status as written names a death ("MENINGGAL DUNIA", "NON AKTIF (WAFAT)")."""
    if is_blank(text):
        return False
    key = _NOISE.sub("", without_invisible(str(text))).upper()  # brackets kept: "(MENINGGAL)" counts
    return any(word in key for word in deceased_words())
