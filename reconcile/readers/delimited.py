"""Read a CSV file into a grid: encoding and delimiter detected, every value kept as text.

Encoding: UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252 (what Excel writes on
Indonesian Windows). Delimiter: `,`, `;` or tab, whichever lets the header search find the best
header in the first lines (a title line such as "Bandar Lampung, Februari 2018" has commas too).
A record's row number is the line it starts on, header and title lines counted.
"""

from __future__ import annotations

import codecs
import csv
import io
from itertools import islice
from typing import Any

from reconcile.errors import InputError
from reconcile.readers.aliases import AliasTable
from reconcile.readers.grid import Grid, Row
from reconcile.readers.header import HEADER_SEARCH_ROWS, find_header

DELIMITERS = (",", ";", "\t")


def decode(data: bytes) -> str:
    """Text of the file. A UTF-8 BOM is dropped even when the rest turns out to be cp1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    body = data.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return body.decode("cp1252")
    except UnicodeDecodeError:  # cp1252 leaves five bytes undefined; latin-1 keeps them
        return body.decode("latin-1")


def _records(text: str, delimiter: str) -> Any:  # a csv reader; its type is private to _csv
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def sniff_delimiter(text: str, table: AliasTable) -> str:
    """The delimiter under which the first lines hold the best header (then: the most fields)."""
    head = text[: 1 << 20]

    def quality(delimiter: str) -> tuple[int, int]:
        rows = list(islice(_records(head, delimiter), HEADER_SEARCH_ROWS + 1))
        match = find_header(rows, table)
        return (match.score if match else 0, max((len(r) for r in rows), default=0))

    return max(DELIMITERS, key=quality)


def read_csv_grid(data: bytes, display_path: str, table: AliasTable) -> Grid:
    if not data.strip():
        raise InputError("the file is empty; expected a CSV file with a header line", path=display_path)
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError("found binary content, not a CSV text file", path=display_path)
    text = decode(data)
    delimiter = sniff_delimiter(text, table)
    try:
        reader = _records(text, delimiter)
        rows: list[Row] = list(reader)
        if reader.line_num == len(rows):
            return Grid.from_rows("", rows)
        return Grid.from_rows("", rows, _start_lines(text, delimiter))
    except csv.Error as e:
        raise InputError(f"not readable as CSV ({e})", path=display_path) from None


def _start_lines(text: str, delimiter: str) -> list[int]:
    """The line each record starts on; needed only when a quoted value spans lines."""
    reader = _records(text, delimiter)
    starts: list[int] = []
    previous = 0
    for _ in reader:
        starts.append(previous + 1)
        previous = reader.line_num
    return starts
