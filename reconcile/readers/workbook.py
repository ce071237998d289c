"""Read .xlsx / .xlsm workbooks into grids with python-calamine, turning every failure into InputError.

Row i of a grid is Excel row i + 1: `to_python(skip_empty_area=False)` keeps the empty rows and
columns above and left of the data, so title rows are counted as a person sees them.
"""

from __future__ import annotations

from pathlib import Path

import python_calamine as pc

from reconcile.errors import InputError
from reconcile.readers.grid import Grid

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_NEVER_CATCH = (KeyboardInterrupt, SystemExit, MemoryError)


def sniff_workbook(head: bytes, display_path: str) -> None:
    """Reject, with a useful message, files that are not Office Open XML workbooks."""
    if not head:
        raise InputError("the file is empty (0 bytes); expected an Excel workbook", path=display_path)
    if head.startswith(_OLE2):
        raise InputError(
            "found a password-protected (encrypted) workbook or a legacy Excel 97-2003 file; "
            "remove the password and save it as .xlsx",
            path=display_path,
        )
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<", b"<!doctype")):
        raise InputError(
            "found an HTML/XML page, not an Excel workbook (a web export renamed to .xlsx?); "
            "open it in Excel and save it as .xlsx",
            path=display_path,
        )
    if not head.startswith(_ZIP):
        raise InputError("not an Excel workbook: expected an .xlsx/.xlsm (zip) file", path=display_path)


def read_workbook(path: Path, display_path: str) -> list[Grid]:
    """Every worksheet of the workbook as a grid (chart sheets are left out)."""
    with path.open("rb") as f:
        sniff_workbook(f.read(8), display_path)
    try:
        book = pc.CalamineWorkbook.from_path(str(path))
        names = [m.name for m in book.sheets_metadata if m.typ == pc.SheetTypeEnum.WorkSheet]
    except _NEVER_CATCH:
        raise
    except BaseException as e:  # calamine raises CalamineError, and pyo3 panics derive from BaseException
        raise InputError(f"could not be read as an Excel workbook ({e})", path=display_path) from None
    grids = []
    for name in names:
        try:
            sheet = book.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False)
            merges = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []]
        except _NEVER_CATCH:
            raise
        except BaseException as e:  # see above
            raise InputError(f"sheet could not be read ({e})", path=display_path, sheet=name) from None
        grids.append(Grid(name=name, rows=rows, merges=merges))
    return grids
