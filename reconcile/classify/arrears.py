"""Arrears and advance lines in BPJS bills: rows whose own period column names another month.

A bill for May may also charge a participant for April on a row of its own (rapel / tunggakan), or
for June ahead (iuran dibayar di muka), marked by a per-row PERIODE column (billing_period). Such a
row is not a second registration for the run's period: like a correction
(reconcile.classify.corrections) it is set aside from pairing, coverage and duplicate detection.
Its premium is checked against the rules of ITS month when the participant's registration covered
that month (joined on or before the month's end, not ended before it starts); otherwise nothing is
due and the whole bill is a PREMIUM_MISMATCH. Its findings carry match_method OTHER_MONTH. The
participant's registration is the usable row of this period with the same valid KPJ, else the same
valid NIK: it lends the row its join date, wage and payroll worker when the row lacks them. Each
such row gets a warning naming its month; its bill is a money line of its own (reconcile.summary),
never part of this month's overpayment. A row without a period, or whose period is the run's, is an
ordinary row.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from reconcile.categories import Category
from reconcile.classify.core import concat_core, core_frame
from reconcile.classify.corrections import Netting
from reconcile.classify.run import Classified
from reconcile.messages import Lang, message, rupiah
from reconcile.model import ISSUE_COLUMNS, SOURCE_COLUMNS, empty_issues

#: The field an arrears line's warning is about.
WARNING_FIELD = "period"
#: The match_method of an arrears line's finding: linked to the worker through the registration of the
#: same person, for another month. It keeps the finding off this month's premium lines when a period is
#: read back from the ledger (reconcile.summary.money_lines).
OTHER_MONTH = "other_month"


@dataclass(frozen=True)
class Arrears:
    """The BPJS rows billing another month than the run's, and the netting that sets them aside."""

    month: pd.Series  # "YYYY-MM" per arrears / advance row (index: those BPJS rows)
    netting: Netting  # the corrections' netting, with these rows set aside as well
    warnings: pd.DataFrame  # ISSUE_COLUMNS, one warning per row, in the run's language


def set_aside_arrears(bpjs: pd.DataFrame, netting: Netting, period: str, lang: Lang = "id") -> Arrears:
    """The usable, non-correction rows whose own period is not `period`, set aside from registrations."""
    month = other_month(bpjs, netting, period)
    set_aside = netting.set_aside | bpjs.index.isin(month.index)
    texts = [_warning_text(m, period, lang) for m in month]
    rows = bpjs.loc[month.index, SOURCE_COLUMNS]
    warnings = rows.assign(field=WARNING_FIELD, severity="warning", message=texts)
    warnings = (
        warnings[ISSUE_COLUMNS].reset_index(drop=True).astype("object") if len(month) else empty_issues()
    )
    return Arrears(month, dataclasses.replace(netting, set_aside=set_aside), warnings)


def other_month(bpjs: pd.DataFrame, netting: Netting, period: str) -> pd.Series:
    """Per usable row that names a month other than `period`: that month. Rows `netting` sets aside
    already (corrections, cancelled bills, the other lines of a bill split by program) stay so."""
    if "billing_period" not in bpjs.columns:
        return pd.Series([], dtype="string")
    month = bpjs["billing_period"].astype("string")
    usable = ~bpjs["rejected"].to_numpy(dtype=bool) & ~netting.set_aside.to_numpy(dtype=bool)
    other = usable & (month.notna() & (month != period)).fillna(False).to_numpy(dtype=bool)
    return month[other]


def _warning_text(month: str, period: str, lang: Lang) -> str:
    key = "arrears_line" if month < period else "advance_line"
    return message(key, lang, month=month, period=period)


def registration_of(bpjs: pd.DataFrame, rows: pd.Index, set_aside: pd.Series) -> pd.Series:
    """Per row in `rows`: the first usable registration row (not set aside) with the same valid KPJ,
    else the same valid NIK; <NA> when there is none."""
    registrations = bpjs[~bpjs["rejected"].to_numpy(dtype=bool) & ~set_aside.to_numpy(dtype=bool)]
    found = pd.Series(pd.NA, index=rows, dtype="Int64")
    for key, valid in (("nik", "nik_valid"), ("kpj", "kpj_valid")):  # KPJ last: it wins
        first = registrations[registrations[valid].fillna(False).to_numpy(dtype=bool)].drop_duplicates(key)
        by_key = pd.Series(first.index, index=first[key].to_numpy())
        own = bpjs.loc[rows]
        hit = own[valid].fillna(False).to_numpy(dtype=bool)
        mapped = own[key].map(by_key).where(hit)
        found = mapped.astype("Int64").where(mapped.notna(), found)
    return found


def borrowed(values: pd.Series, rows: pd.Index, registration: pd.Series) -> pd.Series:
    """`values` of `rows`, a missing one taken from the row's registration."""
    own = values.reindex(rows)
    reg = registration.reindex(rows)
    lent = pd.Series(
        [values.get(int(r)) if pd.notna(r) else None for r in reg], index=rows, dtype=values.dtype
    )
    return own.where(own.notna(), lent)


