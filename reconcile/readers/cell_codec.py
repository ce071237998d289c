"""Encode a column of cell values as marshal bytes, and back: how the sandbox child sends its grids.

Pickling every cell costs about as much as parsing the workbook; marshal moves str, float, int and
bool at a fraction of that, and never runs code when the parent loads it. The date and time values
calamine also gives (date, datetime, time, timedelta) are sent beside the column as (type code,
rows, constructor arguments) and put back in place, so the parent gets exactly the values calamine
produced. Standard library only: the child imports this module by file name, without the package.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

#: marshal format 2: no back-references, the fastest to write for flat lists of cells.
MARSHAL_VERSION = 2

#: Special values: type code -> (type, constructor arguments of a value, value from its arguments).
_SPECIAL: dict[str, tuple[type, Callable[[Any], Any], Callable[[Any], Any]]] = {
    "d": (date, date.toordinal, date.fromordinal),
    "dt": (
        datetime,
        lambda v: (v.toordinal(), v.hour, v.minute, v.second, v.microsecond),
        lambda a: datetime.combine(date.fromordinal(a[0]), time(*a[1:])),
    ),
    "t": (time, lambda v: (v.hour, v.minute, v.second, v.microsecond), lambda a: time(*a)),
    "td": (timedelta, lambda v: (v.days, v.seconds, v.microseconds), lambda a: timedelta(*a)),
}
_CODE = {kind: code for code, (kind, _, _) in _SPECIAL.items()}
_MARSHALLED = frozenset({str, float, int, bool})

#: One encoded column: marshal bytes of the cells (special values as None), then the special values
#: as (type code, their rows, their constructor arguments); rows None means every cell is of that type.
#: A column of empty cells only (the empty area of a sparse sheet) is sent as its length.
Encoded = tuple[bytes | int, list[tuple[str, list[int] | None, list[Any]]]]


def encode_column(column: list[Any] | tuple[Any, ...]) -> Encoded:
    """A column of cells as marshal bytes plus its special values."""
    if column and column[0] == "" and column.count("") == len(column):
        return len(column), []
    try:
        return marshal.dumps(column, MARSHAL_VERSION), []
    except ValueError:  # a date or time value somewhere in the column
        pass
    kinds = set(map(type, column))
    if kinds - _MARSHALLED - _CODE.keys():
        raise TypeError(f"unexpected cell types {sorted(k.__name__ for k in kinds)}")
    codes = [_CODE[kind] for kind in kinds - _MARSHALLED]
    if len(kinds) == 1:  # a block of dates, the usual case: no rows to list
        (code,) = codes
        return marshal.dumps(None, MARSHAL_VERSION), [(code, None, list(map(_SPECIAL[code][1], column)))]
    cells = list(column)
    specials: list[tuple[str, list[int] | None, list[Any]]] = []
    for code in codes:
        kind, arguments, _ = _SPECIAL[code]
        rows = [i for i, v in enumerate(cells) if v.__class__ is kind]
        specials.append((code, rows, [arguments(cells[i]) for i in rows]))
        for i in rows:
            cells[i] = None
    return marshal.dumps(cells, MARSHAL_VERSION), specials


def decode_column(encoded: Encoded) -> Sequence[Any]:
    """The cells `encode_column` was given (a list or a tuple)."""
    data, specials = encoded
    if isinstance(data, int):
        return [""] * data
    cells = marshal.loads(data)
    if cells is None and len(specials) == 1 and specials[0][1] is None:
        code, _, arguments = specials[0]
        return list(map(_SPECIAL[code][2], arguments))
    if not isinstance(cells, list | tuple):
        raise ValueError("a column is neither a list nor a tuple")
    if specials:
        cells = list(cells)
    for code, rows, arguments in specials:
        if rows is None:
            raise ValueError("a column mixes cell types but does not say where each is")
        for i, value in zip(rows, map(_SPECIAL[code][2], arguments), strict=True):
            cells[i] = value
    return cells
