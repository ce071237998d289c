"""Run notices for what the reader left out or found empty: one per file and reason, in the report's language.

A sheet naming another month, a hidden sheet, or a sheet whose header lacks the name or NIK/KPJ
column beside a complete one is not read (`sheet_choice`); the report must say so, naming the file,
the sheets and the month each names (or the header row and what it lacks), so nobody wonders where
its rows went. A file with a header but no worker row under it (a unit that sent an empty list, or
the wrong file) is read without error, and is said too (`empty_input_notices`). Worker rows that
Excel hides (by hand, or filtered out by an AutoFilter) are read like the others: offices hide the
rows of workers who left, or send a filtered view, so each sheet holding some is said, with its first
rows (`hidden_row_notices`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from reconcile.messages import Lang, message

#: messages.csv key per reason a sheet was not read.
_KEYS = {
    "other_month": "sheets_other_month",
    "hidden": "sheets_hidden",
    "incomplete_header": "sheets_incomplete_header",
    "no_header": "sheets_no_header",
}
#: messages.csv key saying what an incomplete header lacks (SheetNotRead.missing).
_LACKS = {"name": "sheet_header_without_name", "identity": "sheet_header_without_identity"}


def sheet_notices(inputs: Iterable[object], period: str, lang: Lang = "id") -> list[str]:
    """One notice per input file and reason (PreparedInput-like: path, sheets, sheets_not_read)."""
    notices = []
    for item in inputs:
        not_read: Iterable[Mapping[str, object]] = getattr(item, "sheets_not_read", ())
        read: Iterable[Mapping[str, object]] = getattr(item, "sheets", ())
        read_names = ", ".join(repr(str(s.get("sheet", ""))) for s in read) or "-"
        for reason, key in _KEYS.items():
            sheets = [s for s in not_read if s.get("reason") == reason]
            if sheets:
                notices.append(
                    message(
                        key,
                        lang,
                        file=str(getattr(item, "path", "")),
                        sheets=", ".join(_described(s, lang) for s in sheets),
                        period=period,
                        read=read_names,
                    )
                )
    return notices


def empty_input_notices(inputs: Iterable[object], lang: Lang = "id") -> list[str]:
    """One notice per file whose sheets read give no data row at all, naming where its header is."""
    notices = []
    for item in inputs:
        read: list[Mapping[str, object]] = list(getattr(item, "sheets", ()))
        if read and not any(s.get("data_rows") for s in read):
            where = "; ".join(_header_at(s, lang) for s in read)
            notices.append(
                message("input_no_worker_rows", lang, file=str(getattr(item, "path", "")), where=where)
            )
    return notices


#: Hidden rows named in a notice; the manifest lists more (PreparedInput.sheets[*]["hidden_rows"]).
HIDDEN_ROWS_NAMED = 10


def hidden_row_notices(inputs: Iterable[object], lang: Lang = "id") -> list[str]:
    """One notice per sheet read whose worker rows include rows Excel hides, naming the first of them."""
    notices = []
    for item in inputs:
        read: Iterable[Mapping[str, object]] = getattr(item, "sheets", ())
        for sheet in read:
            hidden: Mapping[str, Any] = sheet.get("hidden_rows") or {}  # type: ignore[assignment]
            if hidden.get("count"):
                notices.append(
                    message(
                        "hidden_data_rows",
                        lang,
                        file=str(getattr(item, "path", "")),
                        sheet=repr(str(sheet.get("sheet") or "")),
                        n=hidden["count"],
                        rows=_first_rows(list(hidden.get("rows") or ()), int(hidden["count"])),
                    )
                )
    return notices


def _first_rows(rows: list[int], count: int) -> str:
    """ "12, 15, 18." (the sentence ends), or "12, 15, 18 …" when there are more than the rows named."""
    named = rows[:HIDDEN_ROWS_NAMED]
    return ", ".join(map(str, named)) + (" …" if count > len(named) else ".")


def _header_at(sheet: Mapping[str, object], lang: Lang) -> str:
    """ "sheet 'Juni' baris 5", or "baris 1" for a CSV file (no sheet)."""
    name, row = str(sheet.get("sheet") or ""), sheet.get("header_row", "?")
    if name:
        return message("header_at_sheet_row", lang, sheet=repr(name), row=row)
    return message("header_at_line", lang, row=row)


def _described(sheet: Mapping[str, object], lang: Lang) -> str:
    """'APRIL' (2024-04); 'Petunjuk' (baris 3-4: tanpa kolom nama); 'Lookup' when it names no month."""
    name = repr(str(sheet.get("sheet", "")))
    if sheet.get("reason") == "incomplete_header" and sheet.get("missing") in _LACKS:
        lacks = message(_LACKS[str(sheet["missing"])], lang, rows=sheet.get("header_rows", "?"))
        return f"{name} ({lacks})"
    periods = sheet.get("periods") or ()
    months = ", ".join(str(p) for p in periods)  # type: ignore[attr-defined]
    return f"{name} ({months})" if months else name
