"""The planned rows of both sides, before any file exists, and where the writers put them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sample_data.people import Person


@dataclass(frozen=True)
class Location:
    """A row as a person sees it: file relative to the bundle, sheet ("" for CSV), 1-based row."""

    file: str
    sheet: str
    row: int


@dataclass(frozen=True)
class Finding:
    """One expected finding on the record that carries it."""

    category: str
    note: str


@dataclass
class PayrollRecord:
    """One payroll line as it will be written (values already misstated where planted)."""

    rid: str
    person: Person
    unit: str  # unit key
    unit_name: str
    section: int  # which sheet of a two-sheet unit
    name: str
    nik: str | None  # None: blank cell
    birth_date: date | None
    position: str
    monthly_wage: int | None = None
    daily_wage: int | None = None
    days_worked: int | None = None
    wage_text: str | None = None  # unreadable wage written instead of the number
    precision_loss: bool = False  # the layout must write this NIK as a number
    findings: list[Finding] = field(default_factory=list)


@dataclass
class BpjsRecord:
    """One line of the BPJS contribution detail."""

    rid: str
    person: Person
    kpj: str
    nik: str
    name: str
    birth_date: date
    join_date: date
    status: str
    upah: int
    jkk: int
    jkm: int
    total: int | str  # str: unreadable text in the TOTAL IURAN cell
    findings: list[Finding] = field(default_factory=list)


@dataclass(frozen=True)
class Pair:
    """A true pairing of a payroll line with a BPJS line, and the tier that should find it."""

    payroll_rid: str
    bpjs_rid: str
    tier: str
