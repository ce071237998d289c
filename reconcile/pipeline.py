"""One period's reconciliation, pure: prepared inputs in, a frozen ReconResult out.

The Prefect flow calls these steps as tasks; tests and benchmarks call them directly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from reconcile.categories import Category
from reconcile.classify import classify
from reconcile.classify.arrears import PremiumFor, check_arrears, set_aside_arrears
from reconcile.classify.corrections import net_corrections
from reconcile.classify.materialise import exceptions_frame, matches_frame
from reconcile.classify.outcomes import count_outcomes
from reconcile.classify.program_lines import merge_program_lines
from reconcile.classify.run import Expectations
from reconcile.config import ReconConfig
from reconcile.employer_check import employer_notices
from reconcile.identity import match_identities
from reconcile.issue_text import translate_issues
from reconcile.messages import Lang, message, rupiah
from reconcile.model import BPJS_COLUMNS, PAYROLL_COLUMNS, InputTable, Normalised, empty_frame, empty_issues
from reconcile.normalize import prepare_bpjs, prepare_payroll
from reconcile.normalize.payroll import left_before_period
from reconcile.normalize.stated_totals import TotalMismatch, total_mismatches
from reconcile.normalize.wages import insured_monthly_wage
from reconcile.partial_payroll import partial_payroll_notices
from reconcile.result import InputOutcome, ReconResult
from reconcile.rules import Policy, RuleBook, expected_declared_wage, exposure, premium_due
from reconcile.summary import summarise, unit_table


@dataclass(frozen=True)
class PreparedInput:
    """One input file, read and normalised: its description plus typed rows and issues."""

    path: str
    kind: str
    sha256: str
    sheets: tuple[dict[str, object], ...]
    prepared: Normalised
    #: Sheets with a header that were not read (hidden, another month's): sheet, reason, periods.
    sheets_not_read: tuple[dict[str, object], ...] = ()
    #: Total rows (JUMLAH) whose stated amount the rows read do not add up to.
    total_mismatches: tuple[TotalMismatch, ...] = ()


def prepare(table: InputTable) -> PreparedInput:
    """Type and validate one input table (the frame of raw cells is dropped afterwards)."""
    prepared = prepare_payroll(table) if table.kind == "payroll" else prepare_bpjs(table)
    mismatches = total_mismatches(table)
    sheets = tuple(
        {
            "sheet": s.name,
            "header_row": s.header_row,
            "columns": dict(s.columns),
            "data_rows": s.data_rows,
            "skipped_rows": s.skipped_rows,
            "title": s.title_text,
            "periods": list(s.periods),
            "period_source": s.period_source,
            "hidden_rows": {"count": s.hidden_data_rows, "rows": list(s.hidden_rows)},
            "totals_not_matching_rows": [
                {"row": m.row, "label": m.label, "field": m.field, "stated": m.stated, "rows_sum": m.found}
                for m in mismatches
                if m.sheet == s.name
            ],
        }
        for s in table.sheets
    )
    not_read: tuple[dict[str, object], ...] = tuple(
        {
            "sheet": s.name,
            "reason": s.reason,
            "visibility": s.visibility,
            "periods": list(s.periods),
            "period_source": s.period_source,
            "header_rows": s.header_rows,
            "missing": s.missing,
        }
        for s in table.sheets_not_read
    )
    return PreparedInput(table.path, table.kind, table.sha256, sheets, prepared, not_read, mismatches)


def _stack(inputs: Sequence[PreparedInput], columns: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    frames = [i.prepared.frame for i in inputs if len(i.prepared.frame)]
    issues = [i.prepared.issues for i in inputs if len(i.prepared.issues)]
    frame = pd.concat(frames, ignore_index=True) if frames else empty_frame(columns)
    issue = pd.concat(issues, ignore_index=True) if issues else empty_issues()
    return frame, issue


_NPP = re.compile(r"\bNPP\b\s*[:.]?\s*(\d{8})", re.IGNORECASE)
_EMPLOYER = re.compile(
    r"\b(PEMERINTAH\s+(?:PROVINSI|KABUPATEN|KOTA)[^|:]*|PEM(?:PROV|KAB|KOT)\b[^|:]*)", re.I
)


def employer_from_titles(inputs: Sequence[PreparedInput]) -> dict[str, str]:
    """NPP and employer name as the BPJS title rows state them (empty when absent)."""
    found: dict[str, str] = {}
    for i in inputs:
        for s in i.sheets:
            title = str(s.get("title", ""))
            if "npp" not in found and (m := _NPP.search(title)):
                found["npp"] = m.group(1)
            if "name" not in found and (m := _EMPLOYER.search(title)):
                found["name"] = m.group(1).strip(" ,;-")
    return found


def reconcile(
    inputs: Sequence[PreparedInput],
    *,
    period: str,
    policy: Policy,
    rules: RuleBook,
    config: ReconConfig,
    run_id: str,
    lang: Lang = "id",
) -> ReconResult:
    """Pair, classify and summarise one period. `result.balanced` says whether every row is accounted for."""
    payroll_in = [i for i in inputs if i.kind == "payroll"]
    bpjs_in = [i for i in inputs if i.kind == "bpjs"]
    payroll, payroll_issues = _stack(payroll_in, PAYROLL_COLUMNS)
    bpjs, bpjs_issues = _stack(bpjs_in, BPJS_COLUMNS)
    if len(left := left_before_period(payroll, period)):
        payroll_issues = pd.concat([payroll_issues, left], ignore_index=True)
    payroll_issues, bpjs_issues = translate_issues(payroll_issues, lang), translate_issues(bpjs_issues, lang)
    # Corrections (negative premiums) are netted against their bills; they are no registrations.
    # The lines of a bill split by program (JKK, JKM, DENDA lines) are one registration billed their sum.
    netting = merge_program_lines(bpjs, net_corrections(bpjs, lang))
    # Rows billing another month (PERIODE per row: arrears, advance) are no registrations either.
    arrears = set_aside_arrears(bpjs, netting, period, lang)
    netting = arrears.netting
    bpjs_issues = pd.concat([bpjs_issues, netting.warnings, arrears.warnings], ignore_index=True)

    registrations = bpjs[~bpjs["rejected"] & ~netting.set_aside]
    match = match_identities(payroll[~payroll["rejected"]], registrations, config)
    wage, from_payroll = premium_wage(bpjs, payroll, match.pairs, policy)
    premium = premium_due(policy, period, rules, wage=wage)
    # What BPJS should record: under BPU the declared income, under PU the wage (daily x 25). The
    # 48x of the JKK death benefit applies to it, so it is also the basis of the exposure.
    declared = expected_declared_wage(policy, insured_monthly_wage(payroll), period=period, rules=rules)
    risk = exposure(period, declared, rules)
    expect = Expectations(
        premium=premium.frame["total"],
        premium_rules=premium.sources,
        premium_notes=wage_source_notes(from_payroll, wage, lang),
        declared_wage=declared,
        exposure=risk.amount,
        scheme=policy.scheme,
        period=period,
    )
    classified = classify(
        payroll,
        payroll_issues,
        bpjs,
        bpjs_issues,
        match.pairs,
        match.conflicts,
        expect,
        config,
        lang,
        netting,
    )
    classified = check_arrears(
        classified,
        bpjs,
        arrears,
        match.pairs,
        wage,
        premium_of_month(policy, rules),
        config.premium_tolerance_idr,
        lang,
    )
    findings = exceptions_frame(classified.findings, payroll, bpjs, period, match.pairs)
    matches = matches_frame(match.pairs, payroll, bpjs)

    outcomes = []
    for item in inputs:
        side_frame, side_outcome = (
            (payroll, classified.payroll_outcome)
            if item.kind == "payroll"
            else (bpjs, classified.bpjs_outcome)
        )
        counts = count_outcomes(side_outcome[side_frame["source_file"] == item.path])
        outcomes.append(
            InputOutcome(
                path=item.path,
                kind=item.kind,
                sha256=item.sha256,
                sheets=item.sheets,
                sheets_not_read=item.sheets_not_read,
                rows_read=len(item.prepared.frame),
                paired=counts["paired"],
                findings_only=counts["findings_only"],
                rejected=counts["rejected"],
                no_action=counts["no_action"],
            )
        )
    warnings = pd.concat(
        [payroll_issues.assign(side="payroll"), bpjs_issues.assign(side="bpjs")], ignore_index=True
    )
    warnings = warnings[warnings["severity"] == "warning"].reset_index(drop=True)
    result = ReconResult(
        period=period,
        run_id=run_id,
        policy=policy.as_dict(),
        rules_used=tuple(_unique_rules([*premium.rules_used, *risk.rules_used])),
        findings=findings,
        matches=matches,
        warnings=warnings,
        units=unit_table(classified, findings, payroll, match.pairs),
        inputs=tuple(outcomes),
        summary=summarise(
            classified, findings, match.pairs, payroll, bpjs, expect.premium, arrears.month.index
        ),
        employer=(employer := employer_from_titles(bpjs_in)),
        notices=(
            *employer_notices(policy.employer, employer.get("name"), lang),
            *unchecked_premium_notices(bpjs, classified.billed, expect.premium, classified.findings, lang),
            *partial_payroll_notices(
                len(registrations),
                int((findings["category"] == str(Category.NOT_ON_PAYROLL)).sum()),
                [str(u) for u in payroll["unit"].dropna().unique()],
                config.partial_payroll_share,
                lang,
            ),
        ),
    )
    return result


def premium_wage(
    bpjs: pd.DataFrame, payroll: pd.DataFrame, pairs: pd.DataFrame, policy: Policy
) -> tuple[pd.Series, pd.Series]:
    """The wage each BPJS row's premium is reckoned on, and whether it came from the payroll.

    The wage BPJS reports, else the insured monthly wage (daily wage x 25 for daily-paid workers)
    of the payroll row it is paired with (the first, when several are). NaN when neither exists.
    Under a fixed BPU declared income no wage enters the premium: the reported one, never the payroll's.
    """
    reported = pd.to_numeric(bpjs["reported_wage"], errors="coerce").astype("float64")
    if not policy.premium_follows_wage:
        return reported, pd.Series(False, index=bpjs.index)
    first = pairs.drop_duplicates("bpjs_idx")
    paid = insured_monthly_wage(payroll).reindex(first["payroll_idx"]).to_numpy(dtype="float64")
    paired = pd.Series(paid, index=first["bpjs_idx"].to_numpy()).reindex(bpjs.index)
    from_payroll = reported.isna() & paired.notna()
    return reported.where(reported.notna(), paired), from_payroll


def premium_of_month(policy: Policy, rules: RuleBook) -> PremiumFor:
    """The premium the rules give for any month and wages, with the rules' names (arrears lines)."""

    def premium_for(month: str, wage: pd.Series) -> tuple[pd.Series, str]:
        due = premium_due(policy, month, rules, wage=wage)
        return due.frame["total"], due.sources

    return premium_for


