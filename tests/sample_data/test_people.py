"""NIK rules: Lampung province and regencies, embedded birth date (+40 for women), unique and far apart."""

from __future__ import annotations

import random
from datetime import date

from sample_data.people import REGENCIES, PersonFactory, nik_neighbours


def test_niks_follow_the_structure() -> None:
    factory = PersonFactory(random.Random(1))
    people = [factory.person() for _ in range(3000)]
    for p in people:
        assert len(p.nik) == 16 and p.nik.isdigit()
        assert p.nik[:4] in REGENCIES and p.nik[:2] == "18"
        assert 1 <= int(p.nik[4:6]) <= 30
        day = int(p.nik[6:8]) - (40 if p.sex == "P" else 0)
        assert (day, int(p.nik[8:10]), int(p.nik[10:12])) == (
            p.birth_date.day,
            p.birth_date.month,
            p.birth_date.year % 100,
        )
        assert 1 <= int(p.nik[12:]) <= 99
        assert 1965 <= p.birth_date.year <= 2000


def test_niks_unique_and_never_one_edit_apart() -> None:
    factory = PersonFactory(random.Random(2))
    niks = [factory.person().nik for _ in range(3000)]
    assert len(set(niks)) == len(niks)
    taken = set(niks)
    for nik in niks:
        assert not taken.intersection(nik_neighbours(nik))


def test_zero_ending_niks_on_request() -> None:
    factory = PersonFactory(random.Random(3))
    assert all(factory.person(nik_ends_in_zero=True).nik.endswith("0") for _ in range(200))
    assert not any(factory.person(nik_ends_in_zero=False).nik.endswith("0") for _ in range(200))


def test_no_two_people_share_a_birth_date_and_a_name_word() -> None:
    factory = PersonFactory(random.Random(4))
    seen: dict[tuple[date, str], int] = {}
    for _ in range(3000):
        p = factory.person()
        for word in {w.upper() for w in p.name.split()}:
            assert (p.birth_date, word) not in seen
            seen[(p.birth_date, word)] = p.pid
