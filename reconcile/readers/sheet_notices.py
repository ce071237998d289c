"""Run notices for the sheets the reader left out: one per file and reason, in the report's language.

A sheet naming another month or a hidden sheet is not read (`sheet_choice`); the report must say so,
naming the file, the sheets and the month each names, so nobody wonders where its rows went.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from reconcile.messages import Lang, message

#: messages.csv key per reason a sheet was not read.
_KEYS = {"other_month": "sheets_other_month", "hidden": "sheets_hidden"}


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
                        sheets=", ".join(_described(s) for s in sheets),
                        period=period,
                        read=read_names,
                    )
                )
    return notices


def _described(sheet: Mapping[str, object]) -> str:
    """'APRIL' (2024-04), or just 'Lookup' when it names no month."""
    periods = sheet.get("periods") or ()
    months = ", ".join(str(p) for p in periods)  # type: ignore[attr-defined]
    name = repr(str(sheet.get("sheet", "")))
    return f"{name} ({months})" if months else name
