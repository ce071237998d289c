"""Turn core findings and pairs into the contract's exceptions and matches frames.

Row references come from the prepared frames. `finding_id` is keyed on the person's identity
(NIK, else KPJ, else name + birth date), never on file or row, so it is stable across periods.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from reconcile.categories import EXCEPTION_COLUMNS, MATCH_COLUMNS
from reconcile.classify.facts import keyed_identity
from reconcile.identity import name_keys


def identity_keys(frame: pd.DataFrame) -> pd.Series:
    """A stable identity text per row: NIK, else KPJ, else name + birth date, else name + unit, else
    the source row. Stable from month to month: a month's inputs usually sit in a folder named for
    the month, so no path enters a key, only the file's own name when nothing else is known."""

    def name_or_source(rows: pd.DataFrame) -> pd.Series:
        names = name_keys(rows["name"].fillna(""))
        unit = rows["unit"].fillna("").astype(str) if "unit" in rows.columns else ""
        file_name = rows["source_file"].astype(str).str.replace(r"^.*[\\/]", "", regex=True)
        sheet = rows["source_sheet"].fillna("").astype(str)
        source = file_name + "|" + sheet + "|" + rows["source_row"].astype(str)
        return ("M:" + names + "|" + unit).where(names != "", "S:" + source)

    return keyed_identity(frame, name_or_source).astype(str)


def _column(
    frame: pd.DataFrame, idx: pd.Series, col: str, fill: object = pd.NA, *, few_values: bool = False
) -> pd.Series:
    """`frame[col]` at the labels in `idx` (object dtype), `fill` where `idx` is missing.

    `few_values`: the column holds few distinct values (a file name), so only those are converted.
    """
    present = idx.notna().to_numpy()
    found = frame[col].reindex(idx[present].to_numpy(dtype=np.int64))
    if few_values and isinstance(found.dtype, pd.StringDtype):
        codes, uniques = pd.factorize(found)
        values = np.append(uniques.to_numpy(dtype=object), found.dtype.na_value)[codes]
    else:
        values = found.to_numpy(dtype=object)
    if not present.all():
        out = np.full(len(idx), fill, dtype=object)
        out[present] = values
        values = out
    return pd.Series(values, index=idx.index, dtype=object, copy=False)


def _row_column(frame: pd.DataFrame, idx: pd.Series) -> pd.Series:
    """The source row numbers of the rows `idx` names (Int64, <NA> where `idx` is missing)."""
    present = idx.notna().to_numpy()
    rows = frame["source_row"].reindex(idx[present].to_numpy(dtype=np.int64)).to_numpy(dtype=np.float64)
    out = np.full(len(idx), np.nan)
    out[present] = rows
    return pd.Series(pd.array(out, dtype="Int64"), index=idx.index)


def _side_columns(frame: pd.DataFrame, idx: pd.Series, prefix: str) -> dict[str, pd.Series]:
    return {
        f"{prefix}_file": _column(frame, idx, "source_file", "", few_values=True),
        f"{prefix}_sheet": _column(frame, idx, "source_sheet", "", few_values=True),
        f"{prefix}_row": _row_column(frame, idx),
    }


def _pick(primary: pd.Series, secondary: pd.Series) -> pd.Series:
    """Primary where it has a value, else secondary (both object dtype, aligned)."""
    values = primary.to_numpy()
    usable = pd.notna(values)
    usable[usable] = values[usable] != ""
    return pd.Series(
        np.where(usable, values, secondary.to_numpy()), index=primary.index, dtype=object, copy=False
    )


def _identity_column(frame: pd.DataFrame, idx: pd.Series) -> pd.Series:
    """`identity_keys` of the rows `idx` names; keys are per row, so only those rows are keyed."""
    present = idx.notna().to_numpy()
    labels = pd.unique(idx[present].astype(int).to_numpy())
    keyed = frame.loc[labels]
    return _column(keyed.assign(_id=identity_keys(keyed)), idx, "_id")


