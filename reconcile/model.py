"""The shapes data takes between stages: input tables, normalised frames, and the frozen result.

Every stage speaks in these column names. A row keeps its source reference
(`source_file`, `source_sheet`, `source_row`) from the reader to the report, so any finding
can send a person back to the exact Excel row (1-based, title rows counted) or CSV line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

Side = Literal["payroll", "bpjs"]

#: Where a row came from. `source_sheet` is "" for CSV; `source_row` is what a person sees in Excel.
SOURCE_COLUMNS = ["source_file", "source_sheet", "source_row"]

#: Canonical payroll fields, as the alias table maps headers onto them.
PAYROLL_FIELDS = [
    "nik",
    "name",
    "birth_date",
    "birth_place_date",
    "unit",
    "position",
    "monthly_wage",
    "allowance",  # fixed allowances, added to a basic-wage monthly_wage (reconcile.normalize.wages)
    "daily_wage",
    "days_worked",
    "kpj",
    "leave_date",  # tanggal berhenti: the worker left (a warning when before the period)
]

#: Canonical BPJS participant / contribution-detail fields.
BPJS_FIELDS = [
    "kpj",
    "nik",
    "name",
    "birth_date",
    "join_date",
    "end_date",  # tanggal non aktif / keluar: the registration ended
    "status",
    "reported_wage",
    "jkk",
    "jkm",
    "jht",
    "jp",
    "total",
    "period",  # the month a row bills (PERIODE per row): another month is arrears
    "program",  # the program a line bills (PROGRAM per row: JKK, JKM, DENDA): classify.program_lines
]

#: Columns of a normalised payroll frame (output of `normalize_payroll`).
#: nik / kpj are digit text or <NA>; `nik_raw` keeps what the cell said (for messages only);
#: `nik_numeric` is True when the NIK cell was a number (Excel may have eaten its last digit).
PAYROLL_COLUMNS = [
    *SOURCE_COLUMNS,
    "nik",
    "nik_raw",
    "nik_numeric",
    "kpj",
    "name",
    "birth_date",
    "birth_place",
    "unit",
    "position",
    "monthly_wage",
    "daily_wage",
    "days_worked",
    "leave_date",
    *["nik_valid", "kpj_valid", "rejected"],
]

#: Columns of a normalised BPJS frame (output of `normalize_bpjs`).
#: status is one of "AKTIF", "NON AKTIF" or <NA> (blank, or a status that could not be read);
#: `status_text` is the status as the file wrote it (quoted in messages). `end_date` is when the
#: registration ended: the end-date column, else a date in the status ("Aktif s/d 30-04-2024").
#: Amounts are float Rupiah or NaN.
BPJS_COLUMNS = [
    *SOURCE_COLUMNS,
    "kpj",
    "nik",
    "nik_raw",
    "nik_numeric",
    "name",
    "birth_date",
    "join_date",
    "end_date",
    "status",
    "status_text",
    "reported_wage",
    "jkk",
    "jkm",
    "jht",
    "jp",
    "total",
    "billing_period",  # "YYYY-MM" the row bills, <NA> when the file names none (reconcile.classify.arrears)
    "program",  # jkk/jkm/jht/jp/late_fee a program line bills, <NA> (reconcile.classify.program_lines)
    *["nik_valid", "kpj_valid", "rejected"],
]

#: `nik_valid` / `kpj_valid`: the value passed the schema (16-digit NIK with a real province code and
#: an embedded date that exists; 11-digit KPJ). `rejected`: the row cannot be used at all (it has an
#: "error" issue); it becomes an INVALID_ROW finding and takes no part in matching.

#: Columns of the issues frame: problems found in one input row while reading or validating.
#: severity "error" means the row cannot be used (it becomes INVALID_ROW and is rejected);
#: "warning" means the row is used and the warning is listed in the report.
ISSUE_COLUMNS = [*SOURCE_COLUMNS, "field", "severity", "message"]


#: dtypes of prepared frames where they are not "string" (see the column lists above).
_PREPARED_DTYPES: dict[str, str] = {
    "source_row": "int64",
    **dict.fromkeys(["birth_date", "join_date", "end_date", "leave_date"], "datetime64[ns]"),
    **dict.fromkeys(["nik_numeric", "nik_valid", "kpj_valid", "rejected"], "bool"),
    **dict.fromkeys(
        ["monthly_wage", "daily_wage", "days_worked", "reported_wage", "jkk", "jkm", "jht", "jp", "total"],
        "float64",
    ),
}


def empty_frame(columns: list[str]) -> pd.DataFrame:
    """A prepared side with no rows (PAYROLL_COLUMNS or BPJS_COLUMNS), typed like a real one."""
    return pd.DataFrame({c: pd.Series(dtype=_PREPARED_DTYPES.get(c, "string")) for c in columns})


def empty_issues() -> pd.DataFrame:
    """An issues frame with no rows and the right columns."""
    return pd.DataFrame({c: pd.Series(dtype="object") for c in ISSUE_COLUMNS})


@dataclass(frozen=True)
class StatedTotal:
    """A total row of a sheet (JUMLAH, SUB TOTAL, or amounts alone below the data) and what it states."""

    row: int  # 1-based row in the sheet
    label: str  # its text, e.g. "JUMLAH" or "SUB JUMLAH BIDANG A" ("" for amounts without a label)
    cells: dict[str, object]  # amount field -> the cell as the file gave it
    people: int | None = None  # the head count it states ("JUMLAH 45 ORANG"), if any


@dataclass(frozen=True)
class SheetInfo:
    """What the reader learned about one sheet it used."""

    name: str  # "" for CSV
    header_row: int  # 1-based row of the header
    columns: dict[str, str]  # canonical field -> header text as found
    data_rows: int  # data rows kept from this sheet
    skipped_rows: int  # structural rows skipped (blank, column numbers, totals, signatures)
    title_text: str  # the text of the rows above the header, joined with " | "
    periods: tuple[str, ...] = ()  # the months (YYYY-MM) its title rows, else its name, name
    period_source: str = ""  # "title" | "sheet name" | "" (names no month)
    stated_totals: tuple[StatedTotal, ...] = ()  # its total rows, checked against its data rows
    #: Data rows kept that Excel hides (by hand or by an AutoFilter): how many, and the first sheet rows.
    hidden_data_rows: int = 0
    hidden_rows: tuple[int, ...] = ()  # their 1-based sheet rows, the first 100 at most


@dataclass(frozen=True)
class SheetNotRead:
    """A sheet that the reader left out, and why (reported, never silently dropped)."""

    name: str
    #: "hidden" (hidden or very hidden in Excel) | "other_month" (names a month, not the period)
    #: | "incomplete_header" (no name or no NIK/KPJ column, beside a sheet that has both)
    #: | "no_header" (visible, with content, but no header of a list of workers: a recap, notes)
    reason: str
    visibility: str = "visible"  # Excel's sheet state: visible | hidden | veryhidden
    periods: tuple[str, ...] = ()  # the months (YYYY-MM) its title rows, else its name, name
    period_source: str = ""  # "title" | "sheet name" | ""
    header_rows: str = ""  # Excel row(s) of its header-like row(s): "3" or "3-4"
    missing: str = ""  # for "incomplete_header": the column it lacks, "name" | "identity"


@dataclass(frozen=True)
class InputTable:
    """One input file as read: raw cell values under canonical field names.

    `frame` has SOURCE_COLUMNS, `unit_hint` (the unit named in the title rows, else the file
    stem), and one column per canonical field found in the header, holding the raw cell values
    (str, int, float, datetime, or None) exactly as the file gave them.
    """

    path: str  # as given by the user, or under the given folder
    kind: Side
    sha256: str
    sheets: tuple[SheetInfo, ...]
    frame: pd.DataFrame
    sheets_not_read: tuple[SheetNotRead, ...] = ()  # hidden sheets and other months' sheets

    @property
    def rows_read(self) -> int:
        return len(self.frame)


@dataclass(frozen=True)
class Normalised:
    """A typed frame for one side plus the issues found producing it."""

    frame: pd.DataFrame
    issues: pd.DataFrame = field(default_factory=empty_issues)
