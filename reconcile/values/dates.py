"""Dates as Indonesian lists write them: day first, Indonesian or English month names, Excel serials.

Accepted: date/datetime objects; Excel serial numbers (1900 date system) for 1910-2099; text
dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy (also with a two-digit year), yyyy-mm-dd (optionally with a
time), d-MMM-yy and d MMMM yyyy. Spaces around the separators are allowed ("09 - 10 - 1989",
"09 .10. 1989", "9-Okt- 1989"); the two separators of a numeric date must be the same character.
A two-digit year is 19yy when yy is past this year's two digits, else 20yy. Dates that do not
exist (31-02-1985) or fall outside 1900-2099 are unreadable.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import numpy as np
import pandas as pd

from reconcile.values.blank import is_blank
from reconcile.values.invisible import without_invisible
from reconcile.values.text_cells import cell_types, where_types
from reconcile.values.unique import map_unique, spread
from reconcile.values.unreadable import UnreadableValue

#: Month names and abbreviations, Indonesian (with old spellings) and English, lower case.
MONTHS: dict[str, int] = {
    **dict.fromkeys(["jan", "januari", "january"], 1),
    **dict.fromkeys(["feb", "peb", "februari", "pebruari", "february"], 2),
    **dict.fromkeys(["mar", "maret", "march"], 3),
    **dict.fromkeys(["apr", "april"], 4),
    **dict.fromkeys(["mei", "may"], 5),
    **dict.fromkeys(["jun", "juni", "june"], 6),
    **dict.fromkeys(["jul", "juli", "july"], 7),
    **dict.fromkeys(["agu", "agt", "ags", "agus", "agustus", "aug", "august"], 8),
    **dict.fromkeys(["sep", "sept", "september"], 9),
    **dict.fromkeys(["okt", "oct", "oktober", "october"], 10),
    **dict.fromkeys(["nov", "nop", "november", "nopember"], 11),
    **dict.fromkeys(["des", "dec", "desember", "december"], 12),
}

FIRST_YEAR, LAST_YEAR = 1900, 2099
#: Serial of 1910-01-01. Lower serials are more likely a bare year (1985) than a real date.
MIN_SERIAL = 3654
#: Serial of 2099-12-31.
MAX_SERIAL = 73050
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serials from 61 on; Excel counts a false 1900-02-29

_TIME = r"(?:[ T][0-9]{1,2}[:.][0-9]{2}(?:[:.][0-9]{2}(?:\.[0-9]+)?)?)?"
#: A numeric date separator, with any spaces around it: "-", " / ", " .".
_SEP = r"\s*([-/.])\s*"
_DMY = re.compile(rf"([0-9]{{1,2}}){_SEP}([0-9]{{1,2}})\s*\2\s*([0-9]{{4}}|[0-9]{{2}}){_TIME}")
_YMD = re.compile(rf"([0-9]{{4}}){_SEP}([0-9]{{1,2}})\s*\2\s*([0-9]{{1,2}}){_TIME}")
_NAMED = re.compile(r"([0-9]{1,2})[-/.\s]+([A-Za-z]+)\.?[-/.\s]+([0-9]{4}|[0-9]{2})")


def parse_date(value: Any, *, today: dt.date | None = None) -> dt.date | None:
    """One date cell; None when blank. Raises UnreadableValue for anything else."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):  # pd.Timestamp included
        return _in_range(value.date())
    if isinstance(value, dt.date):
        return _in_range(value)
    if isinstance(value, np.datetime64):
        return _in_range(pd.Timestamp(value).date())
    if isinstance(value, bool):
        raise UnreadableValue("expected a date")
    if isinstance(value, (int, float, np.integer, np.floating)):
        return from_excel_serial(float(value))
    return _parse_text(without_invisible(str(value)).strip(), today or dt.date.today())


