"""Does an input file belong to the period being reconciled? Its titles, sheet names and join dates say.

Reconciling February's payroll against March's BPJS list produces confident, wrong findings, so a
mismatch refuses the run unless the user accepts it. Evidence, per file (payroll or BPJS):
- the sheets read name a period ("Periode : Februari 2018", "Bulan Februari 2018", "PERIODE 02-2018",
  "201802" in the title rows, or a title row or cell that is only "FEBRUARI 2018"; else a sheet named
  "Feb 2018" or "MEI") and none of them is --period;
- BPJS only, when no sheet names a month: participants joined after the period ended (a February
  list cannot hold March joiners). The title wins: a file whose title names the period is never
  refused for its join dates, and one or two late join dates are a row matter, not the file's period.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from reconcile.values.dates import MONTHS

_MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
#: Words that introduce a period: "BULAN", "PERIODE (IURAN)", "MASA IURAN", "(RINCIAN) IURAN", "TAGIHAN",
#: and on a payroll title "GAJI / UPAH / HONOR (BULAN)"; then maybe a day range ("PERIODE 1 - 31 MEI 2024").
_LABEL = (
    r"\b(?:(?:periode|period)(?:\s+(?:iuran|gaji|upah|pembayaran))?|bulan|masa(?:\s+iuran)?"
    r"|(?:iuran|tagihan)(?:\s+bulan)?"
    r"|(?:daftar\s+)?(?:gaji|upah|honor(?:arium)?))\b\s*[:.\-]?\s*"
    r"(?:\d{1,2}\s*(?:-|s\.?\s*/?\s*d\.?|sampai(?:\s+dengan)?)\s*\d{1,2}\s+)?"
)
_LABELLED_NAME = re.compile(
    rf"{_LABEL}(?P<month>{_MONTH_NAME})\b\.?\s*(?:tahun\s*)?(?P<year>(?:19|20)\d\d)\b", re.I
)
_LABELLED_NUMBER = re.compile(rf"{_LABEL}(?P<month>0?[1-9]|1[0-2])\s*[-/.]\s*(?P<year>(?:19|20)\d\d)\b", re.I)
_LABELLED_ISO = re.compile(rf"{_LABEL}(?P<year>(?:19|20)\d\d)\s*[-/.]\s*(?P<month>0?[1-9]|1[0-2])\b", re.I)
_COMPACT = re.compile(r"(?<![\d.,])(?P<year>(?:19|20)\d\d)(?P<month>0[1-9]|1[0-2])(?![\d.,])")
#: A title line or cell that is nothing but a month and its year, maybe labelled: "APRIL 2024",
#: "April, 2024", "April-2024", "Bulan : April 2024", "Bulan April Tahun 2024". Not a date ("12 April
#: 2024": a day before the month), nor a month inside other text ("Dicetak ...", "TMT April 2024").
_MONTH_YEAR_ALONE = re.compile(
    rf"(?:{_LABEL})?(?P<month>{_MONTH_NAME})\.?[\s,\-/.]*(?:tahun\s*)?(?P<year>(?:19|20)\d\d)", re.I
)
#: The periods named anywhere in the title text.
_IN_TEXT = (_LABELLED_NAME, _LABELLED_NUMBER, _LABELLED_ISO, _COMPACT)
#: How `title_text` joins the title rows.
_ROW_SEPARATOR = " | "

#: Joiners after the period end, as a share of the file's rows, that make it another period's file,
#: and at least this many of them: one or two late dates are as often typing errors as a later list.
LATE_JOINERS_SHARE = 0.005
MIN_LATE_JOINERS = 3

#: How the evidence reads in messages, per source of the named period.
_SAYS = {"title": "its title rows say", "sheet name": "its sheet names say"}


@dataclass(frozen=True)
class PeriodMismatch:
    """One file whose title, sheet names or data say another month than the run's period."""

    path: str
    found: str  # the period the file seems to be for, YYYY-MM
    evidence: str  # what says so, without personal data
    kind: str = "bpjs"  # payroll | bpjs

    @property
    def what(self) -> str:
        return "BPJS file" if self.kind == "bpjs" else "payroll file"

    def notice(self, period: str) -> str:
        """For the report of a run that accepted the mismatch."""
        return (
            f"{self.path}: this {self.what} seems to be for {self.found}, not {period} ({self.evidence}); "
            "accepted with --accept-period-mismatch: joiners, leavers and premiums may be reported wrongly"
        )

    def message(self, period: str) -> str:
        return (
            f"{self.path}: this {self.what} seems to be for {self.found}, not {period} ({self.evidence}); "
            f"give the file for {period}, or run again with --accept-period-mismatch"
        )


