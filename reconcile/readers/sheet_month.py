"""Which month a sheet is for: what its title rows say, else what its name says.

Offices keep one sheet per month in a workbook ("APRIL", "MEI", "Feb 2018", "Upah Feb", "05-2024").
The title rows are read first ("DAFTAR UPAH PTHL BULAN APRIL 2024", or a row or cell that is only
"APRIL 2024": `title_periods`); a sheet name is read only when the title names no month. A name
without a year ("MEI") is taken as that month in the year nearest the run's period, so "DESEMBER"
in a January run is the December before.
Month names are those of `values.dates.MONTHS`: Indonesian (incl. PEBRUARI, NOPEMBER, AGT) and
English, in full or abbreviated, as whole words only ("Desa" is no December).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reconcile.readers.period_check import MONTHS, title_periods

_MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
#: "Mei", "MEI 2024", "Feb2018", "Mei'24", "APR-24": a month word, then maybe a 4- or 2-digit year.
_NAMED = re.compile(
    rf"(?<![a-z])(?P<month>{_MONTH_NAME})(?![a-z])\.?(?:[\s\-_'/.,]*(?P<year>(?:19|20)\d\d|\d\d)(?!\d))?",
    re.IGNORECASE,
)
#: "05-2024", "5.2024", "052024"; and "2024-05", "202405".
_MONTH_YEAR = re.compile(r"(?<!\d)(?P<month>0?[1-9]|1[0-2])\s*[-_./]?\s*(?P<year>(?:19|20)\d\d)(?!\d)")
_YEAR_MONTH = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)\s*[-_./]?\s*(?P<month>0[1-9]|1[0-2])(?!\d)")


@dataclass(frozen=True)
class SheetMonth:
    """The periods (YYYY-MM) a sheet names and where it says so ("title", "sheet name", or "")."""

    periods: frozenset[str] = frozenset()
    source: str = ""

    def names_other_month(self, period: str) -> bool:
        """It names a month, and not `period`."""
        return bool(self.periods) and period not in self.periods


def sheet_month(name: str, title: str, period: str, title_cells: Iterable[str] = ()) -> SheetMonth:
    """What the title rows (`title` text, their `title_cells`) name, else what the sheet name names,
    for a run of `period`."""
    if found := title_periods(title, title_cells):
        return SheetMonth(frozenset(found), "title")
    if found := name_periods(name, period):
        return SheetMonth(frozenset(found), "sheet name")
    return SheetMonth()


def name_periods(name: str, period: str) -> set[str]:
    """Every period (YYYY-MM) a sheet name names; a month without a year gets the year nearest `period`."""
    found = set()
    for m in _NAMED.finditer(name):
        month = MONTHS[m.group("month").lower()]
        year = m.group("year")
        found.add(_with_year(month, year, period))
    for pattern in (_MONTH_YEAR, _YEAR_MONTH):
        for m in pattern.finditer(name):
            found.add(f"{m.group('year')}-{int(m.group('month')):02d}")
    return found


def _with_year(month: int, year: str | None, period: str) -> str:
    if year is not None:
        return f"{int(year) + 2000 if len(year) == 2 else int(year)}-{month:02d}"
    run_year, run_month = (int(part) for part in period.split("-"))
    candidates = (run_year - 1, run_year, run_year + 1)
    nearest = min(candidates, key=lambda y: abs((y * 12 + month) - (run_year * 12 + run_month)))
    return f"{nearest}-{month:02d}"
