"""IDENTITY_MISMATCH: paired, but a record must be corrected; or a pairing a human must decide.

- a pairing through anything but an exact NIK (the worker is covered, the records disagree),
  unless the only NIK missing is one its source masked ("1871**********31", BPJS exports do) and
  the digits it still shows agree: there is nothing to correct;
- an exact-NIK pairing whose name or birth date disagree beyond spelling variants;
- the same NIK on two different people (name and birth date both differ): not a pairing;
- a tie between candidates that no rule can break: not guessed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeAlias

import numpy as np
import pandas as pd

from reconcile.categories import Category
from reconcile.classify.core import concat_core, core_frame
from reconcile.classify.refs import join_refs, row_refs
from reconcile.messages import Lang, message
from reconcile.values.nik import masked_nik_patterns

#: A row: a pandas Series or a dict of the fields read.
Row: TypeAlias = "pd.Series | Mapping[str, Any]"


def _date(value: object) -> str:
    return "-" if pd.isna(value) else pd.Timestamp(value).strftime("%d-%m-%Y")


def _is_false(value: object) -> bool:
    """True only for a known disagreement; <NA> (one side lacks the value) is not one."""
    return not pd.isna(value) and not bool(value)


def _nik_state(payroll_row: Row, bpjs_row: Row, lang: Lang, nik_agrees: object = None) -> str:
    if pd.isna(payroll_row["nik"]) and pd.isna(payroll_row["nik_raw"]):
        return message("nik_state_missing", lang)
    if payroll_row.get("nik_masked", False):
        return message("nik_state_masked", lang)
    if not payroll_row["nik_valid"]:
        return message("nik_state_invalid", lang)
    if bpjs_row.get("nik_masked", False):
        key = "nik_state_masked_bpjs_differs" if _is_false(nik_agrees) else "nik_state_masked_bpjs"
        return message(key, lang)
    if pd.isna(bpjs_row["nik"]):
        return message("nik_state_missing_bpjs", lang)
    if payroll_row["nik"] == bpjs_row["nik"]:
        return message("nik_state_same", lang)
    return message("nik_state_differs", lang)


def explain_pair(pair: Row, payroll_row: Row, bpjs_row: Row, lang: Lang) -> str:
    """In words: how the two rows were paired, and what agreed and what did not."""
    method = str(pair["match_method"])
    nik_state = _nik_state(payroll_row, bpjs_row, lang, pair.get("nik_agrees"))
    parts = [message(f"identity_method_{method}", lang, nik_state=nik_state)]
    if _is_false(pair["name_agrees"]):
        parts.append(
            message(
                "identity_name_differs", lang, payroll_name=payroll_row["name"], bpjs_name=bpjs_row["name"]
            )
        )
    else:
        parts.append(message("identity_name_agrees", lang))
    agrees = pair["birth_date_agrees"]
    if pd.isna(agrees):
        parts.append(message("identity_birth_unknown", lang))
    elif agrees:
        parts.append(message("identity_birth_agrees", lang))
    else:
        parts.append(
            message(
                "identity_birth_differs",
                lang,
                payroll_birth=_date(payroll_row["birth_date"]),
                bpjs_birth=_date(bpjs_row["birth_date"]),
            )
        )
    return " ".join(parts) + message("identity_covered", lang)


def _records(frame: pd.DataFrame, columns: list[str]) -> list[dict[str, object]]:
    """The rows of `frame` as dicts holding `columns`, values as a row Series would give them."""
    values = [frame[c].astype(object).tolist() for c in columns]
    return [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]


def needs_correction(pairs: pd.DataFrame, withheld: pd.Series | None = None) -> pd.Series:
    """Pairs that are an IDENTITY_MISMATCH: non-exact method, or name / birth date disagree.

    `withheld` (aligned with `pairs`): one side's NIK was masked by its source and the other's is
    valid. Such a pair needs no correction for its method, only when the visible digits differ.
    """
    name_off = pairs["name_agrees"].astype("boolean").eq(False).fillna(False)
    birth_off = pairs["birth_date_agrees"].astype("boolean").eq(False).fillna(False)
    not_exact = pairs["match_method"] != "nik"
    if withheld is not None and "nik_agrees" in pairs:
        nik_off = pairs["nik_agrees"].astype("boolean").eq(False).fillna(False)
        not_exact = not_exact & ~(withheld.to_numpy(dtype=bool) & ~nik_off)
    return (not_exact | name_off | birth_off).astype(bool)


def withheld_niks(pairs: pd.DataFrame, payroll: pd.DataFrame, bpjs: pd.DataFrame) -> pd.Series:
    """Per pair: one side's NIK masked by its source (reconcile.values.nik), the other side's valid."""
    p_masked = _masked_at(payroll, pairs["payroll_idx"])
    b_masked = _masked_at(bpjs, pairs["bpjs_idx"])
    p_valid = payroll["nik_valid"].reindex(pairs["payroll_idx"]).fillna(False).to_numpy(dtype=bool)
    b_valid = bpjs["nik_valid"].reindex(pairs["bpjs_idx"]).fillna(False).to_numpy(dtype=bool)
    return pd.Series((b_masked & p_valid) | (p_masked & b_valid), index=pairs.index)


def _masked_at(frame: pd.DataFrame, rows: pd.Series) -> np.ndarray:
    """Whether the NIK cell of each of `rows` (index labels of `frame`) is a masked NIK."""
    if "nik_raw" not in frame:
        return np.zeros(len(rows), dtype=bool)
    raw = frame["nik_raw"].where(frame["nik"].isna()).reindex(rows)
    return masked_nik_patterns(raw).notna().to_numpy(dtype=bool)


def identity_mismatches(
    pairs: pd.DataFrame,
    conflicts: pd.DataFrame,
    payroll: pd.DataFrame,
    bpjs: pd.DataFrame,
    lang: Lang,
    billed: pd.Series | None = None,
) -> pd.DataFrame:
    """One IDENTITY_MISMATCH per payroll row involved (the first problem pair or conflict).

    A conflict whose BPJS row is paired with nobody carries that row's bill (`billed`): money that
    is neither due nor overpaid until someone decides whose record it is."""
    flagged = pairs[needs_correction(pairs, withheld_niks(pairs, payroll, bpjs))]
    flagged = flagged.drop_duplicates("payroll_idx")
    # Rows as plain dicts of the few fields explain_pair reads: `.loc` of one row is slow at 100k rows.
    pair_rows = _records(
        flagged,
        [
            "match_method",
            "name_agrees",
            "birth_date_agrees",
            *(["nik_agrees"] if "nik_agrees" in flagged else []),
        ],
    )
    payroll_rows = _records(
        payroll.loc[flagged["payroll_idx"]].assign(nik_masked=_masked_at(payroll, flagged["payroll_idx"])),
        ["nik", "nik_raw", "nik_valid", "name", "birth_date", "nik_masked"],
    )
    bpjs_rows = _records(
        bpjs.loc[flagged["bpjs_idx"]].assign(nik_masked=_masked_at(bpjs, flagged["bpjs_idx"])),
        ["nik", "name", "birth_date", "nik_masked"],
    )
    pair_details = [
        explain_pair(p, pr, br, lang) for p, pr, br in zip(pair_rows, payroll_rows, bpjs_rows, strict=True)
    ]
    found = [
        core_frame(
            Category.IDENTITY_MISMATCH,
            payroll_idx=list(flagged["payroll_idx"]),
            bpjs_idx=list(flagged["bpjs_idx"]),
            match_method=list(flagged["match_method"]),
            detail=pair_details,
        )
    ]
    # Same key (NIK or KPJ), but name and birth date both disagree: another person, not a pairing.
    other = conflicts[conflicts["kind"].astype(str).str.endswith("_different_person")]
    other = other.drop_duplicates("payroll_idx")
    # A payroll row paired with its own record is not in doubt because another record carries its NIK.
    other = other[~other["payroll_idx"].isin(pairs["payroll_idx"])]
    found.append(
        core_frame(
            Category.IDENTITY_MISMATCH,
            payroll_idx=list(other["payroll_idx"]),
            bpjs_idx=list(other["bpjs_idx"]),
            match_method=[str(k).split("_", 2)[1] for k in other["kind"]],
            billed_idr=_undecided_bill(other["bpjs_idx"], pairs, billed),
            detail=[
                message(str(k), lang, bpjs_name=name, bpjs_birth=_date(birth))
                for k, name, birth in zip(
                    other["kind"],
                    bpjs["name"].reindex(other["bpjs_idx"]).tolist(),
                    bpjs["birth_date"].reindex(other["bpjs_idx"]).tolist(),
                    strict=True,
                )
            ],
        )
    )
    ambiguous = conflicts[conflicts["kind"] == "ambiguous"]
    ambiguous = ambiguous[~ambiguous["payroll_idx"].isin(flagged["payroll_idx"])]
    if len(ambiguous):
        refs = row_refs(bpjs.loc[ambiguous["bpjs_idx"].dropna().unique()], lang)
        rows, first_bpjs, details = [], [], []
        for p, cands in ambiguous.groupby("payroll_idx", sort=False)["bpjs_idx"]:
            rows.append(p)
            first_bpjs.append(cands.iloc[0])
            details.append(message("ambiguous", lang, candidates=join_refs([refs[c] for c in cands])))
        found.append(
            core_frame(
                Category.IDENTITY_MISMATCH,
                payroll_idx=rows,
                bpjs_idx=first_bpjs,
                match_method="ambiguous",
                billed_idr=_undecided_bill(pd.Series(first_bpjs, dtype="float64"), pairs, billed),
                detail=details,
            )
        )
    return concat_core(found)


def _undecided_bill(bpjs_idx: pd.Series, pairs: pd.DataFrame, billed: pd.Series | None) -> list[float]:
    """The bill of each BPJS row that no pairing claims (NaN for a paired row, or without bills)."""
    if billed is None:
        return [float("nan")] * len(bpjs_idx)
    rows = pd.to_numeric(bpjs_idx, errors="coerce")
    free = rows.notna() & ~rows.isin(pairs["bpjs_idx"])
    amounts = billed.reindex(rows.fillna(-1).astype("int64").to_numpy()).to_numpy(dtype="float64")
    claimed = free.to_numpy(dtype=bool)
    return [float(round(a)) if f and a == a else float("nan") for f, a in zip(claimed, amounts, strict=True)]