def from_excel_serial(serial: float) -> dt.date:
    """The date of an Excel serial (1900 system; a time of day is dropped)."""
    if not MIN_SERIAL <= serial < MAX_SERIAL + 1:
        raise UnreadableValue("number outside the range of Excel dates")
    return _EXCEL_EPOCH + dt.timedelta(days=int(serial))


def _parse_text(text: str, today: dt.date) -> dt.date:
    if m := _DMY.fullmatch(text):
        return _make(m.group(4), m.group(3), m.group(1), today)
    if m := _YMD.fullmatch(text):
        return _make(m.group(1), m.group(3), m.group(4), today)
    if m := _NAMED.fullmatch(text):
        month = MONTHS.get(m.group(2).lower())
        if month is None:
            raise UnreadableValue("unknown month name")
        return _make(m.group(3), str(month), m.group(1), today)
    raise UnreadableValue("expected a day-first date")


def _make(year: str, month: str, day: str, today: dt.date) -> dt.date:
    y = int(year)
    if len(year) == 2:
        y += 1900 if y > today.year % 100 else 2000
    try:
        return _in_range(dt.date(y, int(month), int(day)))
    except ValueError:
        raise UnreadableValue("no such date") from None


def _in_range(date: dt.date) -> dt.date:
    if not FIRST_YEAR <= date.year <= LAST_YEAR:
        raise UnreadableValue("year outside 1900-2099")
    return date


def _parse_or_flag(value: Any, today: dt.date | None) -> tuple[dt.date | None, bool]:
    try:
        return parse_date(value, today=today), False
    except UnreadableValue:
        return None, True


#: `date.toordinal()` of 1970-01-01, the day numpy's datetime64 counts from.
_UNIX_ORDINAL = dt.date(1970, 1, 1).toordinal()


def _days(dates: Any) -> np.ndarray:
    """Python dates or datetimes (a datetime's time is dropped; None allowed) as datetime64[D].

    Through `toordinal`: numpy's own conversion of date objects costs ~1 us each (15x more)."""
    ordinals = np.fromiter((d.toordinal() if d else 0 for d in dates), np.int64, len(dates))
    days = (ordinals - _UNIX_ORDINAL).astype("datetime64[D]")
    days[ordinals == 0] = np.datetime64("NaT")  # ordinals start at 1 (0001-01-01)
    return days


def dates_to_column(dates: list[dt.date | None]) -> np.ndarray:
    """Python dates (None allowed) as a datetime64[ns] array."""
    return _days(dates).astype("datetime64[ns]")


def parse_dates(values: pd.Series, *, today: dt.date | None = None) -> pd.DataFrame:
    """`parse_date` over a column: `date` (datetime64[ns], NaT when blank/unreadable), `unreadable`.

    Date cells (what Excel gives for a date-formatted cell) are converted all at once; text and
    serials go through `parse_date`, once per distinct value.
    """
    cells = np.asarray(values, dtype=object)
    date = np.full(len(cells), np.datetime64("NaT", "ns"))
    unreadable = np.zeros(len(cells), dtype=bool)
    typed = np.zeros(len(cells), dtype=bool)
    typed[where_types(cell_types(cells), dt.datetime, dt.date)] = True
    if typed.any():
        days = _days(cells[typed])
        year = days.astype("datetime64[Y]").astype(np.int64) + 1970
        fits = (year >= FIRST_YEAR) & (year <= LAST_YEAR)
        date[typed] = np.where(fits, days.astype("datetime64[ns]"), np.datetime64("NaT", "ns"))
        unreadable[typed] = ~fits
    rest = ~typed
    if rest.any():
        codes, results = map_unique(pd.Series(cells[rest], dtype=object), lambda v: _parse_or_flag(v, today))
        date[rest] = dates_to_column([d for d, _ in results])[codes]
        unreadable[rest] = spread(codes, [u for _, u in results], dtype=bool)
    return pd.DataFrame({"date": date, "unreadable": unreadable}, index=values.index)
