"""A file's own totals checked against its rows: a JUMLAH row that disagrees means rows went missing.

Offices close every list with a total row (JUMLAH, SUB JUMLAH per part, or sums without a label),
and a list whose rows were cut, filtered or retyped after the sums were made no longer adds up to
it. The reader skips total rows as structure and keeps what they state (`StatedTotal`); here each
stated amount is compared with the data rows of its sheet. A total may cover the rows since the
previous total row (a subtotal), every row above it (a running or grand total below the data), or
the whole sheet (a grand total written above the data): matching any of these is agreement, with
or without the bill's late-fee lines (DENDA), and with the fees stated on lines of their own above
it ("TOTAL TAGIHAN" = premiums + DENDA).

A sum is only made when every cell it needs is readable (an unreadable wage is reported on its own
row already), and a total whose cell is not a number is left alone, as is a total whose label says
it is more or less than the rows ("TOTAL IURAN YANG HARUS DIBAYAR" adds the late fee, "JUMLAH
DIBAYARKAN" takes deductions off, "TERBILANG" spells it out).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from reconcile.issue_text import field_label
from reconcile.messages import Lang, message, rupiah_amount
from reconcile.model import InputTable, SheetInfo, StatedTotal
from reconcile.normalize.programs import late_fee_lines
from reconcile.values import parse_amounts
from schemas.issues import FIELD_LABELS

#: Labels of totals that are not the plain sum of the rows above them.
_NOT_A_ROW_SUM = re.compile(
    r"\b(dibayar\w*|bayar|denda|bunga|pembulatan|potongan|pph|pajak|terbilang|netto|bersih|selisih)\b",
    re.IGNORECASE,
)
#: A late-fee line of its own: later totals may or may not add it.
_FEE_LINE = re.compile(r"\b(denda|bunga|biaya\s+admin\w*)\b", re.IGNORECASE)
#: The amount columns whose totals are compared (days worked are a count, not Rupiah).
RUPIAH_FIELDS = frozenset(
    {"monthly_wage", "allowance", "daily_wage", "reported_wage", "jkk", "jkm", "jht", "jp", "total"}
)
#: Rupiah amounts are whole numbers; a difference below this is rounding in the sheet's own sums.
TOLERANCE = 1.0


@dataclass(frozen=True)
class TotalMismatch:
    """A stated total that none of the rows it could cover add up to."""

    sheet: str
    row: int
    label: str
    field: str
    stated: float
    found: float  # the sum of the rows above it (below the data) or of the rows since the last total
    rows: int  # how many data rows that sum has


def total_mismatches(table: InputTable) -> tuple[TotalMismatch, ...]:
    """Every stated total of `table` that its sheet's data rows do not add up to, and every head
    count ("JUMLAH 45 ORANG") that does not match the number of rows it covers."""
    found: list[TotalMismatch] = []
    frame = table.frame
    for sheet in table.sheets:
        if not sheet.stated_totals:
            continue
        in_sheet = (frame["source_sheet"] == sheet.name).to_numpy(dtype=bool)
        rows = frame["source_row"].to_numpy(dtype=np.int64)[in_sheet]
        # A late-fee line (PROGRAM DENDA) is no premium: some bills' totals count it, others leave it out.
        fees = np.asarray(late_fee_lines(frame), dtype=bool)[in_sheet]
        amounts = {
            field: parse_amounts(frame.loc[in_sheet, field])
            for field in {f for t in sheet.stated_totals for f in t.cells}
            if field in frame.columns
        }
        counted = any(t.people is not None for t in sheet.stated_totals)
        person = _person_codes(frame.loc[in_sheet]) if counted else np.zeros(0, dtype=np.int64)
        found += _sheet_mismatches(sheet, rows, amounts, fees, person)
    return tuple(found)


def _person_codes(rows: pd.DataFrame) -> np.ndarray:
    """Per row, a code of the person it is about (KPJ, else NIK, else name as written; -1 when none):
    a bill with a line per program counts its people, not its lines."""
    for field in ("kpj", "nik", "name"):
        if field in rows.columns:
            text = rows[field].map(lambda v: " ".join(str(v).split()) if v is not None else None)
            return pd.factorize(text, use_na_sentinel=True)[0]
    return np.arange(len(rows))


def _sheet_mismatches(
    sheet: SheetInfo,
    rows: np.ndarray,
    amounts: Mapping[str, pd.DataFrame],
    fees: np.ndarray,
    person: np.ndarray,
) -> list[TotalMismatch]:
    found = []
    last_data = int(rows.max()) if len(rows) else 0
    previous = 0
    fees_stated: dict[str, float] = {}  # late fees stated on lines of their own, above this total
    for total in sorted(sheet.stated_totals, key=lambda t: t.row):
        if _NOT_A_ROW_SUM.search(total.label):
            if _FEE_LINE.search(total.label):
                for field, cell in total.cells.items():
                    fee = parse_amounts(pd.Series([cell], dtype=object))["value"].iloc[0]
                    fees_stated[field] = fees_stated.get(field, 0.0) + (0.0 if pd.isna(fee) else float(fee))
            previous = total.row
            continue
        covers = {
            "since_previous": (rows > previous) & (rows < total.row),
            "above": rows < total.row,
            "sheet": np.ones(len(rows), dtype=bool),
        }
        if fees.any():  # each cover again without the late-fee lines
            covers |= {f"{name} without fees": mask & ~fees for name, mask in list(covers.items())}
        # What a disagreeing total is shown against: every row above a total below the data; the rows
        # since the previous total for a subtotal; every row above a carried-forward total at the top
        # of a page ("JUMLAH DIPINDAHKAN", no rows since the last total); the whole sheet for a grand
        # total written above the data.
        shown = next(
            name
            for name, wanted in (
                ("above", total.row > last_data),
                ("since_previous", covers["since_previous"].any()),
                ("above", covers["above"].any()),
                ("sheet", True),
            )
            if wanted
        )
        if total.people is not None and (head := _head_count(total, covers, shown, sheet.name, person)):
            found.append(head)
        for field, cell in total.cells.items():
            if field not in RUPIAH_FIELDS:
                continue
            fee = fees_stated.get(field, 0.0)
            mismatch = _compare(total, field, cell, amounts.get(field), covers, shown, sheet.name, fee)
            if mismatch is not None:
                found.append(mismatch)
        previous = total.row
    return found


#: TotalMismatch.field of a head count ("JUMLAH 45 ORANG") that the rows read do not match.
PEOPLE = "people"


def _head_count(
    total: StatedTotal, covers: Mapping[str, np.ndarray], shown: str, sheet: str, person: np.ndarray
) -> TotalMismatch | None:
    """The mismatch of a stated head count with the rows, or the people, of every cover; None when
    one agrees."""
    counts = {name: int(mask.sum()) for name, mask in covers.items()}
    persons = {len(set(person[mask].tolist()) - {-1}) for mask in covers.values()}
    if total.people in {*counts.values(), *persons}:
        return None
    stated = float(total.people or 0)
    return TotalMismatch(sheet, total.row, total.label, PEOPLE, stated, counts[shown], counts[shown])


def _compare(
    total: StatedTotal,
    field: str,
    cell: object,
    parsed: pd.DataFrame | None,
    covers: Mapping[str, np.ndarray],
    shown: str,
    sheet: str,
    fees_above: float = 0.0,
) -> TotalMismatch | None:
    """The mismatch of one stated amount with every cover of rows, each also with the late fees
    stated above it on lines of their own ("TOTAL TAGIHAN" = premiums + DENDA); None when one agrees."""
    stated = parse_amounts(pd.Series([cell], dtype=object))
    if parsed is None or stated["unreadable"].iloc[0] or pd.isna(stated["value"].iloc[0]):
        return None
    value = float(stated["value"].iloc[0])
    unreadable = parsed["unreadable"].to_numpy(dtype=bool)
    numbers = parsed["value"].fillna(0.0).to_numpy(dtype=float)
    sums = {name: float(numbers[mask].sum()) for name, mask in covers.items() if not unreadable[mask].any()}
    with_fees = [v + fees_above for v in sums.values()] if fees_above else []
    if not sums or any(abs(s - value) < TOLERANCE for s in [*sums.values(), *with_fees]):
        return None
    name = shown if shown in sums else next(iter(sums))
    return TotalMismatch(sheet, total.row, total.label, field, value, sums[name], int(covers[name].sum()))


def _where(mismatch: TotalMismatch, lang: Lang) -> str:
    if mismatch.sheet:
        return message("header_at_sheet_row", lang, sheet=repr(mismatch.sheet), row=mismatch.row)
    return message("header_at_line", lang, row=mismatch.row)


def _head_count_notice(item: object, m: TotalMismatch, lang: Lang) -> str:
    return message(
        "stated_head_count_differs",
        lang,
        file=str(getattr(item, "path", "")),
        where=_where(m, lang),
        label=m.label or message("stated_total_unlabelled", lang),
        stated=int(m.stated),
        rows=m.rows,
    )


def _column_named(item: object, mismatch: TotalMismatch, lang: Lang) -> str:
    """The column as the report calls it, with its header as the file writes it: Upah ("JUMLAH UPAH")."""
    label = field_label(FIELD_LABELS.get(mismatch.field, mismatch.field), lang)
    sheets: Iterable[Mapping[str, object]] = getattr(item, "sheets", ())
    for sheet in sheets:
        columns = sheet.get("columns")
        if sheet.get("sheet") == mismatch.sheet and isinstance(columns, Mapping):
            header = " ".join(str(columns.get(mismatch.field) or "").split())
            if header and header.casefold() != label.casefold():
                return f'{label} ("{header}")'
    return label


def total_notices(inputs: Iterable[object], lang: Lang = "id") -> list[str]:
    """One notice per stated total that its rows do not add up to, naming file, sheet and row."""
    notices = []
    for item in inputs:
        for m in getattr(item, "total_mismatches", ()):
            if m.field == PEOPLE:
                notices.append(_head_count_notice(item, m, lang))
                continue
            notices.append(
                message(
                    "stated_total_differs",
                    lang,
                    file=str(getattr(item, "path", "")),
                    where=_where(m, lang),
                    label=m.label or message("stated_total_unlabelled", lang),
                    column=_column_named(item, m, lang),
                    stated=rupiah_amount(m.stated),
                    found=rupiah_amount(m.found),
                    rows=m.rows,
                    difference=rupiah_amount(m.found - m.stated),
                )
            )
    return notices
