"""Data rows of a detail sheet as worksheet XML, written into the sheet file openpyxl made.

openpyxl builds and serialises an element per cell in Python, which made the detail sheets most of
the cost of a run. Here a cell is a piece of text, with exactly the markup openpyxl writes for it:
an inline string (xml:space="preserve" as openpyxl sets it), or a number as openpyxl formats it.
Texts get the same safety as `cells.set_text`: control characters removed, cut to a cell's size,
always a string cell (never a formula), and a quote-prefixed style when they start like a formula.

A cell here is written without its coordinate: `row_xml` adds `<c r="B7"` in front of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from pathlib import Path

from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from reconcile.report.safe_text import clean_text, needs_quote_prefix

ROWS_PER_WRITE = 5_000
_SHEET_DATA_END = b"</sheetData>"


def _escape(text: str) -> str:
    # What ElementTree does to element text; quotes need no escaping outside attributes.
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def text_cell(text: str, style_id: int) -> str:
    """An inline string cell; `text` must already be clean (see `safe_text_cell`)."""
    if not text:
        return f' s="{style_id}" t="inlineStr" />'
    stripped = text.strip()
    space = ' xml:space="preserve"' if stripped and stripped != text else ""
    return f' s="{style_id}" t="inlineStr"><is><t{space}>{_escape(text)}</t></is></c>'


def safe_text_cell(text: str, style_id: int, quoted_style_id: Callable[[], int]) -> str:
    """A text from the inputs as a literal string cell. `quoted_style_id()` gives the style with
    quotePrefix; it is called only for a text that needs it, so an unused style is never registered."""
    text = clean_text(text)
    return text_cell(text, quoted_style_id() if needs_quote_prefix(text) else style_id)


def number_cell(value: float, style_id: int) -> str:
    """A number cell, formatted as openpyxl does (16 significant digits)."""
    return f' s="{style_id}" t="n"><v>{value:.16g}</v></c>'


def row_xml(
    row: int, letters: Sequence[str], cells: Iterable[str | None], height: float | None = None
) -> str:
    """One <row>: each cell that is not None, at its column letter; `height` in points when the row
    must be taller than one line (wrapped text: LibreOffice does not grow a row when it opens a file)."""
    body = "".join(
        [
            f'<c r="{letter}{row}"{cell}'
            for letter, cell in zip(letters, cells, strict=True)
            if cell is not None
        ]
    )
    size = f' ht="{height:g}" customHeight="1"' if height else ""
    return f'<row r="{row}"{size}>{body}</row>'


def write_rows(ws: WriteOnlyWorksheet, rows: Iterable[str]) -> None:
    """Close `ws` and put `rows` at the end of its sheet data, after the rows appended to it.

    Everything else of the sheet (columns, panes, filter, conditional formats, print settings) is
    written by openpyxl, so it must be set before this call; the sheet takes no more rows after it.
    """
    ws.close()
    path = Path(ws._writer.out)  # openpyxl's temporary file for the sheet, zipped at save
    parts = path.read_bytes().split(_SHEET_DATA_END)
    if len(parts) != 2:
        raise RuntimeError(f"openpyxl wrote {len(parts) - 1} sheetData ends for {ws.title!r}, expected 1")
    head, tail = parts
    rows = iter(rows)
    with path.open("wb") as out:
        out.write(head)
        while batch := list(islice(rows, ROWS_PER_WRITE)):
            # As openpyxl writes: UTF-8, a character UTF-8 cannot hold as a character reference.
            out.write("".join(batch).encode("utf-8", "xmlcharrefreplace"))
        out.write(_SHEET_DATA_END + tail)
