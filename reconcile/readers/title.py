"""Read the title rows above a header: their text, and the unit (Dinas, Biro, ...) they name."""

from __future__ import annotations

import re

from reconcile.readers.grid import Row, is_empty, row_text

_LABELLED = re.compile(
    r"\b(unit kerja|unit organisasi|sub unit|satuan kerja|satker|opd|skpd|perangkat daerah|instansi)"
    r"\s*:\s*(?P<unit>\S.*)$",
    re.IGNORECASE,
)
_UNIT_WORDS = (
    r"(dinas|badan|biro|sekretariat|inspektorat|rsud|rumah sakit|satuan|uptd|upt|kantor|balai|"
    r"bagian|bidang|pusat)\b"
)
_STARTS_WITH_UNIT = re.compile(rf"^{_UNIT_WORDS}.*$", re.IGNORECASE)
_NAMES_UNIT = re.compile(rf"\b(pada|di)\s+(?P<unit>{_UNIT_WORDS}.*)$", re.IGNORECASE)
#: Last resort: an agency word in the middle of a title ("DAFTAR HONOR PTHL BIRO UMUM SETDA").
_CONTAINS_UNIT = re.compile(
    r"\b(?P<unit>(dinas|badan|biro|sekretariat|inspektorat|rsud|rumah sakit|satuan polisi|uptd|upt|"
    r"kantor|balai)\b.*)$",
    re.IGNORECASE,
)
#: The month or budget year that often trails the unit in the same title line.
_TRAILING_PERIOD = re.compile(r"\s+(bulan|periode|tahun anggaran|t\.\s?a\.?|ta\.?)\s.*$", re.IGNORECASE)


def title_text(rows: list[Row]) -> str:
    """The non-empty title rows, each joined by spaces, joined with " | "."""
    return " | ".join(t for t in (row_text(r) for r in rows) if t)


def title_cells(rows: list[Row]) -> list[str]:
    """The non-empty cells of the title rows, as stripped text."""
    return [str(v).strip() for row in rows for v in row if not is_empty(v)]


def unit_from_title(rows: list[Row]) -> str | None:
    """The unit the title rows name: "Unit Kerja : X" first, then a line starting with a unit word
    (Dinas, Badan, Biro, ...), then "... PADA Dinas X", then an agency word inside a line."""
    lines = [t for t in (row_text(r) for r in rows) if t]
    patterns = ((_LABELLED, "unit"), (_STARTS_WITH_UNIT, 0), (_NAMES_UNIT, "unit"), (_CONTAINS_UNIT, "unit"))
    for pattern, group in patterns:
        for line in lines:
            m = pattern.search(line)
            if m:
                unit = _TRAILING_PERIOD.sub("", m.group(group)).strip(" :-")
                if unit:
                    return unit
    return None
