"""How one person's name is written on the payroll and at BPJS: titles, old spellings, abbreviations."""

from __future__ import annotations

import random

from sample_data import names
from sample_data.people import Person


def written_names(rng: random.Random, p: Person, *, variants: bool) -> tuple[str, str]:
    """(payroll name, BPJS name). Without `variants` both sides carry the same plain name.

    With `variants`, the differences are all ones a matcher must forgive: titles and degrees on the
    payroll, old spellings on either side, Muhammad/Abdul abbreviated, "bin X" dropped at BPJS.
    """
    pay = bpjs = p.name
    if variants:
        old = names.old_spelling(p.name)
        if old and rng.random() < 0.6:
            if rng.random() < 0.7:
                pay = old
            else:
                bpjs = old
        short = names.abbreviated(rng, p.name)
        if short and rng.random() < 0.5:
            if rng.random() < 0.7:
                bpjs = short
            else:
                pay = short
    if p.father:
        link = "bin" if p.sex == "L" else "binti"
        pay = f"{pay} {link} {p.father}"
        if not variants or rng.random() < 0.3:
            bpjs = f"{bpjs} {link} {p.father}"
    if variants and rng.random() < 0.3:
        titled = names.with_titles(rng, pay, p.sex, p.birth_date.year)
        if rng.random() < 0.1 and titled.split()[0] in ("H.", "Hj.", "Ir."):
            bpjs = f"{titled.split()[0]} {bpjs}"  # BPJS sometimes keeps the front title
        pay = titled
    return pay, bpjs.upper()


def different_name(rng: random.Random, p: Person) -> str:
    """A name that is not a spelling variant of the person's: last word replaced by another family's."""
    words = p.name.split()
    taken = {w.upper() for w in words}
    pool = (
        [w for fam in names.FAMILY.values() for w in fam] if len(words) > 1 else names.GIVEN[p.origin][p.sex]
    )
    candidates = sorted({w for w in pool if w.upper() not in taken and w not in names.OLD_BY_MODERN.values()})
    return " ".join([*words[:-1], rng.choice(candidates)]) if len(words) > 1 else rng.choice(candidates)
