"""BPJS InputTable -> typed participant frame (BPJS_COLUMNS) plus issues."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from reconcile.model import BPJS_COLUMNS, InputTable, Normalised
from reconcile.normalize.columns import raw_column, source_columns
from reconcile.normalize.finish import finish
from reconcile.normalize.identity import identity_columns, parse_join_dates
from reconcile.normalize.money import amount_column
from reconcile.values import STATUSES, clean_text, parse_statuses
from reconcile.values.unique import map_unique, spread
from schemas.bpjs import BpjsSchema
from schemas.issues import ERROR

AMOUNT_FIELDS = ("reported_wage", "jkk", "jkm", "jht", "jp", "total")


def prepare_bpjs(table: InputTable, *, today: dt.date | None = None) -> Normalised:
    """Type every BPJS row and list what is wrong with it.

    An unknown status stays in the frame only long enough for the schema to report it, then is <NA>.
    """
    raw = table.frame.reset_index(drop=True)
    identity, issues = identity_columns(raw, today=today)
    join_date, join_issue = parse_join_dates(raw, today=today)
    status = _status_for_schema(raw_column(raw, "status"))
    amounts: dict[str, pd.Series] = {}
    for field in AMOUNT_FIELDS:
        amounts[field], _, issue = amount_column(raw, field, ERROR)
        issues.append(issue)
    typed = pd.DataFrame(
        {**source_columns(raw), **identity, "join_date": join_date, "status": status, **amounts},
        index=raw.index,
    )
    result, _ = finish(
        typed, BpjsSchema, [*issues, join_issue], columns=BPJS_COLUMNS, index=table.frame.index
    )
    frame = result.frame.assign(status=result.frame["status"].where(result.frame["status"].isin(STATUSES)))
    return type(result)(frame=frame, issues=result.issues)


def _status_for_schema(values: pd.Series) -> pd.Series:
    """Known statuses normalised; an unknown one as its cleaned upper-case text, for the schema to report."""
    parsed = parse_statuses(values)
    codes, texts = map_unique(values, lambda v: (clean_text(v) or "").upper() or None)
    unknown_text = pd.Series(pd.array(spread(codes, texts), dtype="string"), index=values.index)
    return parsed["status"].where(~parsed["unknown"], unknown_text)
