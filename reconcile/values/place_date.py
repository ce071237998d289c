""" "Tempat/Tgl Lahir" cells: "Bandar Lampung, 12-05-1985" or "Metro, 3 Agustus 1990"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from reconcile.values.blank import is_blank
from reconcile.values.dates import dates_to_column, parse_date
from reconcile.values.invisible import without_invisible
from reconcile.values.text import clean_text
from reconcile.values.unique import map_unique, spread
from reconcile.values.unreadable import UnreadableValue

#: A date at the end of the text, for cells without a comma ("Metro 03-08-1990", "Metro / 3 Agt 1990",
#: "Metro 03 - 08 - 1990"). parse_date then judges it.
_TRAILING_DATE = re.compile(
    r"([0-9]{1,2}[-/.\s]+[A-Za-z]+\.?[-/.\s]+[0-9]{2,4}"
    r"|[0-9]{1,2}\s*[-/.]\s*[0-9]{1,2}\s*[-/.]\s*[0-9]{2,4}"
    r"|[0-9]{4}\s*-\s*[0-9]{1,2}\s*-\s*[0-9]{1,2})\s*$"
)
_PLACE_TRIM = " ,/-;:"


@dataclass(frozen=True)
class PlaceDate:
    """A place (or None), a date (or None), and whether a date was there but unreadable."""

    place: str | None
    date: dt.date | None
    unreadable: bool


def split_place_date(value: Any, *, today: dt.date | None = None) -> PlaceDate:
    """Split a place-and-date cell. A cell with a date only (a date object, a serial) has no place."""
    if is_blank(value):
        return PlaceDate(None, None, False)
    if not isinstance(value, str):
        return _dated(None, value, today)
    text = without_invisible(value).strip()
    if "," in text:
        place, date_text = text.rsplit(",", 1)
        return _dated(_place(place), date_text, today)
    trailing = _TRAILING_DATE.search(text)
    if trailing:
        return _dated(_place(text[: trailing.start()]), trailing.group(1), today)
    if not any(ch.isdigit() for ch in text):
        return PlaceDate(_place(text), None, False)
    return PlaceDate(None, None, True)


def _place(text: str) -> str | None:
    return clean_text(text.strip(_PLACE_TRIM))


def _dated(place: str | None, date_value: Any, today: dt.date | None) -> PlaceDate:
    try:
        return PlaceDate(place, parse_date(date_value, today=today), False)
    except UnreadableValue:
        return PlaceDate(place, None, True)


def parse_place_dates(values: pd.Series, *, today: dt.date | None = None) -> pd.DataFrame:
    """`split_place_date` over a column: `place` (string), `date` (datetime64[ns]), `unreadable`."""
    codes, results = map_unique(values, lambda v: split_place_date(v, today=today))
    return pd.DataFrame(
        {
            "place": pd.array(spread(codes, [r.place for r in results]), dtype="string"),
            "date": dates_to_column([r.date for r in results])[codes],
            "unreadable": spread(codes, [r.unreadable for r in results], dtype=bool),
        },
        index=values.index,
    )
