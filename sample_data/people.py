"""Synthetic workers: Indonesian names, Lampung NIKs, birth dates, and the uniqueness rules behind them.

Two rules keep the sample free of unplanned findings:
- no two NIKs in the data (true or planted typos) are one substitution or adjacent swap apart,
  so a typo-tolerant matcher can never pair two strangers;
- no two people born on the same day share a name word, so name + birth date pairing is unambiguous.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sample_data import names

REGENCIES = [f"18{r:02d}" for r in range(1, 14)] + ["1871", "1872"]
REGENCY_WEIGHTS = [4, 4, 6, 5, 7, 5, 3, 3, 4, 4, 2, 2, 2, 30, 8]


@dataclass(frozen=True)
class Person:
    """One real human being, described truthfully (files may then misstate them)."""

    pid: int
    name: str  # modern spelling, words written out, no titles, no patronym
    father: str | None  # for "bin/binti <father>"
    sex: str  # "L" or "P"
    origin: str
    birth_date: date
    birth_place: str
    nik: str


def nik_neighbours(nik: str) -> list[str]:
    """Every string one digit substitution or one adjacent transposition away."""
    out = []
    for i, d in enumerate(nik):
        out += [nik[:i] + c + nik[i + 1 :] for c in "0123456789" if c != d]
    for i in range(len(nik) - 1):
        if nik[i] != nik[i + 1]:
            out.append(nik[:i] + nik[i + 1] + nik[i] + nik[i + 2 :])
    return out


def nik_for(regency: str, district: int, birth: date, sex: str, serial: int) -> str:
    """PP RR SS DDMMYY NNNN with 40 added to the day for women."""
    day = birth.day + (40 if sex == "P" else 0)
    return f"{regency}{district:02d}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


class NikRegistry:
    """NIK strings in use, with their one-edit neighbourhoods, each owned by one person."""

    def __init__(self) -> None:
        self._owner: dict[str, int] = {}

    def free_for(self, nik: str, pid: int) -> bool:
        """True when `nik` is not used by, or one edit from, anyone but `pid`."""
        return self._owner.get(nik, pid) == pid

    def claim(self, nik: str, pid: int) -> None:
        """Record `nik` for `pid`; the caller checked `free_for` first."""
        for s in [nik, *nik_neighbours(nik)]:
            if self._owner.setdefault(s, pid) != pid:
                self._owner[s] = -1  # near two people: free for nobody


class NameDateRegistry:
    """(birth date, name word) pairs in use, each owned by one person."""

    def __init__(self) -> None:
        self._owner: dict[tuple[date, str], int] = {}

    def free_for(self, birth: date, words: list[str], pid: int) -> bool:
        return all(self._owner.get((birth, w), pid) == pid for w in words)

    def claim(self, birth: date, words: list[str], pid: int) -> None:
        for w in words:
            self._owner[(birth, w)] = pid


class PersonFactory:
    """Draws unique people from a seeded random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.niks = NikRegistry()
        self.name_dates = NameDateRegistry()
        self._next = 1

    def person(self, *, nik_ends_in_zero: bool | None = None) -> Person:
        """A new person. `nik_ends_in_zero` forces (True) or forbids (False) a final 0 in the NIK."""
        rng = self.rng
        pid = self._next
        self._next += 1
        origin = rng.choices(list(names.ORIGIN_WEIGHTS), weights=list(names.ORIGIN_WEIGHTS.values()))[0]
        sex = "L" if rng.random() < 0.58 else "P"
        name, father = names.draw_name(rng, origin, sex)
        words = names.tokens(name) + ([father.upper()] if father else [])
        while True:
            birth = date(1965, 1, 1) + timedelta(
                days=rng.randrange((date(2000, 12, 31) - date(1965, 1, 1)).days)
            )
            if not self.name_dates.free_for(birth, words, pid):
                continue
            regency = rng.choices(REGENCIES, weights=REGENCY_WEIGHTS)[0]
            serial = self._serial(nik_ends_in_zero)
            nik = nik_for(regency, rng.randint(1, 30), birth, sex, serial)
            if self.niks.free_for(nik, pid):
                break
        self.niks.claim(nik, pid)
        self.name_dates.claim(birth, words, pid)
        place = rng.choice(names.BIRTH_PLACES[origin])
        return Person(pid, name, father, sex, origin, birth, place, nik)

    def _serial(self, ends_in_zero: bool | None) -> int:
        if ends_in_zero:
            return 10 * self.rng.randint(1, 9)
        serial = self.rng.choices([self.rng.randint(1, 20), self.rng.randint(1, 99)], weights=[3, 1])[0]
        if ends_in_zero is False and serial % 10 == 0:
            serial += 1
        return serial
