"""The program a BPJS line bills, for bills that BPJS splits by program.

BPJS sends a contribution bill in long form too: one row per participant and program, a PROGRAM
column (JKK, JKM, JHT, JP, or DENDA) and one amount column (IURAN, read as the row's total); or one
sheet per program (sheets "JKK", "JKM") whose rows carry one IURAN amount. The program comes from
the row's PROGRAM cell, else from its sheet's name. A row with a program and no premium part of its
own gets its amount on that program's part (jkk, jkm, jht, jp), so that
reconcile.classify.program_lines can add the lines of one bill up.

A late fee (DENDA) is no premium: its amount is kept out of the row's bill, with a warning. A
program cell that names none of these leaves the amount as the row's total, with a warning.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from reconcile.messages import rupiah_amount
from reconcile.normalize.columns import raw_column, source_columns
from reconcile.readers.aliases import alias_table, header_key
from schemas.checks import PREMIUM_PARTS
from schemas.issues import WARNING, concat_parts, issues_where

#: The `program` of a late-fee line (DENDA): no premium.
LATE_FEE = "late_fee"
#: Header keys that start with this name a late fee ("DENDA", "Denda Keterlambatan").
_LATE_FEE_KEY = "denda"
#: The program codes as BPJS writes them, e.g. JKK, as whole words in a cell or a sheet name.
_CODES = {part.upper(): part for part in PREMIUM_PARTS}
_WORD = re.compile(r"[A-Za-z]+")
#: How much of an unknown program cell a warning quotes.
_QUOTED_CHARS = 30

LATE_FEE_WARNING = (
    "Baris DENDA (denda keterlambatan) {amount} bukan iuran: tidak dihitung dalam iuran yang "
    "ditagih dan tidak dibandingkan dengan aturan"
)
UNKNOWN_PROGRAM = (
    "Program tidak dikenal: {cell!r}; diharapkan JKK, JKM, JHT, JP atau DENDA. Jumlahnya dipakai "
    "sebagai total iuran baris"
)


def line_programs(raw: pd.DataFrame, amounts: dict[str, pd.Series]) -> tuple[pd.Series, pd.DataFrame]:
    """The program each raw BPJS row bills, its amount moved onto that part; the warnings."""
    cells = raw_column(raw, "program")
    sheets = source_columns(raw)["source_sheet"]
    program, unknown = parse_programs(cells, sheets)
    return program, place_program_amounts(amounts, program, cells, unknown)


def late_fee_lines(raw: pd.DataFrame) -> np.ndarray:
    """Per raw row: whether its PROGRAM cell names a late fee (DENDA), a line that is no premium."""
    cells = raw_column(raw, "program")
    named = {c: program_of(c) for c in cells.dropna().unique()}
    return cells.map(named).eq(LATE_FEE).fillna(False).to_numpy(dtype=bool)


def program_of(text: object) -> str | None:
    """The premium part ("jkk", ...) or LATE_FEE a cell or sheet name names, else None."""
    if not isinstance(text, str) or not text.strip():
        return None
    if header_key(text).startswith(_LATE_FEE_KEY):
        return LATE_FEE
    field = alias_table("bpjs").field_for(text)
    if field in PREMIUM_PARTS:
        return field
    named = {_CODES[w.upper()] for w in _WORD.findall(text) if w.upper() in _CODES}
    return named.pop() if len(named) == 1 else None


def parse_programs(cells: pd.Series, sheets: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Per row: the program it bills (part, LATE_FEE or <NA>), and whether its cell named none known.

    A blank cell (or no PROGRAM column) takes the program its sheet is named after."""
    from_cell = [program_of(c) for c in cells.to_numpy(dtype=object)]
    sheet_program = {s: program_of(s) for s in sheets.unique()}
    from_sheet = sheets.map(sheet_program).to_numpy(dtype=object)
    blank = cells.isna().to_numpy() | cells.astype("string").str.strip().eq("").fillna(True).to_numpy()
    program = np.where(blank, from_sheet, np.array(from_cell, dtype=object))
    unknown = ~blank & pd.isna(np.array(from_cell, dtype=object))
    return pd.Series(program, index=cells.index, dtype="string"), pd.Series(unknown, index=cells.index)


def place_program_amounts(
    amounts: dict[str, pd.Series], program: pd.Series, cells: pd.Series, unknown: pd.Series
) -> pd.DataFrame:
    """Put each program line's amount on its program's part, keep late fees out; the warnings.

    `amounts` (reported_wage, parts, total) is changed in place. Only rows without a part of their
    own move: a sheet "JKK" with an "IURAN JKK" column already has its amount on jkk."""
    no_part = pd.concat([amounts[p] for p in PREMIUM_PARTS], axis=1).isna().all(axis=1)
    for part in PREMIUM_PARTS:
        moves = (program == part).fillna(False) & no_part
        amounts[part] = amounts[part].where(~moves, amounts["total"])
    late = (program == LATE_FEE).fillna(False).to_numpy(dtype=bool)
    parts = pd.concat([amounts[p] for p in PREMIUM_PARTS], axis=1).sum(axis=1, min_count=1)
    fee = amounts["total"].fillna(parts)
    texts = [LATE_FEE_WARNING.format(amount=_fee_text(v)) for v in fee[late]]
    late_issues = issues_where(late, "total", WARNING, texts)
    for field in (*PREMIUM_PARTS, "total"):
        amounts[field] = amounts[field].where(~late)
    quoted = [UNKNOWN_PROGRAM.format(cell=str(c).strip()[:_QUOTED_CHARS]) for c in cells[unknown.to_numpy()]]
    return concat_parts([late_issues, issues_where(unknown, "program", WARNING, quoted)])


def _fee_text(value: float) -> str:
    """The late fee as a message shows it ("tanpa jumlah" when the cell is blank)."""
    return "tanpa jumlah" if pd.isna(value) else str(rupiah_amount(value))