def wage_source_notes(from_payroll: pd.Series, wage: pd.Series, lang: Lang) -> pd.Series:
    """Per BPJS row, what the premium detail adds about its wage: empty, or that it came from the payroll."""
    notes = pd.Series("", index=from_payroll.index, dtype="object")
    taken = from_payroll.to_numpy(dtype=bool)
    # One text per distinct wage, not per row: a BPJS list without wages can be a million rows.
    text = {w: " " + message("premium_wage_from_payroll", lang, wage=rupiah(w)) for w in wage[taken].unique()}
    notes[taken] = wage[taken].map(text)
    return notes


def unchecked_premium_notices(
    bpjs: pd.DataFrame, billed: pd.Series, expected: pd.Series, findings: pd.DataFrame, lang: Lang
) -> tuple[str, ...]:
    """A notice when billed rows could not have their premium checked: no wage from BPJS nor the payroll.

    Rows NOT_ON_PAYROLL are left out: their premium is not checked whatever the wage, and they are
    findings already.
    """
    ghosts = findings.loc[findings["category"] == str(Category.NOT_ON_PAYROLL), "bpjs_idx"].dropna()
    usable = ~bpjs["rejected"].fillna(False).to_numpy(dtype=bool) & ~bpjs.index.isin(ghosts.astype(int))
    unchecked = usable & (billed.fillna(0) > 0).to_numpy() & expected.reindex(bpjs.index).isna().to_numpy()
    if not unchecked.any():
        return ()
    return (message("premium_not_checked", lang, rows=int(unchecked.sum())),)


def _unique_rules(rules: Sequence[dict[str, object]]) -> list[dict[str, object]]:
    seen: dict[str, dict[str, object]] = {}
    for r in rules:
        seen.setdefault(repr(sorted(r.items())), r)
    return list(seen.values())
