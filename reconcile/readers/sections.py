"""Section headings: one sheet holding several units (OPD), each under a heading row.

A heading row holds nothing but a heading: a letter or roman numeral with "." or ")" then the unit
("A. DINAS PENDIDIKAN", "II. BIRO UMUM", "B) UPTD ..."), the marker and the unit in two cells
("C." | "BIRO UMUM"), or a bare unit name in capitals starting with an agency word ("DINAS SOSIAL").
After a marker the unit must start with an agency word or be in capitals, so that a lone
"A. Rahman" stays a (rejected) worker row. The rows below a heading, up to the next one, belong to
its unit.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from reconcile.readers.grid import Row, is_empty

_AGENCY = re.compile(
    r"^(dinas|badan|biro|sekretariat|inspektorat|rsud|rsj|rumah sakit|satuan|satpol|uptd|upt|kantor"
    r"|balai|bagian|bidang|pusat|cabang|unit|lembaga|panti)\b",
    re.IGNORECASE,
)
_MARKER = r"\(?(?:[a-z]|[ivxl]{1,5})"
#: "A. DINAS ...", "(B) UPTD ...", "II) BIRO ...": the marker ends in "." or ")".
_MARKED = re.compile(rf"^{_MARKER}\s*[.)]\s*(?P<unit>\S.*)$", re.IGNORECASE)
#: "A DINAS ...": without "." or ")" only an agency word may follow.
_MARKED_AGENCY = re.compile(rf"^{_MARKER}\s+(?P<unit>\S.*)$", re.IGNORECASE)
#: A marker alone in its cell ("C.", "II", "(b)"), the unit in the next cell.
_MARKER_CELL = re.compile(rf"^{_MARKER}\s*[.)]?$", re.IGNORECASE)


def section_unit(row: Row) -> str | None:
    """The unit a section heading row names, without its "A." marker; None if `row` is no heading.

    The caller has already checked that the row holds no identity, row number, amount or birth date.
    """
    cells = [v for v in row if not is_empty(v)]
    if not cells or len(cells) > 2 or not all(isinstance(v, str) for v in cells):
        return None
    texts = [" ".join(v.split()) for v in cells]
    if len(texts) == 2:
        return _unit_text(texts[1]) if _MARKER_CELL.match(texts[0]) else None
    (text,) = texts
    marked = _MARKED.match(text)
    if marked:
        return _unit_text(marked.group("unit"))
    marked = _MARKED_AGENCY.match(text)
    if marked and _AGENCY.match(marked.group("unit")):
        return _unit_text(marked.group("unit"))
    return _unit_text(text) if _AGENCY.match(text) and _in_capitals(text) else None


def units_below(headings: np.ndarray) -> np.ndarray:
    """Each row's section unit: that of the nearest heading at or above it (None above the first).

    `headings` holds the unit at heading rows and None elsewhere.
    """
    return pd.Series(headings, dtype=object).ffill().to_numpy(dtype=object)


def _unit_text(text: str) -> str | None:
    """The unit named after a marker, if it names one: an agency word first, or capitals."""
    unit = text.strip(" :-")
    if not unit or not (_AGENCY.match(unit) or _in_capitals(unit)):
        return None
    return unit


def _in_capitals(text: str) -> bool:
    return any(c.isalpha() for c in text) and text == text.upper()
