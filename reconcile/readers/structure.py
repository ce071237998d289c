"""Tell data rows from structural rows under a header, in one vectorised pass.

Structural rows are not data and produce no findings: blank rows, a column-number row (1, 2, 3 or
(1), (2), (3)), repeated headers, total rows (JUMLAH / TOTAL / SUB TOTAL) and the signature block
(place and date, "Mengetahui", "Kepala Dinas ...", "Bendahara ...", "NIP. 19...", the official's
name, "ttd"), and section headings ("A. DINAS PENDIDIKAN", see `sections`) in a row with no identity,
row number, amount or birth date. Once a total or signature row appears, later rows are trailer,
except rows that look like a worker (a 15-16 digit NIK, an 11-digit KPJ, or a row number with a
name): those are never dropped, and data resumes after them, or after a section heading followed by
such a row. Anything else with a value in a mapped column is a data row, even if later stages will
reject it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from reconcile.readers.aliases import ROW_NO, header_key
from reconcile.readers.cell_kinds import column_number_start_flags, digit_counts, row_number_flags
from reconcile.readers.grid import Row
from reconcile.readers.header import HeaderMatch
from reconcile.readers.sections import section_unit

#: Fields whose values are money or counts: a row with only these and no label is an unlabelled total.
AMOUNT_FIELDS = frozenset(
    {"monthly_wage", "daily_wage", "days_worked", "reported_wage", "jkk", "jkm", "jht", "jp", "total"}
)
#: In a row with a name, text in these columns describes the worker and is not searched for keywords
#: ("Bendahara" is a job title, "Bandar Lampung, 12 Mei 1985" a birth place and date).
PERSON_TEXT_FIELDS = frozenset({"birth_place_date", "birth_date", "position", "unit", "status"})
#: A row with a value in one of these is a worker's, never a section heading.
_NOT_HEADING_FIELDS = AMOUNT_FIELDS | {"nik", "kpj", "birth_place_date", "birth_date"}

_TOTAL = re.compile(r"\b(jumlah|jml|sub\s*total|total|grand\s*total)\b")
#: A fee line of a bill with no participant ("DENDA KETERLAMBATAN"): an amount below the data, like a total.
_FEE = re.compile(r"\b(denda|bunga\s+keterlambatan|biaya\s+admin\w*)\b")
_MONTH = (
    r"(januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|"
    r"desember|jan|feb|peb|mar|apr|jun|jul|agu|agt|ags|sep|okt|nov|nop|des)"
)
_SIGNATURE = re.compile(
    r"^(mengetahui|menyetujui|disetujui|diperiksa|dibuat oleh|yang membuat|pembuat daftar|yang menerima"
    r"|yang membayarkan|setuju dibayar|lunas dibayar|telah dibayar|terbilang"
    r"|bendahara|pengguna anggaran|kuasa pengguna anggaran|pejabat pelaksana|pptk\b"
    r"|kepala (dinas|badan|biro|bagian|kantor|sub|seksi|bidang|upt|rumah|pusat|satuan|sekretariat)"
    r"|sekretaris (dinas|daerah|badan)|inspektur\b|direktur\b|gubernur\b"
    r"|a\.?\s?n\.?\s+(kepala|sekretaris|gubernur|direktur|inspektur)|pl[th]\.?\s+(kepala|sekretaris|direktur)"
    r"|nip\b|\(?ttd\b|(pembina|penata)\b"
    rf"|[a-z][a-z .'-]*,\s*(\d{{1,2}}\s*)?({_MONTH}\w*\s*)?\d{{4}}$"
    r"|[a-z][a-z .'-]*,\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$)"
)
#: "6", "(6)", "6=4x5", "(7 = 5 + 6)", "6 (Rp)": a column's number, maybe with its formula or unit.
_COLUMN_NUMBER = re.compile(r"^\(?\s*(\d{1,3})\s*(?:[=x×*+\-/:][^)]*)?\)?\s*(?:\([^()]*\))?$")
#: A word written letter-spaced for emphasis: "J U M L A H", "T O T A L".
_LETTER_SPACED = re.compile(r"^(?:\w )+\w$")


def _digits(value: Any) -> int:
    """How many digits an identity cell holds (0 if it holds anything but digits)."""
    if value.__class__ is str:
        if value.isdigit() and value.isascii():
            return len(value)
        text = value.replace(" ", "").replace("'", "").replace(".", "").replace("-", "")
        return len(text) if text.isdigit() and text.isascii() else 0
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return len(str(abs(value)))
    if isinstance(value, float):
        return len(str(int(value))) if value.is_integer() and value > 0 else 0
    return 0


def _row_number(value: Any) -> bool:
    if value.__class__ is float:
        return value.is_integer() and 0 < value < 10_000_000
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return float(value).is_integer() and 0 < value < 10_000_000
    return isinstance(value, str) and value.strip().rstrip(".").isdigit()


def _column_number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() and 0 < value < 1000 else None
    if isinstance(value, str):
        m = _COLUMN_NUMBER.match(value.strip())
        return int(m.group(1)) if m else None
    return None


def _is_column_number_row(row: Row) -> bool:
    """Every filled cell a column number, each a different one: 1, 2, 3 ... in any order (a column
    moved after the numbering was typed keeps its number)."""
    numbers = [_column_number(v) for v in row if v is not None and v != ""]
    if len(numbers) < 2 or any(n is None for n in numbers):
        return False
    return len(set(numbers)) == len(numbers)


def _words(text: str) -> str:
    """A label as the keyword patterns read it: case-folded, spaces collapsed, and a letter-spaced
    word ("J U M L A H") closed up."""
    text = " ".join(text.casefold().split())
    return text.replace(" ", "") if _LETTER_SPACED.match(text) else text


def _present(values: np.ndarray) -> np.ndarray:
    return ~pd.isna(values)


def _maybe_column_number(value: Any) -> bool:
    """Cheap pre-check: a number, or text starting with a digit or "("."""
    if value.__class__ is str:
        return value.lstrip()[:1] in _COLUMN_NUMBER_START
    return isinstance(value, int | float)


_COLUMN_NUMBER_START = frozenset("(0123456789")


class RowKinds(NamedTuple):
    """Boolean masks over the rows under a header."""

    data: np.ndarray  # worker rows: read
    totals: np.ndarray  # total rows (JUMLAH / SUB TOTAL ...): skipped, but what they state is checked
    sections: np.ndarray  # object: the unit a section heading names, at its row; else None


def classify(row: Callable[[int], Row], values: dict[str, np.ndarray], header: HeaderMatch) -> RowKinds:
    """Which rows under the header are data rows, and which are total rows.

    `values` holds the mapped columns of those rows, empty cells already None; `row(i)` is the
    whole row i, asked for only the few rows that may be column numbers, totals or signatures.
    """
    n = len(values["name"])
    false = np.zeros(n, dtype=bool)
    present = {f: _present(v) for f, v in values.items()}
    blank = ~np.logical_or.reduce([p for f, p in present.items() if f != ROW_NO] + [false])
    has_name = present["name"]
    has_id = present.get("nik", false) | present.get("kpj", false)
    digits = {f: digit_counts(values[f], _digits) for f in ("nik", "kpj") if f in values}
    nik_digits = np.isin(digits["nik"], (15, 16)) if "nik" in digits else false
    kpj_digits = digits["kpj"] == 11 if "kpj" in digits else false
    numbered = row_number_flags(values[ROW_NO], _row_number) if ROW_NO in values else false
    worker = nik_digits | kpj_digits | (numbered & has_name)

    names = values["name"]
    name_key = header_key(header.texts["name"])
    column_numbers = false.copy()
    repeated_header = false.copy()
    for i in np.flatnonzero(~blank & column_number_start_flags(names, _maybe_column_number)).tolist():
        column_numbers[i] = _is_column_number_row(row(i))
    # a repeated header names no worker: test only rows without a worker's NIK / KPJ
    for i in np.flatnonzero(~(nik_digits | kpj_digits)).tolist():
        if header_key(names[i]) != name_key:
            continue
        same = sum(header_key(values[f][i]) == header_key(t) for f, t in header.texts.items())
        if same >= 2:
            repeated_header[i] = True
            if header.height == 2 and i + 1 < n and not worker[i + 1]:
                repeated_header[i + 1] = True
    structural = column_numbers | repeated_header

    total = false.copy()
    signature = false.copy()
    skip_cols = {c for f, c in header.columns.items() if f in PERSON_TEXT_FIELDS}
    for i in np.flatnonzero(~blank & ~structural & ~worker & ~(has_name & has_id)).tolist():
        for c, v in enumerate(row(i)):
            if not isinstance(v, str) or (has_name[i] and c in skip_cols):
                continue
            text = _words(v)
            total[i] |= bool(_TOTAL.search(text) or _FEE.search(text))
            signature[i] |= bool(_SIGNATURE.match(text))

    ends = total | signature
    # a heading may sit in an identity column ("IURAN BULAN MEI 2024" under NO KPJ): text there is
    # no identity unless it is digits
    identifiers: dict[str, np.ndarray] = {f: present[f] & (d > 0) for f, d in digits.items()}
    sections = _section_headings(row, {**present, **identifiers}, ~structural & ~ends & ~numbered)
    heading = pd.notna(sections)
    events = pd.Series(np.where(ends, 1.0, np.where(worker, 0.0, np.nan)))
    # after a total, a heading resumes data only if workers, not more totals or signatures, come next
    opens = heading & (events.shift(-1).bfill() == 0.0).to_numpy()
    trailer = (events.mask(opens, 0.0).ffill() == 1.0).to_numpy()
    sections[heading & trailer] = None
    candidates = ~blank & ~structural & ~heading & ~ends & ~(trailer & ~worker)
    data = _drop_unlabelled_totals(candidates, present)
    return RowKinds(data, (total & ~signature) | (candidates & ~data), sections)


def _section_headings(
    row: Callable[[int], Row], present: dict[str, np.ndarray], maybe: np.ndarray
) -> np.ndarray:
    """The unit each section heading row names (None elsewhere), looked for only where `maybe` and
    some cell is filled but no identity, amount or birth date."""
    n = len(maybe)
    filled = np.logical_or.reduce([*present.values(), np.zeros(n, dtype=bool)])
    worker_values = [p for f, p in present.items() if f in _NOT_HEADING_FIELDS]
    maybe = maybe & filled & ~np.logical_or.reduce([*worker_values, np.zeros(n, dtype=bool)])
    units = np.full(n, None, dtype=object)
    for i in np.flatnonzero(maybe).tolist():
        units[i] = section_unit(row(i))
    return units


#: A head count in a total row: "45 ORANG", "JUMLAH PEGAWAI: 45", "45 org".
_HEAD_COUNT = re.compile(
    r"\b(\d{1,7})\s*(?:orang|org|pegawai|pekerja|peserta|tenaga\s+kerja|tk)\b"
    r"|\b(?:orang|pegawai|pekerja|peserta)\s*[:=]?\s*(\d{1,7})\b"
)


def stated_head_count(row: Row) -> int | None:
    """The number of people a total row states in words ("JUMLAH 45 ORANG"), None when it states none."""
    for v in row:
        if isinstance(v, str) and (m := _HEAD_COUNT.search(_words(v))):
            return int(m.group(1) or m.group(2))
    return None


def total_label(row: Row) -> str:
    """The text of a total row that says it is one ("SUB JUMLAH BIDANG A", "DENDA KETERLAMBATAN"),
    else "" (amounts alone)."""
    for v in row:
        if isinstance(v, str) and (_TOTAL.search(_words(v)) or _FEE.search(_words(v))):
            return " ".join(v.split())[:60]
    return ""


def _drop_unlabelled_totals(data: np.ndarray, present: dict[str, np.ndarray]) -> np.ndarray:
    """Rows holding only amounts after the last real data row are sums without a label."""
    other = [p for f, p in present.items() if f not in AMOUNT_FIELDS and f != ROW_NO]
    amounts_only = ~np.logical_or.reduce(other + [np.zeros(len(data), dtype=bool)])
    real = np.flatnonzero(data & ~amounts_only)
    last_real = real[-1] if len(real) else -1
    tail = np.arange(len(data)) > last_real
    return data & ~(amounts_only & tail)
