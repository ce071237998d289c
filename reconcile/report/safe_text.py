"""Turn any text from an input file into something a spreadsheet shows literally.

A cell text starting with = + - @ tab or CR could be taken as a formula (or DDE) by Excel or LibreOffice
when typed or re-edited. Such texts are stored as plain strings and flagged with quotePrefix, which is
what Excel itself does for a value typed with a leading apostrophe: it shows the literal text.
Control characters are illegal in the XML of a workbook and are removed. Excel holds at most 32,767
characters in a cell, so longer texts are cut with an ellipsis.
"""

from __future__ import annotations

import re

MAX_CELL_CHARS = 32_767
ELLIPSIS = "…"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# XML 1.0 forbids these; tab, LF and CR are allowed (openpyxl's ILLEGAL_CHARACTERS_RE, plus DEL and
# the C1 block, which render as boxes and can smuggle terminal escapes into logs).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """Remove control characters and cut the text to what a cell can hold."""
    text = _CONTROL.sub("", text)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - len(ELLIPSIS)] + ELLIPSIS
    return text


def needs_quote_prefix(text: str) -> bool:
    """True when a spreadsheet could read the text as a formula if it were typed in."""
    return text.startswith(FORMULA_TRIGGERS)
