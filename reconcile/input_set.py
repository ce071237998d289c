"""Once every input is read: which ones the run may use, which refusals stop it, what it must say.

The checks that look across files, in one place, so that the flow only reads and reports:
- a file given twice, on one side or on both (`readers.same_content`);
- a file given on the wrong side, a BPJS list as payroll or a payroll as the BPJS list
  (`readers.side_check`): an unusable file, one message each;
- a BPJS participant list beside the contribution detail of the same people (`readers.bpjs_documents`);
- a file for another month (`readers.period_check`);
- unusable files, which --allow-partial lets the run leave out (not a whole side);
- sheets left out of the files that are read, files read with no worker row, and worker rows hidden
  in Excel (`readers.sheet_notices`);
- total rows (JUMLAH) that the rows read do not add up to (`normalize.stated_totals`);
- files whose NIKs their source masked (`normalize.masked_nik`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reconcile.errors import InputError
from reconcile.messages import Lang
from reconcile.normalize.masked_nik import masked_nik_notices
from reconcile.normalize.stated_totals import total_notices
from reconcile.pipeline import PreparedInput
from reconcile.readers.bpjs_documents import explain_left_out, left_out_reads, lists_beside_details
from reconcile.readers.partial import excluded_inputs, missing_sides, partial_notices
from reconcile.readers.period_check import PeriodMismatch, period_mismatches
from reconcile.readers.same_content import SameContent, same_content
from reconcile.readers.sheet_notices import empty_input_notices, hidden_row_notices, sheet_notices
from reconcile.readers.side_check import misplaced_as_errors

#: (path, path as the user gave it, "payroll" | "bpjs") of every input, readable or not.
InputFile = tuple[Path, str, str]


@dataclass(frozen=True)
class InputSet:
    """What the run goes on with, or the refusals that stop it (exit 2, no report)."""

    usable: list[PreparedInput] = field(default_factory=list)
    refusals: tuple[str, ...] = ()
    #: Said loudly on the console and in the log: inputs left out, accepted mismatches, sheets not
    #: read, files with no worker row.
    notices: tuple[str, ...] = ()
    #: Carried into the report and the manifest.
    report_notices: tuple[str, ...] = ()
    #: Manifest extras: excluded_inputs, duplicate_inputs.
    manifest: dict[str, Any] = field(default_factory=dict)


def decide_inputs(
    files: Sequence[InputFile],
    read: Sequence[PreparedInput | InputError],
    period: str,
    lang: Lang,
    *,
    allow_partial: bool,
    accept_period_mismatch: bool,
) -> InputSet:
    """Decide on the inputs of one run.

    `read[i]` is what reading `files[i]` gave: a PreparedInput, or the InputError that makes it unusable.
    """
    copies = same_content(files, read)
    copied = {c.path for c in copies}
    sided = misplaced_as_errors(files, read, lang, skip=frozenset(copied))  # a misplaced file: an InputError
    prepared = [r for r in sided if isinstance(r, PreparedInput) and r.path not in copied]
    lists = lists_beside_details(prepared)
    outcomes = left_out_reads(files, sided, lists, lang)  # a list left out reads as an InputError
    listed = {x.path for x in lists}
    prepared = [r for r in prepared if r.path not in listed]
    mismatches = period_mismatches(prepared, period)
    refusals = _refusals(files, outcomes, copies, mismatches, period, allow_partial, accept_period_mismatch)
    if refusals:
        return InputSet(refusals=refusals)
    excluded = explain_left_out(excluded_inputs(files, outcomes), lists)
    manifest, notices = partial_notices(excluded, mismatches, period)
    if copies:
        manifest["duplicate_inputs"] = [c.entry() for c in copies]
    left_out = [c.notice(lang) for c in copies]
    sheets = [
        *sheet_notices(prepared, period, lang),
        *empty_input_notices(prepared, lang),
        *hidden_row_notices(prepared, lang),
        *total_notices(prepared, lang),
        *masked_nik_notices(prepared, lang),
    ]
    return InputSet(
        usable=prepared,
        notices=(*notices, *left_out, *sheets),
        report_notices=(*(m.notice(period) for m in mismatches), *left_out, *sheets),
        manifest=manifest,
    )


def _refusals(
    files: Sequence[InputFile],
    read: Sequence[object],
    copies: list[SameContent],
    mismatches: list[PeriodMismatch],
    period: str,
    allow_partial: bool,
    accept_period_mismatch: bool,
) -> tuple[str, ...]:
    """Every reason to refuse the run, one message per file; empty when the run may go ahead.

    --allow-partial lets a run go on without unusable files and copies (not without a whole side);
    --accept-period-mismatch, with files for another month. One file on both sides always refuses.
    """
    unusable = [str(r) for r in read if isinstance(r, InputError)]
    one_side = [str(c.error()) for c in copies if not c.both_sides]
    refusals = [str(c.error()) for c in copies if c.both_sides]
    if not allow_partial or missing_sides(files, read):
        refusals = [*unusable, *one_side, *refusals]
    if not accept_period_mismatch:
        refusals += [m.message(period) for m in mismatches]
    return tuple(refusals)
