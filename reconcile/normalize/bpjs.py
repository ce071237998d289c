"""BPJS InputTable -> typed participant frame (BPJS_COLUMNS) plus issues.

A status that cannot be read ("Dalam Proses") does not reject the row: the registration exists, so
the worker must not be told to register again. The row is kept with no status and an error on the
status field alone (INVALID_ROW: the value is unusable, the row still counts); classify treats it as
a registration whose status is unknown.

A bill split by program (one line per participant and program, or a sheet per program) keeps its
lines as rows; each line's amount goes on its program's part (reconcile.normalize.programs) and
reconcile.classify.program_lines adds the lines of one bill up.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from reconcile.model import BPJS_COLUMNS, InputTable, Normalised
from reconcile.normalize.columns import raw_column, source_columns
from reconcile.normalize.finish import finish
from reconcile.normalize.identity import date_column, identity_columns, parse_join_dates
from reconcile.normalize.money import amount_column
from reconcile.normalize.programs import line_programs
from reconcile.values import parse_statuses, parse_texts
from reconcile.values.billing_period import parse_billing_periods
from schemas.bpjs import BpjsSchema
from schemas.issues import ERROR, issues_where

AMOUNT_FIELDS = ("reported_wage", "jkk", "jkm", "jht", "jp", "total")
UNKNOWN_STATUS = (
    "Status tidak dikenal; diharapkan AKTIF atau NON AKTIF. Baris tetap dipakai sebagai data "
    "kepesertaan; pastikan statusnya ke BPJS"
)


def prepare_bpjs(table: InputTable, *, today: dt.date | None = None) -> Normalised:
    """Type every BPJS row and list what is wrong with it."""
    raw = table.frame.reset_index(drop=True)
    identity, issues = identity_columns(raw, today=today)
    join_date, join_issue = parse_join_dates(raw, today=today)
    end_date, end_issue = date_column(raw, "end_date", "Tanggal non aktif", today=today)
    status_cells = raw_column(raw, "status")
    status = parse_statuses(status_cells, today=today)
    status_text = parse_texts(status_cells)
    amounts: dict[str, pd.Series] = {}
    for field in AMOUNT_FIELDS:
        amounts[field], _, issue = amount_column(raw, field, ERROR)
        issues.append(issue)
    # A line of a bill split by program (PROGRAM column, or a sheet per program) bills one part.
    program, program_issues = line_programs(raw, amounts)
    typed = pd.DataFrame(
        {
            **source_columns(raw),
            **identity,
            # A date in the status ("Aktif per 01-06-2024", "Aktif s/d 30-04-2024") fills in a blank column.
            "join_date": join_date.fillna(status["start_date"]),
            "end_date": end_date.fillna(status["end_date"]),
            "status": status["status"],
            "status_text": status_text,
            **amounts,
            "billing_period": parse_billing_periods(raw_column(raw, "period")),
            "program": program,
        },
        index=raw.index,
    )
    unknown = unknown_status_issues(status["unknown"])
    result, _ = finish(
        typed,
        BpjsSchema,
        [*issues, join_issue, end_issue, unknown, program_issues],
        columns=BPJS_COLUMNS,
        index=table.frame.index,
        value_fields=frozenset({"status"}),
    )
    return result


def unknown_status_issues(unknown: pd.Series) -> pd.DataFrame:
    """An error per status that could not be read, on a value field: the row is not rejected, it stays
    a registration (INVALID_ROW says the status is unusable and the row still counts).

    The cell is not quoted: a status column shifted by one holds names (UU PDP)."""
    return issues_where(unknown, "status", ERROR, UNKNOWN_STATUS)
