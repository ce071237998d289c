"""The finding categories of ../shared/CONTRACT.md: names other tools rely on, never renamed."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    """One finding has exactly one category."""

    UNREGISTERED = "UNREGISTERED"
    INACTIVE = "INACTIVE"
    NOT_ON_PAYROLL = "NOT_ON_PAYROLL"
    PREMIUM_MISMATCH = "PREMIUM_MISMATCH"
    WAGE_MISMATCH = "WAGE_MISMATCH"
    DUPLICATE_PAYROLL = "DUPLICATE_PAYROLL"
    DUPLICATE_PARTICIPANT = "DUPLICATE_PARTICIPANT"
    IDENTITY_MISMATCH = "IDENTITY_MISMATCH"
    INVALID_ROW = "INVALID_ROW"


#: Categories in report order: uninsured people first, then money, then records to fix.
CATEGORY_ORDER: tuple[Category, ...] = (
    Category.UNREGISTERED,
    Category.INACTIVE,
    Category.NOT_ON_PAYROLL,
    Category.DUPLICATE_PARTICIPANT,
    Category.PREMIUM_MISMATCH,
    Category.WAGE_MISMATCH,
    Category.DUPLICATE_PAYROLL,
    Category.IDENTITY_MISMATCH,
    Category.INVALID_ROW,
)

#: Which input a category speaks about (CONTRACT "side"). INVALID_ROW can be either.
CATEGORY_SIDE: dict[Category, str] = {
    Category.UNREGISTERED: "payroll",
    Category.INACTIVE: "payroll",
    Category.NOT_ON_PAYROLL: "bpjs",
    Category.PREMIUM_MISMATCH: "bpjs",
    Category.WAGE_MISMATCH: "both",
    Category.DUPLICATE_PAYROLL: "payroll",
    Category.DUPLICATE_PARTICIPANT: "bpjs",
    Category.IDENTITY_MISMATCH: "payroll",
    Category.INVALID_ROW: "either",
}

#: Columns of exceptions.csv, in contract order. More may follow, never fewer, never renamed.
EXCEPTION_COLUMNS: list[str] = [
    "category",
    "payroll_file",
    "payroll_sheet",
    "payroll_row",
    "bpjs_file",
    "bpjs_sheet",
    "bpjs_row",
    "nik",
    "kpj",
    "name",
    "unit",
    "match_method",
    "expected_idr",
    "billed_idr",
    "difference_idr",
    "exposure_idr",
    "detail",
    "finding_id",
    "first_seen",
    "age_months",
]

#: Columns of matches.csv.
MATCH_COLUMNS: list[str] = [
    "payroll_file",
    "payroll_sheet",
    "payroll_row",
    "bpjs_file",
    "bpjs_sheet",
    "bpjs_row",
    "match_method",
    "score",
    "nik",
    "kpj",
    "name",
    "unit",
]
