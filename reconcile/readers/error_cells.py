"""Find the cells calamine turns into "": error cells (#N/A, #REF!) and formulas with no cached value.

A payroll whose NIK column is a VLOOKUP that came out #N/A, or a file saved by a tool that writes
formulas without computing them, would otherwise look like blank cells and lose their reason. We give
such a cell its error text ("#N/A") or its formula ("=VLOOKUP(...)"), so the value parsers reject the
row with a reason a person understands (INVALID_ROW) instead of silently reading nothing.

The same pass finds the rows Excel hides (`<row r="12" hidden="1">`: rows hidden by hand, or by an
active AutoFilter), which calamine reads like any other: the reader reads them too, and says so.
A hidden row without an `r` attribute (Excel always writes one) is not found.

The sheet XML is scanned as a byte stream in chunks; a chunk holding no `t="e"`, no `<f` and no
`hidden` (almost all of them) costs a few substring searches.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from collections.abc import Iterator

from defusedxml import ElementTree

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CHUNK = 4 << 20
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]{1,3})(\d{1,7})"')
_ERROR_TYPE = re.compile(rb'\bt="e"')
_FORMULA = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)
_VALUE = re.compile(rb"<(?:\w+:)?v\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?v>)", re.S)
_HIDDEN_ROW = re.compile(rb"""<(?:\w+:)?row\b([^>]*?\shidden\s*=\s*["'](?:1|true)["'][^>]*)>""")
_ROW_REF = re.compile(rb"""\sr\s*=\s*["'](\d{1,7})["']""")

#: Longest text put into a cell: a formula can be long, and the text is only there to explain.
MAX_TEXT = 200
#: "f" bytes looked at one by one before searching for "<f" and ":f" the slow way.
_F_PROBES = 1_000


def sheet_parts(book: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet name -> its part in the zip (xl/worksheets/sheet1.xml), from workbook.xml and its rels."""
    workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_PKG_REL}Relationship")}
    parts = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"), "")
        if target:
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
            parts[sheet.get("name", "")] = part
    return parts


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


def _marker(attrs: bytes, body: bytes) -> str | None:
    value = _VALUE.search(body)
    value_text = (value.group(1) or b"").strip() if value else b""
    if _ERROR_TYPE.search(attrs):
        return html.unescape(value_text.decode("utf-8", "replace")) or "#ERROR"
    formula = _FORMULA.search(body)
    if formula is None or value_text:
        return None
    text = html.unescape((formula.group(1) or b"").decode("utf-8", "replace")).strip()
    return f"={text}"[:MAX_TEXT] if text else "=(rumus tanpa teks)"


def _chunks(stream) -> Iterator[bytes]:  # type: ignore[no-untyped-def]
    """Pieces of the sheet XML that end at a row end, so no cell is cut in two."""
    carry = b""
    while True:
        data = stream.read(_CHUNK)
        if not data:
            if carry:
                yield carry
            return
        buffer = carry + data
        end = buffer.rfind(b"</row>")
        end = max(end, buffer.rfind(b":row>", max(end, 0)))  # a prefixed </x:row> after it
        cut = buffer.index(b">", end) + 1 if end >= 0 else 0
        if not cut and len(buffer) > 16 * _CHUNK:  # no row end in 64 MB: not a sheet we can scan
            cut = len(buffer)
        if cut:
            yield buffer[:cut]
        carry = buffer[cut:]


def _may_hold_marks(chunk: bytes) -> bool:
    """Whether `chunk` holds `t="e"`, `<f` or `:f`, the only places a marked cell can be.

    A two-byte search for "<f" steps through the XML a few bytes at a time, as "<" is everywhere;
    the rare "f" is found by memchr and its preceding byte checked, unless "f" is common in the chunk.
    """
    if b't="e"' in chunk:
        return True
    at = chunk.find(b"f")
    for _ in range(_F_PROBES):
        if at < 0:
            return False
        if chunk[at - 1 : at] in (b"<", b":"):
            return True
        at = chunk.find(b"f", at + 1)
    return b"<f" in chunk or b":f" in chunk


def _hidden_rows(chunk: bytes) -> list[int]:
    """The 0-based rows of the `<row ... hidden="1">` elements in `chunk` (one search when there is none)."""
    if b"hidden" not in chunk:
        return []
    found = []
    for row in _HIDDEN_ROW.finditer(chunk):
        ref = _ROW_REF.search(row.group(1))
        if ref is not None:
            found.append(int(ref.group(1)) - 1)
    return found


def _marked_in(chunk: bytes) -> list[tuple[int, int, str]]:
    """(row, col, text), 0-based, for the error cells and formulas without a value in `chunk`."""
    if not _may_hold_marks(chunk):
        return []
    found = []
    for cell in _CELL.finditer(chunk):
        attrs, body = cell.group(1), cell.group(2) or b""
        text = _marker(attrs, body)
        ref = _REF.search(attrs)
        if text is not None and ref is not None:
            found.append((int(ref.group(2)) - 1, _column(ref.group(1)), text))
    return found


def scan_sheet(book: zipfile.ZipFile, part: str) -> tuple[list[tuple[int, int, str]], list[int]]:
    """One pass over a sheet's XML: its marked cells (`marked_cells`) and its hidden rows, 0-based."""
    marks: list[tuple[int, int, str]] = []
    hidden: list[int] = []
    with book.open(part) as stream:
        for chunk in _chunks(stream):
            marks += _marked_in(chunk)
            hidden += _hidden_rows(chunk)
    return marks, hidden


def marked_cells(book: zipfile.ZipFile, part: str) -> list[tuple[int, int, str]]:
    """(row, col, text), 0-based, for every error cell and every formula cell without a cached value."""
    return scan_sheet(book, part)[0]
