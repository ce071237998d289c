"""Which columns each detail sheet shows, in which order, and how each is formatted.

A column listed for a sheet is always shown; any other known column is shown only when the sheet's rows
hold a value in it, so nothing a finding carries is hidden and empty columns do not crowd the print.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reconcile.categories import CATEGORY_SIDE, Category

Kind = Literal["text", "int", "money", "score", "date"]


@dataclass(frozen=True)
class Column:
    key: str  # frame column
    kind: Kind
    max_width: int = 45

    @property
    def label_key(self) -> str:
        return f"col.{self.key}"


_ALL = [
    Column("name", "text", 30),
    Column("nik", "text", 20),
    Column("kpj", "text", 14),
    Column("unit", "text", 24),
    Column("expected_idr", "money"),
    Column("billed_idr", "money"),
    Column("difference_idr", "money"),
    Column("exposure_idr", "money"),
    Column("match_method", "text", 22),
    Column("score", "score"),
    Column("detail", "text", 48),
    Column("status", "text", 16),  # translated code (baru / masih terbuka / dijelaskan)
    Column("age_months", "int"),
    Column("first_seen", "text", 10),
    Column("explained", "text", 40),
    Column("finding_id", "text", 16),
    Column("payroll_file", "text", 30),
    Column("payroll_sheet", "text", 14),
    Column("payroll_row", "int"),
    Column("bpjs_file", "text", 30),
    Column("bpjs_sheet", "text", 14),
    Column("bpjs_row", "int"),
]
COLUMNS: dict[str, Column] = {c.key: c for c in _ALL}
PAYROLL_REF = ("payroll_file", "payroll_sheet", "payroll_row")
BPJS_REF = ("bpjs_file", "bpjs_sheet", "bpjs_row")

# The amount a reader acts on first in each category: rows are sorted by it and it carries data bars.
PRIMARY_AMOUNT: dict[Category, str] = {
    Category.UNREGISTERED: "exposure_idr",
    Category.INACTIVE: "exposure_idr",
    Category.NOT_ON_PAYROLL: "billed_idr",
    Category.DUPLICATE_PARTICIPANT: "billed_idr",
    Category.PREMIUM_MISMATCH: "difference_idr",
    Category.WAGE_MISMATCH: "difference_idr",
}
_AMOUNTS: dict[Category, tuple[str, ...]] = {
    Category.PREMIUM_MISMATCH: ("expected_idr", "billed_idr", "difference_idr"),
    Category.WAGE_MISMATCH: ("expected_idr", "billed_idr", "difference_idr"),
}


#: What the amount columns of a category sheet count, for their headers: the contribution billed and
#: due, or (WAGE_MISMATCH) the wage reported to BPJS and the wage the rules give. Other categories
#: and mixed sheets keep the plain headers.
_AMOUNT_MEANING: dict[Category, str] = {
    Category.INACTIVE: "premium",
    Category.NOT_ON_PAYROLL: "premium",
    Category.DUPLICATE_PARTICIPANT: "premium",
    Category.PREMIUM_MISMATCH: "premium",
    Category.WAGE_MISMATCH: "wage",
}
_MEANING_COLUMNS = ("expected_idr", "billed_idr", "difference_idr")


def header_key(column: Column, category: Category | None = None) -> str:
    """The label key of `column`'s header on `category`'s sheet: 'col.wage.billed_idr' for the wage
    reported to BPJS on the wage sheet, 'col.billed_idr' where the sheet does not say what it counts."""
    meaning = _AMOUNT_MEANING.get(category) if category is not None else None
    if meaning and column.key in _MEANING_COLUMNS:
        return f"col.{meaning}.{column.key}"
    return column.label_key


def category_columns(category: Category) -> tuple[list[str], list[str]]:
    """(always shown, shown when filled) column keys for a category sheet, in display order."""
    side = CATEGORY_SIDE[category]
    always = {"name", "nik", "kpj", "unit", "detail"}
    always |= set(_AMOUNTS.get(category, ()))
    if category in PRIMARY_AMOUNT:
        always.add(PRIMARY_AMOUNT[category])
    if side in ("payroll", "both", "either"):
        always |= set(PAYROLL_REF)
    if side in ("bpjs", "both", "either"):
        always |= set(BPJS_REF)
    order = [c.key for c in _ALL if c.key != "score"]
    return [k for k in order if k in always], [k for k in order if k not in always]


#: The "Selesai" sheet: findings of the previous period that are gone now (ledger columns, translated).
RESOLVED_COLUMNS = [
    Column("category", "text", 24),
    *(COLUMNS[k] for k in ("name", "nik", "kpj", "unit")),
    Column("last_seen", "text", 10),
    *(COLUMNS[k] for k in ("first_seen", "age_months", "explained")),
    *(COLUMNS[k] for k in ("expected_idr", "billed_idr", "difference_idr", "exposure_idr")),
    COLUMNS["finding_id"],
    *(COLUMNS[k] for k in (*PAYROLL_REF, *BPJS_REF)),
]
#: Shown on the "Selesai" sheet only when some row holds a value (amounts, row references of one side).
RESOLVED_OPTIONAL = frozenset(
    {"explained", "expected_idr", "billed_idr", "difference_idr", "exposure_idr", *PAYROLL_REF, *BPJS_REF}
)

MATCH_ORDER = ["name", "nik", "kpj", "unit", "match_method", "score", *PAYROLL_REF, *BPJS_REF]

WARNING_COLUMNS = [
    Column("source_file", "text", 40),
    Column("source_sheet", "text", 20),
    Column("source_row", "int"),
    Column("field", "text", 18),
    Column("severity", "text", 12),
    Column("message", "text", 80),
]
