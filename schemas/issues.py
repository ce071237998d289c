"""Issue rows: build them from masks or from pandera's failure cases, then attach row references.

While a frame is being prepared, an issue points at its row by position (column `_row`); `with_sources`
turns that into the file / sheet / row a person can open. Messages are short Indonesian sentences that
name the field and what was expected; they never carry a full NIK, a name or a wage (UU PDP).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Literal

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from reconcile.model import ISSUE_COLUMNS, SOURCE_COLUMNS, empty_issues
from reconcile.values.nik import last4

Severity = Literal["error", "warning"]
ERROR: Severity = "error"
WARNING: Severity = "warning"

ROW = "_row"
PART_COLUMNS = [ROW, "field", "severity", "message", "check"]

#: How fields are called in messages.
FIELD_LABELS: dict[str, str] = {
    "nik": "NIK",
    "kpj": "KPJ",
    "name": "Nama",
    "birth_date": "Tanggal lahir",
    "birth_place_date": "Tempat/tanggal lahir",
    "join_date": "Tanggal kepesertaan",
    "end_date": "Tanggal non aktif",
    "leave_date": "Tanggal berhenti",
    "status": "Status",
    "monthly_wage": "Upah",
    "allowance": "Tunjangan",
    "daily_wage": "Upah harian",
    "days_worked": "Hari kerja",
    "reported_wage": "Upah dilaporkan",
    "jkk": "Iuran JKK",
    "jkm": "Iuran JKM",
    "jht": "Iuran JHT",
    "jp": "Iuran JP",
    "total": "Total iuran",
    "source_row": "Nomor baris",
}


def _digit_count(value: Any) -> int:
    return len(str(value))


def _premium_sign_message(field: str, value: Any) -> str:
    """A premium part negative on a bill (a correction's parts may have either sign)."""
    return f"{FIELD_LABELS.get(field, field)} negatif; diharapkan angka 0 atau lebih"


#: check name -> (field, or None for the failing column; severity; message from the failing value).
CHECK_RULES: dict[str, tuple[str | None, Severity, Callable[[str, Any], str]]] = {
    "nik_has_16_digits": (
        None,
        WARNING,
        lambda f, v: f"NIK tidak valid: harus 16 digit, ditemukan {_digit_count(v)} digit",
    ),
    "nik_province_known": (
        None,
        WARNING,
        lambda f, v: "NIK tidak valid: 2 digit pertama bukan kode provinsi yang dikenal",
    ),
    "nik_date_exists": (
        None,
        WARNING,
        lambda f, v: "NIK tidak valid: digit 7-12 (DDMMYY, perempuan tanggal+40) bukan tanggal yang ada",
    ),
    "kpj_has_11_digits": (
        None,
        WARNING,
        lambda f, v: f"KPJ tidak valid: harus 11 digit, ditemukan {_digit_count(v)} digit",
    ),
    "nik_matches_birth_date": (
        "nik",
        WARNING,
        lambda f, v: "Tanggal lahir dalam NIK (digit 7-12) berbeda dengan kolom tanggal lahir",
    ),
    "amount_not_negative": (
        None,
        ERROR,
        lambda f, v: f"{FIELD_LABELS.get(f, f)} negatif; diharapkan angka 0 atau lebih",
    ),
    **{
        f"{part}_sign_fits_premium": (part, ERROR, lambda f, v: _premium_sign_message(f, v))
        for part in ("jkk", "jkm", "jht", "jp")
    },
    "status_known": (
        None,
        ERROR,
        lambda f, v: "Status tidak dikenal; diharapkan AKTIF atau NON AKTIF",
    ),
    "greater_than_or_equal_to(1)": (
        None,
        ERROR,
        lambda f, v: "Nomor baris sumber harus 1 atau lebih",
    ),
}


#: What a date cell should look like, for messages.
DATE_EXPECTED = "diharapkan tanggal seperti 12-05-1985 atau 12 Mei 1985"
_NO_IDENTITY = "Identitas tidak dapat dipakai: tidak ada NIK/KPJ yang valid"
#: How much of an unreadable date cell a message quotes.
QUOTE_CHARS = 40
#: A run of digits this long is an identifier (NIK, KPJ, account), not a date: shown as its last four.
_IDENTIFIER_DIGITS = re.compile(r"[0-9]{9,}")


def no_identity_issues(frame: pd.DataFrame, mask: pd.Series | np.ndarray) -> pd.DataFrame:
    """An error for every row where `mask` is True: no valid NIK/KPJ, and no name plus birth date.

    The reason tells a blank birth date from one that is there but unreadable, taken from the
    optional column `birth_date_text` (the unreadable cell's text, <NA> elsewhere).
    """
    rows = np.flatnonzero(np.asarray(mask, dtype=bool))
    if "birth_date_text" in frame.columns:
        unread = frame["birth_date_text"].to_numpy(dtype=object)[rows]
    else:
        unread = np.full(len(rows), None, dtype=object)
    name_blank = frame["name"].isna().to_numpy(dtype=bool)[rows]
    messages = [_no_identity_message(t, b) for t, b in zip(unread, name_blank, strict=True)]
    return pd.DataFrame(
        {ROW: rows, "field": "identity", "severity": ERROR, "message": messages, "check": ""},
        columns=PART_COLUMNS,
    )


def _no_identity_message(unread_date: Any, name_blank: bool) -> str:
    if pd.isna(unread_date):
        return f"{_NO_IDENTITY}, dan nama atau tanggal lahir kosong"
    name = "nama kosong, " if name_blank else ""
    found = f": ditemukan {quoted_text(unread_date)}" if _has_digit(unread_date) else ""
    return f"{_NO_IDENTITY}, {name}dan tanggal lahir tidak terbaca{found}; {DATE_EXPECTED}"


def _has_digit(text: str) -> bool:
    """Only a text with a digit is a date attempt worth quoting; words alone may be a name (UU PDP)."""
    return any(ch.isdigit() for ch in text)


def quoted_text(text: str) -> str:
    """ "text" in quotes, long digit runs masked like a NIK, cut to QUOTE_CHARS characters."""
    text = _IDENTIFIER_DIGITS.sub(lambda m: last4(m.group()), text)
    if len(text) > QUOTE_CHARS:
        text = text[: QUOTE_CHARS - 1] + "\u2026"
    return f'"{text}"'


def issues_where(
    mask: pd.Series | np.ndarray, field: str, severity: Severity, message: str | list[str]
) -> pd.DataFrame:
    """One issue for every row where `mask` is True (rows by position); `message` is one text for
    all of them, or one per such row."""
    rows = np.flatnonzero(np.asarray(mask, dtype=bool))
    return pd.DataFrame(
        {ROW: rows, "field": field, "severity": severity, "message": message, "check": ""},
        columns=PART_COLUMNS,
    )


def validation_issues(schema: pa.DataFrameSchema, frame: pd.DataFrame) -> pd.DataFrame:
    """Validate `frame` lazily and return one issue per failing (row, check, field).

    The frame's index must be unique. A failure that is not about a row (a wrong dtype, a missing
    column) means the normalising code is wrong, and is raised.
    """
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as errors:
        cases = errors.failure_cases
    else:
        return pd.DataFrame(columns=PART_COLUMNS)
    unplaced = cases[cases["index"].isna()]
    if len(unplaced):
        raise RuntimeError(f"normalised frame does not fit {schema.name}:\n{unplaced.to_string()}")
    parts = []
    for (check, column), group in cases.groupby(["check", "column"], sort=False, dropna=False):
        field, severity, describe = CHECK_RULES[str(check)]
        if field is not None and column != field:
            continue  # a frame-wide check lists every column of a failing row; keep one
        field = field or str(column)
        rows = frame.index.get_indexer(group["index"].to_numpy())
        parts.append(
            pd.DataFrame(
                {
                    ROW: rows,
                    "field": field,
                    "severity": severity,
                    "message": [describe(field, v) for v in group["failure_case"]],
                    "check": str(check),
                },
                columns=PART_COLUMNS,
            )
        )
    return concat_parts(parts)


def concat_parts(parts: list[pd.DataFrame]) -> pd.DataFrame:
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=PART_COLUMNS)
    return pd.concat(parts, ignore_index=True)


def with_sources(frame: pd.DataFrame, parts: list[pd.DataFrame]) -> pd.DataFrame:
    """The issues as ISSUE_COLUMNS, each with the source reference of its row, in row order."""
    found = concat_parts(parts)
    if found.empty:
        return empty_issues()
    found = found.sort_values(ROW, kind="stable")
    rows = found[ROW].to_numpy(dtype=np.int64)
    out = {c: frame[c].to_numpy(dtype=object)[rows] for c in SOURCE_COLUMNS}
    out |= {c: found[c].to_numpy(dtype=object) for c in ("field", "severity", "message")}
    return pd.DataFrame(out, columns=ISSUE_COLUMNS)
