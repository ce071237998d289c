"""The child side of the sandbox: parse one workbook with calamine and stream its grids to stdout.

Run only as a script in a fresh interpreter: `python -I sandbox_child.py PATH MEMORY_BYTES`.
It imports nothing from this package but `error_cells` and `cell_codec` (loaded from this folder),
so it starts in milliseconds. Messages, each a length-prefixed marshal: ("sheet", name, merges,
left, visibility) with visibility "visible", "hidden" or "veryhidden", then ("rows", [encoded
column, ...]) per block of rows, ("patch", [(row, col, text), ...]), ("hidden", [row, ...]) for the
rows Excel hides (0-based), and after the last sheet ("end", peak_rss_bytes); or ("error",
message, sheet) for a file calamine refuses. A block's columns start at the sheet's first used
column: the parent adds `left` empty columns before them, so that column c of a grid is Excel
column c + 1 and row i is Excel row i + 1, as with `to_python(skip_empty_area=False)`. The scan
for error cells and hidden rows, a second pass over each sheet's XML, runs in a thread while
calamine parses (calamine releases the GIL).
"""

from __future__ import annotations

import gc
import marshal
import os
import re
import resource
import struct
import sys
import threading
import zipfile
from itertools import islice
from queue import SimpleQueue
from typing import IO, Any

#: Cells per message: small blocks stay in the CPU caches from calamine's rows to the encoded columns,
#: and the parent decodes one while the next is encoded. At least BLOCK_MIN_ROWS rows, so that a very
#: wide sheet (a stray value in column XFD) is not sent in thousands of columns of a few cells each.
CHUNK_CELLS = 16_384
BLOCK_MIN_ROWS = 256
_LONG_DIGITS = re.compile(r"\d{6,}")


def limit_memory(extra_bytes: int) -> None:
    """Cap this process's address space at its current size plus `extra_bytes`; no core dumps."""
    with open("/proc/self/statm") as f:
        now = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    resource.setrlimit(resource.RLIMIT_AS, (now + extra_bytes, now + extra_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _send(out: IO[bytes], message: tuple[Any, ...]) -> None:
    data = marshal.dumps(message, 2)  # the format of cell_codec
    out.write(struct.pack("<Q", len(data)))
    out.write(data)


def _safe(error: BaseException) -> str:
    """Calamine's message, short, with long digit runs (a NIK in a bad cell) masked."""
    text = " ".join(str(error).split())[:300]
    return (
        _LONG_DIGITS.sub(lambda m: "*" * (len(m.group()) - 4) + m.group()[-4:], text) or type(error).__name__
    )


def _send_rows(out: IO[bytes], sheet: Any) -> None:
    """The sheet's rows, a block of rows at a time, each block as its encoded columns.

    `iter_rows` already yields the empty rows above the data but not the empty columns to its left.
    """
    from cell_codec import encode_column  # type: ignore[import-not-found]

    rows = sheet.iter_rows()
    block_rows = max(BLOCK_MIN_ROWS, CHUNK_CELLS // max(1, sheet.width))
    while block := list(islice(rows, block_rows)):
        columns = list(zip(*block, strict=True))
        del block
        _send(out, ("rows", [encode_column(column) for column in columns]))


def _declares_entities(path: str) -> str | None:
    """The first XML part with a DOCTYPE or ENTITY declaration: Excel never writes one, attacks do."""
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            if info.filename.endswith((".xml", ".rels", ".vml")):
                with z.open(info) as part:
                    head = part.read(4096)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    return info.filename
    return None


def _scan_marks(path: str, parts: list[str | None], results: SimpleQueue[Any]) -> None:
    """Put each sheet's (marked cells, hidden rows) in `results`, in sheet order; on failure, the
    exception, and stop."""
    from error_cells import scan_sheet  # type: ignore[import-not-found]

    try:
        with zipfile.ZipFile(path) as z:
            for part in parts:
                results.put(scan_sheet(z, part) if part is not None else ([], []))
    except BaseException as e:  # the main thread raises it when it reaches that sheet
        results.put(e)


def _start_scan(path: str, names: list[str]) -> SimpleQueue[Any]:
    """Scan every sheet's XML for error cells and hidden rows in a thread; read its results from the
    queue returned."""
    from error_cells import sheet_parts  # type: ignore[import-not-found]

    try:
        with zipfile.ZipFile(path) as z:
            parts = sheet_parts(z)
    except Exception:  # an odd package layout: calamine read it, so read it without the markers
        parts = {}
    results: SimpleQueue[Any] = SimpleQueue()
    scan = threading.Thread(
        target=_scan_marks, args=(path, [parts.get(n) for n in names], results), daemon=True
    )
    scan.start()
    return results


def _visibility(visible: Any) -> str:
    """Excel's sheet state from calamine's SheetVisibleEnum: visible, hidden or veryhidden."""
    return str(visible).rsplit(".", 1)[-1].lower()  # "SheetVisibleEnum.VeryHidden" -> "veryhidden"


def parse_workbook(out: IO[bytes], path: str) -> None:
    import python_calamine as pc

    sheet_name = ""
    try:
        part = _declares_entities(path)
        if part is not None:
            _send(
                out,
                (
                    "error",
                    f"part {part!r} declares XML entities (a DOCTYPE), which Excel never writes: "
                    "the file may be crafted to attack the reader (billion laughs, XXE) and was not opened; "
                    "ask the office to save it again from Excel",
                    "",
                ),
            )
            return
        book = pc.CalamineWorkbook.from_path(path)
        worksheets = [m for m in book.sheets_metadata if m.typ == pc.SheetTypeEnum.WorkSheet]
        names = [m.name for m in worksheets]
        marks = _start_scan(path, names)
        for sheet_name, visibility in zip(names, (_visibility(m.visible) for m in worksheets), strict=True):
            sheet = book.get_sheet_by_name(sheet_name)
            merges = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []]
            left = sheet.start[1] if sheet.start is not None else 0
            _send(out, ("sheet", sheet_name, merges, left, visibility))
            if sheet.start is not None:
                _send_rows(out, sheet)
            del sheet
            scanned = marks.get()
            if isinstance(scanned, BaseException):
                raise scanned
            found, hidden = scanned
            if found:
                _send(out, ("patch", found))
            if hidden:
                _send(out, ("hidden", hidden))
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except (TypeError, AttributeError, NameError, ImportError, AssertionError, UnboundLocalError) as e:
        # A bug in this reader, not a property of the file: the parent reports an internal error.
        _send(out, ("internal", f"{type(e).__name__} in the workbook reader"))
        return
    except BaseException as e:  # CalamineError, XmlError, and pyo3 panics (BaseException)
        where = "sheet could not be read" if sheet_name else "could not be read as an Excel workbook"
        _send(out, ("error", f"{where} ({_safe(e)}); ask the office to save it again from Excel", sheet_name))
        return
    _send(out, ("end", _peak_rss()))


def _peak_rss() -> int:
    """This process's peak resident memory since it started (`ru_maxrss` would count the parent's too,
    which this process held between fork and exec)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def main() -> None:
    path, memory_bytes = sys.argv[1], int(sys.argv[2])
    gc.disable()  # a short life without reference cycles: collecting would only rescan every row built
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    limit_memory(memory_bytes)
    out = sys.stdout.buffer
    parse_workbook(out, path)
    out.flush()


if __name__ == "__main__":
    main()
