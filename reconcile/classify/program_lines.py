"""Bills split by program: the lines of one participant's bill are ONE registration billed their sum.

BPJS sends contribution bills in long form (a JKK line and a JKM line per participant, maybe a DENDA
line) or one sheet per program; reconcile.normalize.programs puts each line's amount on its
program's part. Here the usable rows that corrections left in place are gathered per participant
(same valid KPJ, else same valid NIK; and the same billing period where the file names one per row)
into bills, in input order:

- a line joins the first bill that does not bill any of its programs yet;
- a line billing a program that every bill already has starts a new bill: the same program billed
  twice is a real duplicate (DUPLICATE_PARTICIPANT sees two registrations);
- a row without program parts (a total only, or no amount: a participant list) is a whole bill of
  its own, never merged;
- a late-fee line (DENDA) joins the participant's first bill and adds nothing to it: its amount is
  no premium (the normaliser warns about it).

A second bill of program lines (a JKK line billed again) is a duplicate: DUPLICATE_PARTICIPANT
reports it with its amount, and its premium is not checked as if it were a bill of its own (a lone
JKK line against the whole JKK + JKM premium would be a false "under-billed").

The first line of a bill stands for it: it is billed the sum of the lines, so the premium check,
pairing, duplicates and coverage see one registration. The other lines are set aside like netted
corrections (reconcile.classify.corrections): no registration, billed Rp0, outcome "no action"
(part of the same bill, reconcile.classify.outcomes).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from reconcile.classify.corrections import Netting
from reconcile.normalize.programs import LATE_FEE
from schemas.checks import PREMIUM_PARTS


@dataclass
class _Bill:
    """One bill being gathered: the row that stands for it and the programs it bills (None: whole)."""

    first: int
    programs: set[str] | None
    lines: list[int] = field(default_factory=list)

    def takes(self, programs: set[str] | None) -> bool:
        return programs is not None and self.programs is not None and not (self.programs & programs)


def merge_program_lines(bpjs: pd.DataFrame, netting: Netting) -> Netting:
    """`netting` with each participant's program lines folded into one bill per period."""
    key = participant_bill_key(bpjs, netting.set_aside)
    shared = key.notna() & key.duplicated(keep=False)
    if not shared.to_numpy(dtype=bool).any():
        return netting
    billed, set_aside = netting.billed.copy(), netting.set_aside.copy()
    repeat = pd.Series(False, index=bpjs.index)
    rows = bpjs[shared.to_numpy(dtype=bool)]
    programs = line_programs(rows)
    for members in key[rows.index].groupby(key[rows.index], sort=False).groups.values():
        bills = gather_bills(list(members), programs)
        for bill in bills:
            _fold(bill, billed, set_aside)
        if any(bill.lines for bill in bills):  # a bill split by program: the later bills bill lines again
            for bill in bills[1:]:
                repeat.at[bill.first] = bill.programs is not None
    return replace(netting, billed=billed, set_aside=set_aside, repeat_bill=repeat)


def participant_bill_key(bpjs: pd.DataFrame, set_aside: pd.Series) -> pd.Series:
    """Per row: "kpj:…" or "nik:…" plus the billing period, <NA> for rows that take no part."""
    kpj = ("kpj:" + bpjs["kpj"].astype("string")).where(bpjs["kpj_valid"].to_numpy(dtype=bool))
    nik = ("nik:" + bpjs["nik"].astype("string")).where(bpjs["nik_valid"].to_numpy(dtype=bool))
    key = kpj.fillna(nik)
    if "billing_period" in bpjs.columns:
        key = key + "|" + bpjs["billing_period"].astype("string").fillna("")
    usable = ~bpjs["rejected"].to_numpy(dtype=bool) & ~set_aside.to_numpy(dtype=bool)
    return key.where(usable)


def line_programs(rows: pd.DataFrame) -> dict[int, set[str] | None | str]:
    """Per row: the premium parts it bills, LATE_FEE, or None for a whole bill (no parts)."""
    program = rows["program"].astype("string") if "program" in rows.columns else None
    has_part = rows[PREMIUM_PARTS].notna().to_numpy()
    found: dict[int, set[str] | None | str] = {}
    for pos, label in enumerate(rows.index):
        named = None if program is None or pd.isna(program.iat[pos]) else str(program.iat[pos])
        if named == LATE_FEE:
            found[label] = LATE_FEE
            continue
        parts = {p for p, present in zip(PREMIUM_PARTS, has_part[pos], strict=True) if present}
        found[label] = parts or ({named} if named in PREMIUM_PARTS else None)
    return found


def gather_bills(members: list[int], programs: dict[int, set[str] | None | str]) -> list[_Bill]:
    """One participant's rows (input order) gathered into bills; late fees join the first bill."""
    bills: list[_Bill] = []
    fees = [m for m in members if programs[m] == LATE_FEE]
    for m in members:
        own = programs[m]
        if isinstance(own, str):  # a late fee
            continue
        target = next((b for b in bills if b.takes(own)), None)
        if target is None:
            bills.append(_Bill(m, None if own is None else set(own)))
        else:
            target.lines.append(m)
            target.programs = (target.programs or set()) | (own or set())
    if not bills and fees:
        bills.append(_Bill(fees.pop(0), None))
    if fees:
        bills[0].lines.extend(fees)
    return bills


def _fold(bill: _Bill, billed: pd.Series, set_aside: pd.Series) -> None:
    """The bill's lines add to its first row's bill and are set aside, billed Rp0."""
    if not bill.lines:
        return
    amounts = billed.loc[[bill.first, *bill.lines]].to_numpy(dtype="float64")
    if not np.isnan(amounts).all():
        billed.at[bill.first] = float(np.nansum(amounts))
    billed.loc[bill.lines] = billed.loc[bill.lines].where(billed.loc[bill.lines].isna(), 0.0)
    set_aside.loc[bill.lines] = True
