"""exceptions.csv and matches.csv: the machine files, UTF-8, comma-separated, contract column order.

Rupiah amounts and row numbers are whole numbers without separators; a side that does not apply
stays empty. A text from the inputs (name, unit, file, sheet, NIK as written, a detail quoting a
value) that starts with = + - @ tab or CR gets a leading apostrophe (OWASP CSV injection), so that
Excel or LibreOffice opening the file shows it as text instead of running it as a formula. Numeric
columns are never touched: an amount of -16800 stays a number.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas.api.types import infer_dtype, is_integer_dtype, is_numeric_dtype

from reconcile.categories import EXCEPTION_COLUMNS, MATCH_COLUMNS
from reconcile.report.distinct import distinct
from reconcile.report.safe_text import FORMULA_TRIGGERS
from reconcile.report.values import as_float, as_int, as_text

INT_COLUMNS = frozenset(
    {"payroll_row", "bpjs_row", "expected_idr", "billed_idr", "difference_idr", "exposure_idr", "age_months"}
)
FLOAT_COLUMNS = frozenset({"score"})


def _csv_text(fn: Callable[[Any], object]) -> Callable[[Any], str]:
    return lambda v: "" if (x := fn(v)) is None else str(x)


def column_text(series: pd.Series, fn: Callable[[Any], object]) -> pd.Series:
    """`fn` of every cell as CSV text ("" for nothing), as an object column.

    Whole columns where the dtype says what `fn` would do: text stays as it is, whole numbers are
    written as they are; any other column is converted per distinct value.
    """
    if fn is as_text and infer_dtype(series, skipna=True) in ("string", "empty"):
        return series.astype(object).where(series.notna(), "")
    if fn is as_int and is_integer_dtype(series.dtype):
        return series.astype(str).fillna("").astype(object)
    return pd.Series(distinct(series).convert(_csv_text(fn)), index=series.index, dtype=object)


def _converter(column: str) -> Callable[[Any], object]:
    if column in INT_COLUMNS:
        return as_int
    if column in FLOAT_COLUMNS:
        return as_float
    return as_text


_NUMBERS = ("integer", "floating", "mixed-integer-float", "decimal", "boolean")


def _holds_numbers(series: pd.Series) -> bool:
    return is_numeric_dtype(series.dtype) or infer_dtype(series, skipna=True) in _NUMBERS


def text_columns(frame: pd.DataFrame) -> frozenset[str]:
    """The columns of `frame` written as text from the inputs: all but the numeric ones."""
    return frozenset(
        str(c) for c in frame.columns if _converter(str(c)) is as_text and not _holds_numbers(frame[c])
    )


def contract_frame(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """`columns` in order (missing ones empty), then any further columns the frame carries, as text."""
    ordered = columns + [c for c in frame.columns if c not in columns]
    out = pd.DataFrame(index=frame.index)
    for column in ordered:
        if column not in frame.columns:
            out[column] = ""
            continue
        out[column] = column_text(frame[column], _converter(column))
    return out


#: Rows converted at a time: the Arrow buffers of one block stay small however long the file.
_BLOCK_ROWS = 1 << 16
_TEXT = pa.large_string()
_QUOTE, _EMPTY, _COMMA, _CRLF, _APOSTROPHE = (pa.scalar(t, _TEXT) for t in ('"', "", ",", "\r\n", "'"))
_TRIGGER_BYTES = np.frombuffer("".join(FORMULA_TRIGGERS).encode("ascii"), dtype=np.uint8)


def _bytes(text: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """The UTF-8 bytes of all the strings of `text` (no nulls) end to end, and where each one starts."""
    _, offsets_buffer, data = text.buffers()
    offsets = np.frombuffer(offsets_buffer, dtype=np.int64)[text.offset : text.offset + len(text) + 1]
    raw = np.frombuffer(data, dtype=np.uint8) if data is not None else np.empty(0, dtype=np.uint8)
    return raw[offsets[0] : offsets[-1]], offsets - offsets[0]


def _defused(text: pa.Array) -> pa.Array:
    """`text` with an apostrophe in front of every string whose first character could start a formula.

    All the trigger characters are single ASCII bytes, so the first byte of each string says it.
    """
    raw, starts = _bytes(text)
    lengths = np.diff(starts)
    if not len(raw):
        return text
    first = raw[np.minimum(starts[:-1], len(raw) - 1)]
    risky = (lengths > 0) & np.isin(first, _TRIGGER_BYTES)
    if not risky.any():
        return text
    prefixed = pc.binary_join_element_wise(_APOSTROPHE, text, _EMPTY)
    return pc.if_else(pa.array(risky), prefixed, text)


def _field(text: pa.Array) -> pa.Array:
    """CSV fields as the csv module writes them (QUOTE_MINIMAL): quoted when they hold , " CR or LF.

    Most columns hold none of those bytes at all: one pass over the column's bytes says so.
    """
    raw, starts = _bytes(text)
    special = (raw == ord(",")) | (raw == ord('"')) | (raw == ord("\r")) | (raw == ord("\n"))
    if not special.any():
        return text
    seen = np.concatenate(([0], np.cumsum(special)))[starts]
    needs = pa.array(np.diff(seen) > 0)
    quoted = pc.binary_join_element_wise(_QUOTE, pc.replace_substring(text, '"', '""'), _QUOTE, _EMPTY)
    return pc.if_else(needs, quoted, text)


def _write_lines(texts: pd.DataFrame, handle: IO[bytes], defuse: frozenset[str] = frozenset()) -> None:
    """The data lines of `texts` (all text, no missing values), a block of rows at a time, in Arrow.

    The columns named in `defuse` hold input text: a cell that starts like a formula is neutralised.
    A block's lines end up as one Arrow string array whose bytes are exactly those of the lines,
    written without going through a Python string per cell.
    """
    for start in range(0, len(texts), _BLOCK_ROWS):
        block = texts.iloc[start : start + _BLOCK_ROWS]
        fields = []
        for name, column in block.items():
            text = pa.array(column.to_numpy(dtype=object), type=_TEXT)
            fields.append(_field(_defused(text) if name in defuse else text))
        lines = pc.binary_join_element_wise(pc.binary_join_element_wise(*fields, _COMMA), _CRLF, _EMPTY)
        handle.write(_bytes(lines)[0].data)


def write_csv(frame: pd.DataFrame, columns: list[str], path: Path) -> None:
    """Write `frame` as a contract CSV at `path` (header line always present).

    Lines end in CRLF as RFC 4180 says (a text holding a lone CR is quoted); the bytes are those of
    Python's csv.writer with its defaults fed the neutralised texts, which the tests check.
    """
    texts = contract_frame(frame, columns)
    with path.open("wb") as handle:
        _write_lines(pd.DataFrame([list(texts.columns)], dtype=object), handle)
        _write_lines(texts, handle, text_columns(frame))


def write_exceptions_csv(findings: pd.DataFrame, path: Path) -> None:
    write_csv(findings, EXCEPTION_COLUMNS, path)


def write_matches_csv(matches: pd.DataFrame, path: Path) -> None:
    write_csv(matches, MATCH_COLUMNS, path)
