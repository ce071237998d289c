"""The frozen result of one reconciliation: computed once, rendered separately.

Renderers (workbook, exceptions.csv, matches.csv, manifest) read only this object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class InputOutcome:
    """How every data row of one input file ended. The balance must hold per file.

    `paired`: the row was paired with a row of the other side (it may also carry findings).
    `findings_only`: not paired, but named by at least one finding.
    `rejected`: unusable, listed as INVALID_ROW with its reason.
    `no_action`: not paired and nothing to do, e.g. a NON AKTIF participant who is not on the
    payroll and is not billed. Listed in the manifest so the sum still closes.
    """

    path: str
    kind: str  # "payroll" | "bpjs"
    sha256: str
    sheets: tuple[dict[str, Any], ...]
    rows_read: int
    paired: int
    findings_only: int
    rejected: int
    no_action: int
    #: Sheets left out (hidden, or naming another month): their rows are not rows of this input.
    sheets_not_read: tuple[dict[str, Any], ...] = ()

    @property
    def balanced(self) -> bool:
        return self.rows_read == self.paired + self.findings_only + self.rejected + self.no_action


@dataclass(frozen=True)
class SignedTotal:
    """Differences with a sign (found − expected), per direction: they are never netted."""

    below_rows: int = 0
    below_idr: float = 0.0  # the negative differences, summed as a positive amount
    above_rows: int = 0
    above_idr: float = 0.0

    @property
    def absolute_idr(self) -> float:
        return self.below_idr + self.above_idr


@dataclass(frozen=True)
class Summary:
    """Headline figures for the summary sheet, the console, and the manifest."""

    workers_on_payroll: int  # distinct persons on the payroll (duplicates counted once)
    payroll_rows: int
    bpjs_rows: int
    insured: int  # persons on payroll with an active BPJS record
    uninsured: int  # persons on payroll without active coverage (UNREGISTERED + INACTIVE)
    coverage_rate: float  # insured / workers_on_payroll, 0..1
    exposure_idr: float  # total estimated unprotected benefit of the uninsured
    billed_idr: float  # total billed in the BPJS input(s)
    due_idr: float  # what the rules give for the insured persons on the payroll
    overpayment_idr: float  # the sum of the overpayment lines of `money_lines` (see reconcile.summary)
    counts: dict[str, int]  # findings per category (every category present, zeros included)
    amounts: dict[str, float]  # Rupiah per category (difference or billed or exposure, see manifest)
    #: Persons on the payroll whose pairing a human must decide (same NIK on another person, or a tie):
    #: neither counted insured nor uninsured. workers = insured + uninsured + undecided.
    undecided: int = 0
    #: billed − due, line by line (keys: reconcile.summary.MONEY_LINES): the overpayment lines, what
    #: was billed below the rules, and the remainder, so that the lines add up to billed − due.
    money_lines: dict[str, float] = field(default_factory=dict)
    #: PREMIUM_MISMATCH and WAGE_MISMATCH per direction (their `amounts` are sums of absolute values).
    signed: dict[str, SignedTotal] = field(default_factory=dict)
    #: False when no BPJS input carries any billing (a participant list without total or premium
    #: columns): billed_idr is then 0 for want of data, and billed − due is not computed.
    billing_in_inputs: bool = True


@dataclass(frozen=True)
class ReconResult:
    """Everything a run found. Frames use the column lists in reconcile.categories / model."""

    period: str  # YYYY-MM
    run_id: str
    policy: dict[str, Any]  # the employer policy as applied
    rules_used: tuple[dict[str, Any], ...]  # every rule-table row used: table, key, effective_from, value
    findings: pd.DataFrame  # EXCEPTION_COLUMNS (+ more)
    matches: pd.DataFrame  # MATCH_COLUMNS
    warnings: pd.DataFrame  # ISSUE_COLUMNS: usable rows with something to check
    units: pd.DataFrame  # per unit: unit, workers, insured, uninsured, exposure_idr, billed_idr
    inputs: tuple[InputOutcome, ...]
    summary: Summary
    employer: dict[str, str] = field(default_factory=dict)  # npp, name, as found in BPJS title rows
    #: From the run ledger: "resolved" (findings of the previous period gone now) and "trend"
    #: (per period: gaps, overpayment). Empty when no ledger was used.
    history: dict[str, pd.DataFrame] = field(default_factory=dict)
    #: Inputs left out of this run (`--allow-partial`): path and reason. Findings are incomplete then:
    #: a missing unit makes its workers' BPJS rows look like NOT_ON_PAYROLL.
    excluded_inputs: tuple[dict[str, str], ...] = ()
    #: Run-level notices for the reader, e.g. a BPJS file whose title names another month.
    notices: tuple[str, ...] = ()

    @property
    def balanced(self) -> bool:
        return all(i.balanced for i in self.inputs)
