"""The child side of the sandbox: parse one workbook with calamine and stream its grids to stdout.

Run only as a script in a fresh interpreter: `python -I sandbox_child.py PATH MEMORY_BYTES`.
It imports nothing from this package but `error_cells` (loaded from this folder), so it starts
in milliseconds. Messages, each a length-prefixed pickle: ("sheet", name, merges), ("rows", [...])
in chunks, ("patch", [(row, col, text), ...]), then ("end", peak_rss_bytes), or ("error", message,
sheet) for a file calamine refuses. Row i of a grid is Excel row i + 1, as with
`to_python(skip_empty_area=False)`.
"""

from __future__ import annotations

import os
import pickle
import re
import resource
import struct
import sys
import zipfile
from collections.abc import Iterator
from typing import IO, Any

#: Rows per message: big enough that pickling is cheap per row, small enough to keep both sides lean.
CHUNK_ROWS = 20_000
_LONG_DIGITS = re.compile(r"\d{6,}")


def limit_memory(extra_bytes: int) -> None:
    """Cap this process's address space at its current size plus `extra_bytes`; no core dumps."""
    with open("/proc/self/statm") as f:
        now = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    resource.setrlimit(resource.RLIMIT_AS, (now + extra_bytes, now + extra_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _send(out: IO[bytes], message: tuple[Any, ...]) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(struct.pack("<Q", len(data)))
    out.write(data)


def _safe(error: BaseException) -> str:
    """Calamine's message, short, with long digit runs (a NIK in a bad cell) masked."""
    text = " ".join(str(error).split())[:300]
    return (
        _LONG_DIGITS.sub(lambda m: "*" * (len(m.group()) - 4) + m.group()[-4:], text) or type(error).__name__
    )


def _rows(sheet: Any) -> Iterator[list[Any]]:
    """The sheet's rows with the empty area above and left of the data kept, as Excel numbers them.

    `iter_rows` already yields the empty rows above the data but not the empty columns to its left.
    """
    if sheet.start is None:
        return
    left = sheet.start[1]
    pad = [""] * left
    for row in sheet.iter_rows():
        yield pad + row if left else row


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


def parse_workbook(out: IO[bytes], path: str) -> None:
    import python_calamine as pc
    from error_cells import marked_cells, sheet_parts  # type: ignore[import-not-found]

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
        names = [m.name for m in book.sheets_metadata if m.typ == pc.SheetTypeEnum.WorkSheet]
        try:
            with zipfile.ZipFile(path) as z:
                parts = sheet_parts(z)
        except Exception:  # an odd package layout: calamine read it, so read it without the markers
            parts = {}
        for sheet_name in names:
            sheet = book.get_sheet_by_name(sheet_name)
            merges = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []]
            _send(out, ("sheet", sheet_name, merges))
            chunk: list[list[Any]] = []
            for row in _rows(sheet):
                chunk.append(row)
                if len(chunk) >= CHUNK_ROWS:
                    _send(out, ("rows", chunk))
                    chunk = []
            _send(out, ("rows", chunk))
            del sheet, chunk
            if sheet_name in parts:
                with zipfile.ZipFile(path) as z:
                    marks = marked_cells(z, parts[sheet_name])
                if marks:
                    _send(out, ("patch", marks))
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
    _send(out, ("end", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024))


def main() -> None:
    path, memory_bytes = sys.argv[1], int(sys.argv[2])
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    limit_memory(memory_bytes)
    out = sys.stdout.buffer
    parse_workbook(out, path)
    out.flush()


if __name__ == "__main__":
    main()