def title_periods(title: str, cells: Iterable[str] = ()) -> set[str]:
    """Every period (YYYY-MM) the title text names: labelled ("BULAN APRIL 2024", "PERIODE 04-2024"),
    compact ("202404"), or a title row or one of its `cells` that is only a month and year ("APRIL 2024")."""
    matches = [m for pattern in _IN_TEXT for m in pattern.finditer(title)]
    alone = (_MONTH_YEAR_ALONE.fullmatch(text.strip()) for text in [*title.split(_ROW_SEPARATOR), *cells])
    return {_period(m) for m in [*matches, *alone] if m is not None}


def _period(m: re.Match[str]) -> str:
    month = m.group("month").lower()
    number = MONTHS[month] if month in MONTHS else int(month)
    return f"{m.group('year')}-{number:02d}"


def nearest_period(periods: Iterable[str], period: str) -> str:
    """Of `periods` (YYYY-MM), the one nearest to `period`; the earlier one on a tie."""
    target = _month_number(period)
    return min(sorted(periods), key=lambda p: abs(_month_number(p) - target))


def _month_number(period: str) -> int:
    year, month = period.split("-")
    return int(year) * 12 + int(month) - 1


def check_period(
    path: str,
    period: str,
    titles: Iterable[str],
    join_dates: pd.Series | None,
    *,
    kind: str = "bpjs",
    named: Iterable[tuple[str, str]] = (),
) -> PeriodMismatch | None:
    """The evidence that file `path` is for another period than `period`, or None.

    `titles` are the title texts of the sheets read; `named` adds (period, source) pairs the reader
    already found per sheet ("title" or "sheet name"). A file naming `period` anywhere is for it.
    """
    found = [(p, "title") for title in titles for p in title_periods(title)] + list(named)
    periods = {p for p, _ in found}
    if period in periods:
        return None  # the title wins over join dates
    if periods:
        nearest = nearest_period(periods, period)
        source = next(s for p, s in found if p == nearest)
        return PeriodMismatch(path, nearest, f"{_SAYS.get(source, _SAYS['title'])} {nearest}", kind)
    if kind == "bpjs":
        return _late_joiners(path, period, join_dates)
    return None


def _late_joiners(path: str, period: str, join_dates: pd.Series | None) -> PeriodMismatch | None:
    """Participants who joined after the period ended, when they are too many to be typing errors."""
    if join_dates is None or not len(join_dates):
        return None
    dates = pd.to_datetime(join_dates, errors="coerce").dropna()
    late = dates[dates > pd.Period(period, freq="M").end_time]
    if len(late) < max(MIN_LATE_JOINERS, LATE_JOINERS_SHARE * len(join_dates)):
        return None
    latest = late.max().strftime("%Y-%m")
    return PeriodMismatch(
        path, latest, f"{len(late):,} participants joined after {period}, the latest in {latest}"
    )


def period_mismatches(inputs: Iterable[object], period: str) -> list[PeriodMismatch]:
    """Mismatches among the inputs (PreparedInput-like: path, kind, sheets, prepared.frame).

    A sheet entry's "periods" / "period_source" (from the reader) are used when present, else its title.
    """
    found = []
    for item in inputs:
        kind = str(getattr(item, "kind", ""))
        sheets: Iterable[Mapping[str, object]] = getattr(item, "sheets", ())
        titles: list[str] = []
        named: list[tuple[str, str]] = []
        for s in sheets:
            if "periods" in s:
                periods = s.get("periods") or ()
                named += [(str(p), str(s.get("period_source") or "title")) for p in periods]  # type: ignore[attr-defined]
            else:
                titles.append(str(s.get("title", "")))
        frame = getattr(getattr(item, "prepared", None), "frame", None)
        joins = frame["join_date"] if frame is not None and "join_date" in frame else None
        mismatch = check_period(str(getattr(item, "path", "")), period, titles, joins, kind=kind, named=named)
        if mismatch is not None:
            found.append(mismatch)
    return found
