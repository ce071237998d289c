"""PREMIUM_MISMATCH and WAGE_MISMATCH: what BPJS bills or records against what the rules give."""

from __future__ import annotations

import numpy as np
import pandas as pd

from reconcile.categories import Category
from reconcile.classify.core import core_frame
from reconcile.classify.facts import NOTHING_DUE, STARTS_AFTER
from reconcile.messages import Lang, message, rupiah


def premium_mismatches(
    rows: pd.Index,
    billed: pd.Series,
    expected: pd.Series,
    rule_names: str,
    tolerance: float,
    lang: Lang,
    notes: pd.Series | None = None,
) -> pd.DataFrame:
    """BPJS rows in `rows` whose billed premium differs from the expected one by more than `tolerance`.

    `notes` (index like the BPJS rows) adds text to a row's detail, e.g. where its wage came from.
    """
    b = billed.reindex(rows)
    e = expected.reindex(rows)
    diff = b.round() - e.round()
    off = rows[(diff.abs() > tolerance).fillna(False).to_numpy(dtype=bool)]
    return core_frame(
        Category.PREMIUM_MISMATCH,
        bpjs_idx=list(off),
        expected_idr=list(e[off].round()),
        billed_idr=list(b[off].round()),
        difference_idr=list(diff[off]),
        detail=[
            message("premium_mismatch", lang, billed=rupiah(b[i]), expected=rupiah(e[i]), rules=rule_names)
            + ("" if notes is None else str(notes.get(i, "")))
            for i in off
        ],
    )


def billed_outside_registration(
    rows: pd.Index,
    bpjs: pd.DataFrame,
    billed: pd.Series,
    outside: pd.Series,
    period: str | None,
    tolerance: float,
    lang: Lang,
) -> pd.DataFrame:
    """PREMIUM_MISMATCH, due 0, for rows in `rows` billed for a period their registration does not
    cover (it starts after the period or ended before it, `outside`): money paid for no cover.
    A registration that ended within the period is a coverage gap, but its month may be billed."""
    why = outside.reindex(rows)
    b = billed.reindex(rows)
    off = rows[(why.isin(NOTHING_DUE) & (b.round() > tolerance)).fillna(False).to_numpy(dtype=bool)]
    details = [
        message(
            "premium_before_start" if why[i] == STARTS_AFTER else "premium_after_end",
            lang,
            billed=rupiah(b[i]),
            period=period,
            date=_day(bpjs.at[i, "join_date" if why[i] == STARTS_AFTER else "end_date"]),
        )
        for i in off
    ]
    return core_frame(
        Category.PREMIUM_MISMATCH,
        bpjs_idx=list(off),
        expected_idr=0.0,
        billed_idr=list(b[off].round()),
        difference_idr=list(b[off].round()),
        detail=details,
    )


def _day(value: object) -> str:
    return pd.Timestamp(value).strftime("%d-%m-%Y")


def wage_mismatches(
    pairs: pd.DataFrame,
    bpjs: pd.DataFrame,
    payroll: pd.DataFrame,
    expected_wage: pd.Series,
    live: pd.Series,
    scheme: str,
    tolerance: float,
    lang: Lang,
) -> pd.DataFrame:
    """Paired, live BPJS rows whose reported wage does not fit the payroll wage under the policy.

    `expected_wage` is indexed like `payroll`: what BPJS should record for that payroll row.
    One finding per BPJS row, citing the first payroll row it is paired with.
    """
    p = pairs.drop_duplicates("bpjs_idx")
    p = p[live.reindex(p["bpjs_idx"]).fillna(False).to_numpy(dtype=bool)]
    reported = bpjs["reported_wage"].reindex(p["bpjs_idx"]).to_numpy(dtype=float)
    expected = expected_wage.reindex(p["payroll_idx"]).to_numpy(dtype=float)
    off = (
        (np.abs(np.round(reported) - np.round(expected)) > tolerance)
        & ~np.isnan(reported)
        & ~np.isnan(expected)
    )
    p = p[off]
    reported, expected = reported[off], expected[off]
    payroll_wage = payroll["monthly_wage"].reindex(p["payroll_idx"]).to_numpy(dtype=float)
    daily = payroll["daily_wage"].reindex(p["payroll_idx"]).to_numpy(dtype=float)
    key = "wage_mismatch_bpu" if scheme == "BPU" else "wage_mismatch_pu"
    details = [
        message(
            key,
            lang,
            reported=rupiah(r),
            expected=rupiah(e),
            scheme=scheme,
            payroll_wage="-" if np.isnan(w) else rupiah(w),
        )
        + ("" if scheme == "BPU" or np.isnan(d) else message("wage_daily_basis", lang, daily=rupiah(d)))
        for r, e, w, d in zip(reported, expected, payroll_wage, daily, strict=True)
    ]
    return core_frame(
        Category.WAGE_MISMATCH,
        payroll_idx=list(p["payroll_idx"]),
        bpjs_idx=list(p["bpjs_idx"]),
        match_method=list(p["match_method"]),
        expected_idr=list(np.round(expected)),
        billed_idr=list(np.round(reported)),
        difference_idr=list(np.round(reported) - np.round(expected)),
        detail=details,
    )