#: The premium the rules give for a month and a wage per row, and the short names of those rules.
PremiumFor = Callable[[str, pd.Series], tuple[pd.Series, str]]


def check_arrears(
    classified: Classified,
    bpjs: pd.DataFrame,
    arrears: Arrears,
    pairs: pd.DataFrame,
    wage: pd.Series,
    premium_for: PremiumFor,
    tolerance: float,
    lang: Lang = "id",
) -> Classified:
    """`classified` with the arrears rows' premium findings added (and those rows counted as findings)."""
    rows = arrears.month.index
    if not len(rows):
        return classified
    found = arrears_findings(bpjs, arrears, classified.billed, wage, pairs, premium_for, tolerance, lang)
    return dataclasses.replace(
        classified,
        findings=concat_core([classified.findings, found]),
        bpjs_outcome=with_arrears_findings(classified.bpjs_outcome, found),
    )


def arrears_findings(
    bpjs: pd.DataFrame,
    arrears: Arrears,
    billed: pd.Series,
    wage: pd.Series,
    pairs: pd.DataFrame,
    premium_for: PremiumFor,
    tolerance: float,
    lang: Lang = "id",
) -> pd.DataFrame:
    """PREMIUM_MISMATCH per arrears row billed for a month its registration did not cover (nothing
    due), or billed otherwise than the rules of its month give for its wage (else its registration's)."""
    rows = arrears.month.index
    registration = registration_of(bpjs, rows, arrears.netting.set_aside)
    joined = borrowed(bpjs["join_date"], rows, registration)
    ended = borrowed(bpjs["end_date"], rows, registration)
    expected, rule_names = _expected_for_months(
        arrears.month, borrowed(wage, rows, registration), premium_for
    )
    worker = _paired_worker(registration, pairs)
    found = []
    for i in rows:
        month, amount = str(arrears.month[i]), float(pd.to_numeric(billed.get(i), errors="coerce"))
        amount = 0.0 if pd.isna(amount) else amount
        start, end = pd.Period(month, "M").start_time, pd.Period(month, "M").end_time
        if (pd.notna(joined[i]) and joined[i] > end) or (pd.notna(ended[i]) and ended[i] < start):
            due, text = 0.0, _outside_text(amount, month, joined[i], ended[i], end, lang)
        else:
            due = float(expected[i])
            text = message(
                "premium_mismatch", lang, billed=rupiah(amount), expected=rupiah(due), rules=rule_names[i]
            )
            text += " " + message("arrears_month", lang, month=month)
        if pd.notna(due) and abs(round(amount) - round(due)) > tolerance:
            found.append((i, worker[i], due, amount, text))
    if not found:
        return concat_core([])
    idx, who, due_, amount_, texts = zip(*found, strict=True)
    return core_frame(
        Category.PREMIUM_MISMATCH,
        bpjs_idx=list(idx),
        payroll_idx=list(who),
        match_method=OTHER_MONTH,
        expected_idr=[round(d) for d in due_],
        billed_idr=[round(a) for a in amount_],
        difference_idr=[round(a) - round(d) for a, d in zip(amount_, due_, strict=True)],
        detail=list(texts),
    )


def _expected_for_months(
    month: pd.Series, wage: pd.Series, premium_for: PremiumFor
) -> tuple[pd.Series, pd.Series]:
    """Per arrears row: the premium the rules of its own month give, and the names of those rules."""
    expected = pd.Series(float("nan"), index=month.index, dtype="float64")
    names = pd.Series("", index=month.index, dtype="object")
    for m in month.unique():
        rows = month.index[(month == m).to_numpy(dtype=bool)]
        due, sources = premium_for(str(m), wage.reindex(rows))
        expected[rows] = due.reindex(rows).to_numpy(dtype="float64")
        names[rows] = sources
    return expected, names


def _outside_text(
    amount: float, month: str, joined: object, ended: object, end: pd.Timestamp, lang: Lang
) -> str:
    started_late = pd.notna(joined) and pd.Timestamp(joined) > end
    date = pd.Timestamp(joined if started_late else ended).strftime("%d-%m-%Y")
    key = "arrears_before_start" if started_late else "arrears_after_end"
    return message(key, lang, billed=rupiah(amount), month=month, date=date)


def _paired_worker(registration: pd.Series, pairs: pd.DataFrame) -> pd.Series:
    """Per arrears row: the payroll row its registration is paired with (the first), else <NA>."""
    first = pairs.drop_duplicates("bpjs_idx")
    by_bpjs = pd.Series(first["payroll_idx"].to_numpy(), index=first["bpjs_idx"].to_numpy())
    return registration.map(by_bpjs).astype("Int64")


def with_arrears_findings(outcome: pd.Series, findings: pd.DataFrame) -> pd.Series:
    """BPJS row outcomes with the rows an arrears finding names counted as findings_only."""
    named = outcome.index.isin(findings["bpjs_idx"].dropna().astype(int))
    return outcome.where(~named | (outcome == "paired") | (outcome == "rejected"), "findings_only")
