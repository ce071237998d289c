"""Properties of the whole pure pipeline, for any generated population and any planted anomalies.

- nothing is lost: every row of every input is paired, in a finding, rejected, or needs no action;
- a dataset reconciled against its own mirror image finds nothing;
- row order, and how rows are split across files, change no finding;
- running twice gives the same findings.
"""

from __future__ import annotations

import random
from collections import Counter

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.model import InputTable, SheetInfo
from tests.builders import nik, run

FIRST = ["Siti", "Budi", "Ani", "Joko", "Wayan", "Dewi", "Rudi", "Sri", "Agus", "Nur"]
LAST = [
    "Aminah",
    "Santoso",
    "Lestari",
    "Saputra",
    "Sudirta",
    "Rahayu",
    "Hidayat",
    "Wati",
    "Pratama",
    "Kusuma",
]
FATES = [
    "ok",
    "unregistered",
    "inactive",
    "ghost",
    "dup_payroll",
    "dup_participant",
    "premium",
    "wage",
    "invalid",
]


def _table(kind: str, rows: list[dict[str, object]], file: str) -> InputTable:
    frame = pd.DataFrame(rows)
    frame.insert(0, "unit_hint", "Dinas Uji")
    frame.insert(0, "source_row", range(2, 2 + len(rows)))
    frame.insert(0, "source_sheet", "Lembar1")
    frame.insert(0, "source_file", file)
    info = SheetInfo("Lembar1", 1, {c: c for c in frame.columns[4:]}, len(rows), 0, "")
    return InputTable(path=file, kind=kind, sha256=file, sheets=(info,), frame=frame)  # type: ignore[arg-type]


@st.composite
def populations(draw: st.DrawFn, fates: bool = True) -> list[dict[str, object]]:
    n = draw(st.integers(min_value=1, max_value=12))
    people = []
    for i in range(n):
        day, month, yy = draw(st.integers(1, 28)), draw(st.integers(1, 12)), draw(st.integers(60, 99))
        female = draw(st.booleans())
        people.append(
            {
                "nik": nik(day, month, yy, female=female, serial=i + 1),
                "kpj": f"{18000000000 + i}",
                "name": f"{FIRST[i % 10]} {LAST[(i * 7 + day) % 10]}",
                "birth": f"{day:02d}-{month:02d}-19{yy}",
                "wage": draw(st.integers(1_500_000, 2_500_000)),
                "fate": draw(st.sampled_from(FATES)) if fates else "ok",
            }
        )
    return people


def _inputs(people: list[dict[str, object]]) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    payroll, bpjs = [], []
    for p in people:
        fate = p["fate"]
        pay = {"nik": p["nik"], "name": p["name"], "birth_date": p["birth"], "monthly_wage": str(p["wage"])}
        if fate == "invalid":
            pay = {"nik": None, "name": p["name"], "birth_date": None, "monthly_wage": str(p["wage"])}
        reg = {
            "kpj": p["kpj"],
            "nik": p["nik"],
            "name": str(p["name"]).upper(),
            "birth_date": p["birth"],
            "status": "AKTIF",
            "reported_wage": "1000000",
            "jkk": "10000",
            "jkm": "6800",
            "total": "16800",
        }
        if fate != "ghost":
            payroll.append(pay)
        if fate == "dup_payroll":
            payroll.append(dict(pay))
        if fate == "inactive":
            reg = {**reg, "status": "NON AKTIF", "jkk": "0", "jkm": "0", "total": "0"}
        if fate == "premium":
            reg = {**reg, "total": "18800", "jkk": "12000"}
        if fate == "wage":
            reg = {**reg, "reported_wage": "1500000"}
        if fate not in ("unregistered", "invalid"):
            bpjs.append(reg)
        if fate == "dup_participant":
            bpjs.append({**reg, "kpj": str(int(str(p["kpj"])) + 500)})
    return payroll, bpjs


def _findings(payroll: list[dict[str, object]], bpjs: list[dict[str, object]], splits: int = 1) -> Counter:
    chunks = [payroll[i::splits] for i in range(splits)]
    tables = [_table("payroll", c, f"payroll/p{i}.xlsx") for i, c in enumerate(chunks) if c]
    result = run(tables, [_table("bpjs", bpjs, "bpjs/b.xlsx")] if bpjs else [])
    assert result.balanced, [
        (i.path, i.rows_read, i.paired, i.findings_only, i.rejected) for i in result.inputs
    ]
    f = result.findings
    # INVALID_ROW has no identity to key on (its id is its source row), so count it instead.
    keyed = f[f["category"] != "INVALID_ROW"]
    return Counter(zip(keyed["category"], keyed["finding_id"], strict=True)) + Counter(
        {("INVALID_ROW", "count"): int((f["category"] == "INVALID_ROW").sum())}
    )


_SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(populations(fates=False))
def test_a_dataset_against_its_mirror_finds_nothing(people: list[dict[str, object]]) -> None:
    payroll, bpjs = _inputs(people)
    found = _findings(payroll, bpjs)
    assert +found == Counter()


@_SETTINGS
@given(populations(), st.randoms(use_true_random=False))
def test_nothing_lost_and_order_and_split_change_nothing(
    people: list[dict[str, object]], rnd: random.Random
) -> None:
    payroll, bpjs = _inputs(people)
    baseline = _findings(payroll, bpjs)  # asserts the balance
    shuffled_p, shuffled_b = payroll[:], bpjs[:]
    rnd.shuffle(shuffled_p)
    rnd.shuffle(shuffled_b)
    assert _findings(shuffled_p, shuffled_b) == baseline
    assert _findings(payroll, bpjs, splits=3) == baseline
    assert _findings(payroll, bpjs) == baseline  # twice, same answer


@_SETTINGS
@given(populations())
def test_every_planted_fate_is_found(people: list[dict[str, object]]) -> None:
    payroll, bpjs = _inputs(people)
    found = _findings(payroll, bpjs)
    expected = {
        "unregistered": "UNREGISTERED",
        "inactive": "INACTIVE",
        "ghost": "NOT_ON_PAYROLL",
        "dup_payroll": "DUPLICATE_PAYROLL",
        "dup_participant": "DUPLICATE_PARTICIPANT",
        "premium": "PREMIUM_MISMATCH",
        "wage": "WAGE_MISMATCH",
    }
    categories = Counter(c for (c, _), n in found.items() for _ in range(n) if c != "INVALID_ROW")
    planted = Counter(expected[str(p["fate"])] for p in people if p["fate"] in expected)
    # Duplicates are listed for every row involved: two rows per planted person.
    for cat in ("DUPLICATE_PAYROLL", "DUPLICATE_PARTICIPANT"):
        planted[cat] *= 2
    assert categories == planted
    assert found[("INVALID_ROW", "count")] == sum(p["fate"] == "invalid" for p in people)