def finding_ids(category: pd.Series, identity: pd.Series) -> pd.Series:
    """sha1 of category and identity, 16 hex digits; unique per row.

    One person can have several findings of one category (a duplicate lists every row involved):
    the second and later get "-2", "-3", in row order, so each row has its own stable id and the
    stem still names the person.
    """
    stems = pd.Series(
        [
            hashlib.sha1(f"{c}|{i}".encode()).hexdigest()[:16]
            for c, i in zip(category.tolist(), identity.tolist(), strict=True)
        ],
        index=category.index,
        dtype=str,
    )
    occurrence = stems.groupby(stems).cumcount()
    return stems.where(occurrence == 0, stems + "-" + (occurrence + 1).astype(str))


def finding_stem(finding_id: pd.Series) -> pd.Series:
    """The person-and-category part of a finding id (without the "-2" occurrence suffix)."""
    return finding_id.astype(str).str.split("-", n=1).str[0]


def exceptions_frame(
    core: pd.DataFrame,
    payroll: pd.DataFrame,
    bpjs: pd.DataFrame,
    period: str,
    pairs: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The exceptions.csv frame, EXCEPTION_COLUMNS in contract order.

    A BPJS-side finding of a paired participant carries the unit of the worker it is paired with,
    so the office that must act on it can be told.
    """
    p_idx, b_idx = core["payroll_idx"], core["bpjs_idx"]
    out = pd.DataFrame(index=core.index)
    out["category"] = core["category"].astype(str)
    out = out.assign(**_side_columns(payroll, p_idx, "payroll"), **_side_columns(bpjs, b_idx, "bpjs"))
    out["nik"] = _pick(_column(payroll, p_idx, "nik"), _column(bpjs, b_idx, "nik"))
    out["kpj"] = _pick(_column(bpjs, b_idx, "kpj"), _column(payroll, p_idx, "kpj"))
    out["name"] = _pick(_column(payroll, p_idx, "name"), _column(bpjs, b_idx, "name"))
    out["unit"] = _column(payroll, p_idx, "unit", few_values=True)
    if pairs is not None and len(pairs):
        paired_unit = pd.Series(
            payroll["unit"].reindex(pairs["payroll_idx"]).to_numpy(), index=pairs["bpjs_idx"].to_numpy()
        )
        paired_unit = paired_unit[~paired_unit.index.duplicated()]
        out["unit"] = _pick(out["unit"], _column(paired_unit.to_frame("unit"), b_idx, "unit"))
    out["match_method"] = core["match_method"]
    for col in ("expected_idr", "billed_idr", "difference_idr", "exposure_idr"):
        out[col] = core[col].round()
    out["detail"] = core["detail"]
    identity = _pick(_identity_column(payroll, p_idx), _identity_column(bpjs, b_idx))
    out["finding_id"] = finding_ids(out["category"], identity.astype(str))
    out["first_seen"] = period
    out["age_months"] = 1
    for col in ("expected_idr", "billed_idr", "difference_idr", "exposure_idr"):
        out[col] = out[col].astype("Int64")
    return out[EXCEPTION_COLUMNS].reset_index(drop=True)


def matches_frame(pairs: pd.DataFrame, payroll: pd.DataFrame, bpjs: pd.DataFrame) -> pd.DataFrame:
    """The matches.csv frame: every pairing, with both row references, method and score."""
    p_idx = pairs["payroll_idx"].astype("Int64").reset_index(drop=True)
    b_idx = pairs["bpjs_idx"].astype("Int64").reset_index(drop=True)
    out = pd.DataFrame(
        {**_side_columns(payroll, p_idx, "payroll"), **_side_columns(bpjs, b_idx, "bpjs")}, index=p_idx.index
    )
    out["match_method"] = pairs["match_method"].to_numpy()
    out["score"] = np.round(pairs["score"].to_numpy(dtype=float), 4)
    out["nik"] = _pick(_column(payroll, p_idx, "nik"), _column(bpjs, b_idx, "nik"))
    out["kpj"] = _pick(_column(bpjs, b_idx, "kpj"), _column(payroll, p_idx, "kpj"))
    out["name"] = _column(payroll, p_idx, "name")
    out["unit"] = _column(payroll, p_idx, "unit", few_values=True)
    return out[MATCH_COLUMNS]
