"""The last step for both sides: validate, set the validity flags, reject rows with an error.

An error on a `value_fields` field (the payroll wage) does not reject the row: the person stays in
the reconciliation, the value is blanked so no check uses it, and the error still becomes INVALID_ROW.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa

from reconcile.model import Normalised
from schemas.issues import ERROR, ROW, concat_parts, no_identity_issues, validation_issues, with_sources

#: Schema checks whose failure makes the value unusable as an identifier.
_NIK_CHECKS = ("nik_has_16_digits", "nik_province_known", "nik_date_exists")
_KPJ_CHECKS = ("kpj_has_11_digits",)


def finish(
    typed: pd.DataFrame,
    schema: pa.DataFrameSchema,
    parts: list[pd.DataFrame],
    *,
    columns: list[str],
    index: pd.Index,
    value_fields: frozenset[str] = frozenset(),
) -> tuple[Normalised, pd.DataFrame]:
    """Validate `typed` (positional index), add nik_valid / kpj_valid / rejected, attach references.

    Errors on `value_fields` blank those columns on their row instead of rejecting it.
    Returns the Normalised result (frame with `columns`, re-indexed to `index`) and the positional
    schema issues, which a caller may need (e.g. to blank values the schema refused).
    """
    found = validation_issues(schema, typed)
    typed["nik_valid"] = typed["nik"].notna().to_numpy(dtype=bool) & ~_failed(found, _NIK_CHECKS, len(typed))
    typed["kpj_valid"] = typed["kpj"].notna().to_numpy(dtype=bool) & ~_failed(found, _KPJ_CHECKS, len(typed))
    has_person = (typed["name"].notna() & typed["birth_date"].notna()).to_numpy(dtype=bool)
    no_identity = ~typed["nik_valid"] & ~typed["kpj_valid"] & ~has_person
    parts = [*parts, found, no_identity_issues(typed, no_identity)]
    all_issues = concat_parts(parts)
    is_error = all_issues["severity"] == ERROR
    on_value = all_issues["field"].isin(value_fields)
    typed["rejected"] = _rows(all_issues.loc[is_error & ~on_value, ROW], len(typed))
    _blank(typed, _rows(all_issues.loc[is_error & on_value, ROW], len(typed)), value_fields)
    frame = typed[columns].set_axis(index, axis=0)
    return Normalised(frame=frame, issues=with_sources(typed, [all_issues])), found


def _rows(positions: pd.Series, n: int) -> np.ndarray:
    mask = np.zeros(n, dtype=bool)
    mask[positions.to_numpy(dtype=np.int64)] = True
    return mask


def _blank(typed: pd.DataFrame, rows: np.ndarray, fields: frozenset[str]) -> None:
    """The unusable values become NaN: no check may read a half-understood wage."""
    for column in sorted(fields & set(typed.columns)):
        typed[column] = typed[column].where(~rows)


def _failed(found: pd.DataFrame, checks: tuple[str, ...], n: int) -> np.ndarray:
    mask = np.zeros(n, dtype=bool)
    mask[found.loc[found["check"].isin(checks), ROW].to_numpy(dtype=np.int64)] = True
    return mask
