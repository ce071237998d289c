"""Corrections in BPJS detail files (KOREKSI, refunds, "koreksi iuran"): rows whose premium is negative.

Offices mark them in a KETERANGAN or status column, or only by the sign; the sign is what counts
(schemas.checks.is_correction). A correction is not a registration: it takes no part in pairing,
coverage or duplicate detection. It is netted against the same participant's bills in the inputs:
the usable, non-correction rows of the same valid KPJ, else of the same valid NIK. Corrections are
taken in input order:

- one that exactly reverses a bill cancels it (the latest such bill): both net to Rp0. The cancelled
  bill is set aside like the correction when the participant has another registration row (a bill
  charged twice); otherwise it stays the participant's registration, billed Rp0;
- otherwise it reduces the participant's bills, the latest first, none below Rp0; what is left over
  stays on the correction;
- with no bill of the participant in the inputs it keeps its amount: BPJS does subtract it.

Every correction gets a warning (the report's warnings sheet) naming the rows it corrects.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from reconcile.classify.refs import join_refs, row_refs
from reconcile.messages import Lang, message, rupiah_amount
from reconcile.model import ISSUE_COLUMNS, SOURCE_COLUMNS, empty_issues
from schemas.checks import is_correction, row_premium

#: The field a correction's warning is about.
WARNING_FIELD = "total"


@dataclass(frozen=True)
class Netting:
    """Per BPJS row (index like the frame): what it bills once corrections are netted, and its role."""

    billed: pd.Series  # float Rupiah after netting, NaN where the row bills nothing
    correction: pd.Series  # bool: a usable row whose premium is negative
    set_aside: pd.Series  # bool: corrections and cancelled second bills; neither is a registration
    warnings: pd.DataFrame  # ISSUE_COLUMNS, one warning per correction, in the run's language
    #: bool: a bill of program lines whose programs the participant is already billed for
    #: (classify.program_lines): a duplicate, whose premium is not checked as a bill of its own
    repeat_bill: pd.Series | None = None


def net_corrections(bpjs: pd.DataFrame, lang: Lang = "id") -> Netting:
    """Net every correction of the stacked BPJS frame against its participant's bills."""
    billed = row_premium(bpjs).astype("float64")
    correction = is_correction(bpjs) & ~bpjs["rejected"].to_numpy(dtype=bool)
    set_aside = correction.copy()
    if not correction.any():
        return Netting(billed, correction, set_aside, empty_issues())
    bills = _candidate_bills(bpjs, correction)
    refs = row_refs(bills, lang)
    cancelled: list[int] = []
    texts: dict[int, str] = {}
    for c in bpjs.index[correction.to_numpy(dtype=bool)]:
        own = _bills_of(bpjs.loc[c], bills.drop(cancelled))
        texts[c] = _net_one(c, own, billed, cancelled, refs, lang)
    set_aside[[b for b in cancelled if _has_other_registration(bpjs.loc[b], bills.drop(cancelled))]] = True
    return Netting(billed, correction, set_aside, _warnings(bpjs, texts))


def _candidate_bills(bpjs: pd.DataFrame, correction: pd.Series) -> pd.DataFrame:
    """The usable, non-correction rows sharing a valid KPJ or NIK with some correction (few rows)."""
    fix = bpjs[correction.to_numpy(dtype=bool)]
    same_kpj = bpjs["kpj_valid"] & bpjs["kpj"].isin(fix.loc[fix["kpj_valid"], "kpj"])
    same_nik = bpjs["nik_valid"] & bpjs["nik"].isin(fix.loc[fix["nik_valid"], "nik"])
    usable = ~bpjs["rejected"].to_numpy(dtype=bool) & ~correction.to_numpy(dtype=bool)
    return bpjs[usable & (same_kpj | same_nik).fillna(False).to_numpy(dtype=bool)]


def _bills_of(row: pd.Series, bills: pd.DataFrame) -> pd.Index:
    """The bills of a correction's participant, in input order: same valid KPJ, else same valid NIK."""
    for key, valid in (("kpj", "kpj_valid"), ("nik", "nik_valid")):
        if bool(row[valid]):
            same = bills.index[(bills[valid] & (bills[key] == row[key])).fillna(False).to_numpy(dtype=bool)]
            if len(same):
                return same
    return pd.Index([], dtype="int64")


def _net_one(
    c: int, bills: pd.Index, billed: pd.Series, cancelled: list[int], refs: pd.Series, lang: Lang
) -> str:
    """Net correction `c` into `billed` (and `cancelled`); the warning text that says what it did."""
    amount = float(billed.at[c])
    exact = [b for b in bills if round(billed.at[b]) == round(-amount)]
    if exact:
        cancelled.append(exact[-1])
        billed.loc[[exact[-1], c]] = 0.0
        return message("correction_cancels", lang, amount=rupiah_amount(amount), ref=refs[exact[-1]])
    reduced: list[int] = []
    for b in reversed(bills):
        take = min(-billed.at[c], max(float(np.nan_to_num(billed.at[b])), 0.0))
        if take > 0:
            billed.at[b] -= take
            billed.at[c] += take
            reduced.append(b)
    if not reduced:
        return message("correction_unmatched", lang, amount=rupiah_amount(amount))
    text = message(
        "correction_reduces",
        lang,
        amount=rupiah_amount(amount),
        taken=rupiah_amount(amount - billed.at[c]),
        refs=join_refs([str(refs[b]) for b in reduced]),
    )
    if round(billed.at[c]) < 0:
        text += message("correction_rest", lang, rest=rupiah_amount(billed.at[c]))
    return text


def _has_other_registration(row: pd.Series, bills: pd.DataFrame) -> bool:
    """Whether another kept row carries the cancelled bill's valid KPJ or NIK."""
    others = bills.drop(row.name, errors="ignore")
    same = (others["kpj_valid"] & (others["kpj"] == row["kpj"]) & bool(row["kpj_valid"])) | (
        others["nik_valid"] & (others["nik"] == row["nik"]) & bool(row["nik_valid"])
    )
    return bool(same.fillna(False).any())


def _warnings(bpjs: pd.DataFrame, texts: dict[int, str]) -> pd.DataFrame:
    """One warning row per correction, on the correction's own row."""
    if not texts:
        return empty_issues()
    rows = bpjs.loc[list(texts), SOURCE_COLUMNS]
    frame = rows.assign(field=WARNING_FIELD, severity="warning", message=list(texts.values()))
    return frame[ISSUE_COLUMNS].reset_index(drop=True).astype("object")
