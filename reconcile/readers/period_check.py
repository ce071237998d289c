"""Does a BPJS file belong to the period being reconciled? Its title rows and join dates say.

Reconciling February's payroll against March's BPJS list produces confident, wrong findings, so a
mismatch refuses the run unless the user accepts it. Evidence, per BPJS file:
- the title rows name a period ("Periode : Februari 2018", "Bulan Februari 2018", "PERIODE 02-2018",
  "201802") other than --period;
- participants joined after the period ended (a February list cannot hold March joiners).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8,
    "agt": 8, "ags": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11,
    "nopember": 11, "nov": 11, "nop": 11, "desember": 12, "des": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10, "oct": 10, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
_LABEL = r"\b(?:periode|period|bulan|masa(?:\s+iuran)?|iuran\s+bulan)\b\s*[:.\-]?\s*"
_LABELLED_NAME = re.compile(rf"{_LABEL}(?P<month>{_MONTH_NAME})\b\.?\s*(?P<year>(?:19|20)\d\d)\b", re.I)
_LABELLED_NUMBER = re.compile(rf"{_LABEL}(?P<month>0?[1-9]|1[0-2])\s*[-/.]\s*(?P<year>(?:19|20)\d\d)\b", re.I)
_LABELLED_ISO = re.compile(rf"{_LABEL}(?P<year>(?:19|20)\d\d)\s*[-/.]\s*(?P<month>0?[1-9]|1[0-2])\b", re.I)
_COMPACT = re.compile(r"(?<![\d.,])(?P<year>(?:19|20)\d\d)(?P<month>0[1-9]|1[0-2])(?![\d.,])")

#: Joiners after the period end, as a share of the file's rows, that make it another period's file.
LATE_JOINERS_SHARE = 0.005


@dataclass(frozen=True)
class PeriodMismatch:
    """One file whose title or data says another month than the run's period."""

    path: str
    found: str  # the period the file seems to be for, YYYY-MM
    evidence: str  # what says so, without personal data

    def notice(self, period: str) -> str:
        """For the report of a run that accepted the mismatch."""
        return (
            f"{self.path}: this BPJS file seems to be for {self.found}, not {period} ({self.evidence}); "
            "accepted with --accept-period-mismatch: joiners, leavers and premiums may be reported wrongly"
        )

    def message(self, period: str) -> str:
        return (
            f"{self.path}: this BPJS file seems to be for {self.found}, not {period} ({self.evidence}); "
            f"give the file for {period}, or run again with --accept-period-mismatch"
        )


def title_periods(title: str) -> set[str]:
    """Every period (YYYY-MM) the title text names."""
    found = set()
    for pattern in (_LABELLED_NAME, _LABELLED_NUMBER, _LABELLED_ISO, _COMPACT):
        for m in pattern.finditer(title):
            month = m.group("month").lower()
            number = MONTHS[month] if month in MONTHS else int(month)
            found.add(f"{m.group('year')}-{number:02d}")
    return found


def check_period(
    path: str, period: str, titles: Iterable[str], join_dates: pd.Series | None
) -> PeriodMismatch | None:
    """The first evidence that file `path` is for another period than `period`, or None."""
    for title in titles:
        named = title_periods(title)
        if named and period not in named:
            found = sorted(named)[0]
            return PeriodMismatch(path, found, f"its title rows say {found}")
    if join_dates is not None and len(join_dates):
        dates = pd.to_datetime(join_dates, errors="coerce").dropna()
        end = pd.Period(period, freq="M").end_time
        late = dates[dates > end]
        if len(late) and len(late) >= LATE_JOINERS_SHARE * len(join_dates):
            latest = late.max().strftime("%Y-%m")
            return PeriodMismatch(
                path, latest, f"{len(late):,} participants joined after {period}, the latest in {latest}"
            )
    return None


def period_mismatches(inputs: Iterable[object], period: str) -> list[PeriodMismatch]:
    """Mismatches among the BPJS inputs (PreparedInput-like: path, kind, sheets, prepared.frame)."""
    found = []
    for item in inputs:
        if getattr(item, "kind", "") != "bpjs":
            continue
        sheets: Iterable[Mapping[str, object]] = getattr(item, "sheets", ())
        frame = getattr(getattr(item, "prepared", None), "frame", None)
        joins = frame["join_date"] if frame is not None and "join_date" in frame else None
        mismatch = check_period(
            str(getattr(item, "path", "")), period, [str(s.get("title", "")) for s in sheets], joins
        )
        if mismatch is not None:
            found.append(mismatch)
    return found
