"""Human-readable references to source rows, for finding details ("dinas.xlsx [Lembar1] baris 12")."""

from __future__ import annotations

import pandas as pd

from reconcile.messages import Lang, message


def row_refs(frame: pd.DataFrame, lang: Lang) -> pd.Series:
    """One reference text per row of a prepared frame."""
    out = []
    for file, sheet, row in zip(
        frame["source_file"], frame["source_sheet"], frame["source_row"], strict=True
    ):
        if sheet:
            out.append(message("ref", lang, file=file, sheet=sheet, row=int(row)))
        else:
            out.append(message("ref_csv", lang, file=file, row=int(row)))
    return pd.Series(out, index=frame.index, dtype="string")


def join_refs(refs: list[str], limit: int = 6) -> str:
    """At most `limit` references, then how many more."""
    shown = "; ".join(refs[:limit])
    return shown if len(refs) <= limit else f"{shown}; +{len(refs) - limit}"
