"""Plan both sides of the sample: who is on which payroll, who is at BPJS, and what is planted.

Every planted kind maps to exactly the findings the lead specified (see KINDS). Everyone else is a
clean pair, possibly with forgivable name variants. The plan is pure data; writers place it in files.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from sample_data.layouts import PayrollLayout
from sample_data.name_variants import different_name, written_names
from sample_data.people import Person, PersonFactory
from sample_data.records import BpjsRecord, Finding, Pair, PayrollRecord
from sample_data.units import Unit

#: kind -> default count per 1,000 payroll workers (at least 1 of each is planted).
KINDS: dict[str, float] = {
    "unregistered": 3.4,  # UNREGISTERED
    "inactive": 3.0,  # INACTIVE
    "not_on_payroll": 3.4,  # NOT_ON_PAYROLL
    "premium": 3.0,  # PREMIUM_MISMATCH
    "wage": 3.0,  # WAGE_MISMATCH
    "duplicate_payroll": 3.0,  # DUPLICATE_PAYROLL x2 rows
    "duplicate_participant": 3.0,  # DUPLICATE_PARTICIPANT x2 rows
    "identity_birth_date": 1.5,  # IDENTITY_MISMATCH, tier nik
    "identity_name": 1.5,  # IDENTITY_MISMATCH, tier nik
    "nik_precision": 1.1,  # IDENTITY_MISMATCH, tier nik_excel_precision
    "nik_typo": 1.5,  # IDENTITY_MISMATCH, tier nik_typo
    "nik_blank": 1.1,  # IDENTITY_MISMATCH, tier name_birth_date
    "invalid_identity": 1.1,  # INVALID_ROW payroll: no NIK, no birth date
    "invalid_wage": 1.1,  # INVALID_ROW payroll: wage unreadable; the worker is paired and covered
    "invalid_total": 0.8,  # INVALID_ROW bpjs: TOTAL IURAN "#REF"
    "invalid_status": 0.8,  # INVALID_ROW bpjs: status "??"
}
BPJS_ONLY = ("not_on_payroll", "invalid_total", "invalid_status")
#: Kinds whose people keep plain names, so only the planted difference separates the two sides.
PLAIN = ("identity_birth_date", "identity_name", "nik_typo", "nik_blank", "nik_precision")
UPAH, JKK, JKM = 1_000_000, 10_000, 6_800


def default_counts(workers: int) -> dict[str, int]:
    """Counts per kind for a payroll of `workers` people."""
    return {k: max(1, round(rate * workers / 1000)) for k, rate in KINDS.items()}


@dataclass
class Plan:
    payroll: list[PayrollRecord] = field(default_factory=list)
    bpjs: list[BpjsRecord] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)


class Planner:
    """Builds a Plan from units, their layouts and the counts of planted kinds."""

    def __init__(
        self, rng: random.Random, units: tuple[Unit, ...], layouts: dict[str, PayrollLayout], period: str
    ) -> None:
        self.rng = rng
        self.units = units
        self.layouts = layouts
        self.people = PersonFactory(rng)
        self.plan = Plan()
        self.kpjs: set[str] = set()
        year, month = int(period[:4]), int(period[5:7])
        self.period_start = date(year, month, 1)

    # ---- top level -------------------------------------------------------------------------------
    def build(self, workers: int, counts: dict[str, int]) -> Plan:
        rng = self.rng
        on_payroll = {k: n for k, n in counts.items() if k not in BPJS_ONLY}
        if sum(on_payroll.values()) > workers:
            raise ValueError(f"{sum(on_payroll.values())} planted payroll people exceed {workers} workers")
        slots = self._unit_slots(workers)
        numeric = [i for i, u in enumerate(slots) if self.layouts[u.key].nik_numeric]
        kinds: list[str] = ["normal"] * workers
        n_precision = on_payroll.get("nik_precision", 0)
        for i in rng.sample(numeric, n_precision):
            kinds[i] = "nik_precision"
        free = [i for i in range(workers) if kinds[i] == "normal"]
        rng.shuffle(free)
        for kind, n in on_payroll.items():
            if kind == "nik_precision":
                continue
            for _ in range(n):
                kinds[free.pop()] = kind
        for unit, kind in zip(slots, kinds, strict=True):
            self._payroll_person(unit, kind)
        for kind in BPJS_ONLY:
            for _ in range(counts.get(kind, 0)):
                self._bpjs_only_person(kind)
        return self.plan

    def _unit_slots(self, workers: int) -> list[Unit]:
        """Workers spread over units in proportion to their weights (largest remainder)."""
        total = sum(u.weight for u in self.units)
        exact = [workers * u.weight / total for u in self.units]
        sizes = [int(x) for x in exact]
        by_remainder = sorted(range(len(exact)), key=lambda i: exact[i] - sizes[i], reverse=True)
        for i in by_remainder[: workers - sum(sizes)]:
            sizes[i] += 1
        return [u for u, n in zip(self.units, sizes, strict=True) for _ in range(n)]

    # ---- people on the payroll ------------------------------------------------------------------
    def _payroll_person(self, unit: Unit, kind: str) -> None:
        numeric = self.layouts[unit.key].nik_numeric
        p = self.people.person(
            nik_ends_in_zero=False if kind == "nik_precision" else (True if numeric else None)
        )
        pay_name, bpjs_name = written_names(self.rng, p, variants=kind not in PLAIN)
        rec = self._payroll_record(p, unit, pay_name)
        tier = "nik" if pay_name.upper() == bpjs_name else "name_variant_only"
        match kind:
            case "normal":
                self._paired(rec, self._bpjs_record(p, bpjs_name), tier)
            case "unregistered":
                rec.findings.append(Finding("UNREGISTERED", "no BPJS row for this NIK or name + birth date"))
            case "inactive":
                b = self._bpjs_record(p, bpjs_name, status="NON AKTIF", jkk=0, jkm=0)
                rec.findings.append(Finding("INACTIVE", "only BPJS row has status NON AKTIF, iuran 0"))
                self._paired(rec, b, tier)
            case "premium":
                jkk, jkm = self.rng.choice([(12_000, JKM), (2 * JKK, 2 * JKM), (JKK, 8_400)])
                b = self._bpjs_record(p, bpjs_name, jkk=jkk, jkm=jkm)
                b.findings.append(Finding("PREMIUM_MISMATCH", f"billed {jkk + jkm}, expected 16800"))
                self._paired(rec, b, tier)
            case "wage":
                upah = self.rng.choice([1_500_000, 2_000_000, 2_074_000, 750_000])
                b = self._bpjs_record(p, bpjs_name, upah=upah)
                b.findings.append(Finding("WAGE_MISMATCH", f"UPAH {upah} at BPJS, policy declares 1000000"))
                self._paired(rec, b, tier)
            case "duplicate_payroll":
                self._duplicate_payroll(p, unit, rec, bpjs_name, tier)
            case "duplicate_participant":
                b1, b2 = self._bpjs_record(p, bpjs_name), self._bpjs_record(p, bpjs_name)
                for b, other in ((b1, b2), (b2, b1)):
                    b.findings.append(
                        Finding("DUPLICATE_PARTICIPANT", f"same NIK also under KPJ {other.kpj}")
                    )
                    self._paired(rec, b, tier)
            case "identity_birth_date":
                other = self._other_birth_date(p)
                rec.findings.append(
                    Finding("IDENTITY_MISMATCH", f"birth date {p.birth_date} on payroll, {other} at BPJS")
                )
                self._paired(rec, self._bpjs_record(p, bpjs_name, birth_date=other), "nik")
            case "identity_name":
                other_name = different_name(self.rng, p)
                self.people.name_dates.claim(p.birth_date, [w.upper() for w in other_name.split()], p.pid)
                rec.findings.append(Finding("IDENTITY_MISMATCH", f"name {other_name.upper()} at BPJS"))
                self._paired(rec, self._bpjs_record(p, other_name.upper()), "nik")
            case "nik_precision":
                rec.precision_loss = True
                rec.findings.append(Finding("IDENTITY_MISMATCH", "numeric NIK cell lost its last digit"))
                self._paired(rec, self._bpjs_record(p, bpjs_name), "nik_excel_precision")
            case "nik_typo":
                typo, how = self._typo(p)
                rec.findings.append(Finding("IDENTITY_MISMATCH", f"NIK {typo} at BPJS ({how})"))
                self._paired(rec, self._bpjs_record(p, bpjs_name, nik=typo), "nik_typo")
            case "nik_blank":
                rec.nik = None
                rec.findings.append(Finding("IDENTITY_MISMATCH", "NIK blank on payroll"))
                self._paired(rec, self._bpjs_record(p, bpjs_name), "name_birth_date")
            case "invalid_identity":
                rec.nik, rec.birth_date = None, None
                rec.findings.append(Finding("INVALID_ROW", "no NIK and no birth date"))
            case "invalid_wage":
                # The wage is unusable, not the worker: still on the payroll, paired and covered.
                rec.wage_text = self.rng.choice(["lihat lampiran", "LIHAT LAMPIRAN", "menyusul"])
                rec.monthly_wage = rec.daily_wage = None
                rec.findings.append(Finding("INVALID_ROW", f"wage unreadable: {rec.wage_text!r}"))
                self._paired(rec, self._bpjs_record(p, bpjs_name), tier)
            case _:
                raise ValueError(kind)

    def _duplicate_payroll(
        self, p: Person, unit: Unit, rec: PayrollRecord, bpjs_name: str, tier: str
    ) -> None:
        """Paid twice: in the same unit, or also in another unit.

        A quarter of the second rows carry a degraded identity, as in real files: another unit typed
        the NIK into a number cell (Excel cut it to 15 digits), or left it blank. The person is still
        one person paid twice (and covered): the second row is also an IDENTITY_MISMATCH to correct.
        """
        others = [u for u in self.units if u.key != unit.key]
        same_way = [u for u in others if p.nik.endswith("0") or not self.layouts[u.key].nik_numeric]
        damaging = [u for u in others if self.layouts[u.key].nik_numeric and not p.nik.endswith("0")]
        draw = self.rng.random()
        second_unit, second_tier = unit, tier
        if draw < 0.25 and damaging:
            second_unit, second_tier = self.rng.choice(damaging), "nik_excel_precision"
        elif draw < 0.25:
            second_tier = "name_birth_date"
        elif draw < 0.5 and same_way:
            second_unit = self.rng.choice(same_way)
        second = self._payroll_record(p, second_unit, rec.name)
        second.monthly_wage, second.daily_wage, second.days_worked = (
            (rec.monthly_wage, rec.daily_wage, rec.days_worked)
            if self.layouts[second_unit.key].fields == self.layouts[unit.key].fields
            else (second.monthly_wage, second.daily_wage, second.days_worked)
        )
        b = self._bpjs_record(p, bpjs_name)
        where = "same unit" if second_unit is unit else f"also in {second_unit.name}"
        for r in (rec, second):
            r.findings.append(Finding("DUPLICATE_PAYROLL", f"paid twice ({where})"))
        self._paired(rec, b, tier)
        if second_tier == "nik_excel_precision":
            second.precision_loss = True
            second.findings.append(
                Finding("IDENTITY_MISMATCH", "paid again; numeric NIK cell lost its last digit")
            )
        elif second_tier == "name_birth_date":
            second.nik = None
            second.findings.append(Finding("IDENTITY_MISMATCH", "paid again; NIK blank on this row"))
        self._paired(second, b, second_tier)

    def _other_birth_date(self, p: Person) -> date:
        """Day and month swapped when that is a date, else the year one off; free for the name."""
        d = p.birth_date
        options = [date(d.year, d.day, d.month)] if d.day <= 12 and d.day != d.month else []
        options += (
            [d.replace(year=d.year + 1), d.replace(year=d.year - 1)] if (d.month, d.day) != (2, 29) else []
        )
        options.append(d + timedelta(days=10))
        words = [w.upper() for w in p.name.split()]
        other = next(o for o in options if self.people.name_dates.free_for(o, words, p.pid))
        self.people.name_dates.claim(other, words, p.pid)
        return other

    def _typo(self, p: Person) -> tuple[str, str]:
        """A one-digit substitution (district or serial) or adjacent swap, near nobody else's NIK."""
        nik = p.nik
        swaps = [nik[:i] + nik[i + 1] + nik[i] + nik[i + 2 :] for i in (4, 12, 13) if nik[i] != nik[i + 1]]
        subs = [nik[:i] + c + nik[i + 1 :] for i in (5, 12, 13) for c in "0123456789" if c != nik[i]]
        choices = [(s, "adjacent digits swapped") for s in swaps] + [(s, "one digit wrong") for s in subs]
        choices = [
            (s, how)
            for s, how in choices
            if s[4:6] != "00" and s[12:] != "0000" and self.people.niks.free_for(s, p.pid)
        ]
        if self.rng.random() < 0.5 and any(h.startswith("adjacent") for _, h in choices):
            choices = [c for c in choices if c[1].startswith("adjacent")]
        typo, how = self.rng.choice(choices)
        self.people.niks.claim(typo, p.pid)
        return typo, how

    # ---- people only at BPJS ---------------------------------------------------------------------
    def _bpjs_only_person(self, kind: str) -> None:
        p = self.people.person()
        _, bpjs_name = written_names(self.rng, p, variants=True)
        match kind:
            case "not_on_payroll":
                b = self._bpjs_record(p, bpjs_name)
                b.findings.append(Finding("NOT_ON_PAYROLL", "AKTIF and billed 16800, nobody on the payroll"))
            case "invalid_total":
                b = self._bpjs_record(p, bpjs_name)
                b.total = "#REF"
                b.findings.append(Finding("INVALID_ROW", "TOTAL IURAN unreadable: '#REF'"))
            case "invalid_status":
                b = self._bpjs_record(p, bpjs_name, status="??")
                b.findings.append(Finding("INVALID_ROW", "status unreadable: '??'"))
                # the row still counts: billed, and nobody of that name is on the payroll
                b.findings.append(Finding("NOT_ON_PAYROLL", "billed 16800, nobody on the payroll"))
            case _:
                raise ValueError(kind)

    # ---- record builders ------------------------------------------------------------------------
    def _payroll_record(self, p: Person, unit: Unit, name: str) -> PayrollRecord:
        rng = self.rng
        layout = self.layouts[unit.key]
        rec = PayrollRecord(
            rid=f"P{len(self.plan.payroll) + 1:05d}",
            person=p,
            unit=unit.key,
            unit_name=unit.name,
            section=rng.randrange(len(layout.sheet_names)),
            name=name,
            nik=p.nik,
            birth_date=p.birth_date,
            position=rng.choice(unit.positions),
        )
        if "daily_wage" in layout.fields:
            rec.daily_wage = rng.choice(range(70_000, 100_001, 2_500))
            rec.days_worked = rng.randint(20, 26)
        else:
            rec.monthly_wage = rng.choice([2_074_000, 2_075_000, *range(1_500_000, 2_500_001, 25_000)])
        self.plan.payroll.append(rec)
        return rec

    def _bpjs_record(
        self,
        p: Person,
        name: str,
        *,
        status: str = "AKTIF",
        upah: int = UPAH,
        jkk: int = JKK,
        jkm: int = JKM,
        nik: str | None = None,
        birth_date: date | None = None,
    ) -> BpjsRecord:
        rng = self.rng
        join = date(2015, 1, 1) + timedelta(
            days=rng.randrange((self.period_start - date(2015, 1, 1)).days - 31)
        )
        while True:
            kpj = f"{join.year % 100:02d}{rng.randrange(10**9):09d}"
            if kpj not in self.kpjs:
                break
        self.kpjs.add(kpj)
        rec = BpjsRecord(
            rid=f"B{len(self.plan.bpjs) + 1:05d}",
            person=p,
            kpj=kpj,
            nik=nik or p.nik,
            name=name,
            birth_date=birth_date or p.birth_date,
            join_date=join,
            status=status,
            upah=upah,
            jkk=jkk,
            jkm=jkm,
            total=jkk + jkm,
        )
        self.plan.bpjs.append(rec)
        return rec

    def _paired(self, rec: PayrollRecord, b: BpjsRecord, tier: str) -> None:
        self.plan.pairs.append(Pair(rec.rid, b.rid, tier))
