"""The signature block under a payroll table: place and date, "Mengetahui,", officials and NIPs."""

from __future__ import annotations

import random
from datetime import date

from sample_data import names
from sample_data.formats import ID_MONTHS
from sample_data.grid import Grid

RANKS = ["Pembina Utama Muda", "Pembina Tk. I", "Pembina", "Penata Tk. I", "Penata"]


def nip(rng: random.Random, sex: str) -> str:
    """An 18-digit civil-servant number as printed: "NIP. 19650412 199003 1 004"."""
    born = date(rng.randint(1962, 1980), rng.randint(1, 12), rng.randint(1, 28))
    appointed = (born.year + rng.randint(22, 28), rng.randint(1, 12))
    sex_digit = 1 if sex == "L" else 2
    return f"NIP. {born:%Y%m%d} {appointed[0]}{appointed[1]:02d} {sex_digit} {rng.randint(1, 12):03d}"


def official(rng: random.Random) -> tuple[str, str]:
    """An official's printed name with titles, and sex."""
    sex = "L" if rng.random() < 0.7 else "P"
    origin = rng.choice(list(names.ORIGIN_WEIGHTS))
    name, _ = names.draw_name(rng, origin, sex)
    return names.with_titles(rng, name, sex, 1968), sex


def add_signature_block(
    grid: Grid, rng: random.Random, *, left: int, right: int, city: str, on: date, head: str, treasurer: str
) -> None:
    """Two blank rows, then the two signatories side by side, as offices lay them out."""
    grid.add()
    grid.add()
    grid.at({right: f"{city}, {on.day} {ID_MONTHS[on.month - 1]} {on.year}"})
    grid.at({left: "Mengetahui,"})
    grid.at({left: f"{head},", right: f"{treasurer},"})
    for _ in range(3):
        grid.add()
    (boss, boss_sex), (payer, payer_sex) = official(rng), official(rng)
    grid.at({left: boss, right: payer}, bold=True)
    grid.at({left: rng.choice(RANKS), right: rng.choice(RANKS[2:])})
    grid.at({left: nip(rng, boss_sex), right: nip(rng, payer_sex)})
