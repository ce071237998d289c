"""KPJ (BPJS participant card number, 11 digits): read cells into digit text.

Two ways people and Excel write a KPJ are read as the number they stand for:
- a leading label, "KPJ-18000006666", "KPJ 18000006666", "No. KPJ: 18000006666": the label is
  dropped and the digits after it are read (letters inside the number still make it unreadable);
- 9 or 10 digits: the leading zeros were lost to Excel, which stores the KPJ as a number. An xlsx
  cell shows this as a number; a CSV saved by Excel writes that number as the text "1800007777"
  (a CSV has no cell types), so digit text is padded back to 11 digits too. `kpj_zeros_restored`
  says how many zeros were put back, for the warning. Shorter is something else, left for the schema.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from reconcile.values.identifier import (
    IdentifierCell,
    plain_digit_text,
    read_identifier,
    read_identifiers,
)
from reconcile.values.invisible import without_invisible
from reconcile.values.text_cells import text_positions

KPJ_LENGTH = 11
#: A KPJ this short has lost its leading zeros to Excel; shorter is something else.
KPJ_PADDABLE = (9, 10)
#: "KPJ", "No KPJ", "No. KPJ:", "Nomor KPJ -" in front of the digits: how the number is labelled.
_LABEL = re.compile(r"(?:no(?:mor)?[\s.:]*)?kpj[\s.:\-\u2010-\u2015]*(?=[0-9'])", re.IGNORECASE)


def without_label(value: object) -> object:
    """The cell without a leading KPJ label ("No. KPJ: 18000006666" -> "18000006666"); else as it was."""
    if not isinstance(value, str):
        return value
    text = without_invisible(value).strip()
    label = _LABEL.match(text)
    return text[label.end() :] if label else value


def read_kpj(value: object) -> tuple[IdentifierCell, bool]:
    """One KPJ cell as digit text, and whether leading zeros lost by Excel were put back."""
    unlabelled = without_label(value)
    cell = read_identifier(unlabelled)
    raw = str(value).strip() if unlabelled is not value else cell.raw
    if cell.digits is not None and len(cell.digits) in KPJ_PADDABLE:
        return IdentifierCell(cell.digits.zfill(KPJ_LENGTH), raw, cell.numeric, None), True
    return IdentifierCell(cell.digits, raw, cell.numeric, cell.problem), False


def parse_kpj(values: pd.Series) -> pd.DataFrame:
    """Read a column of KPJ cells.

    `kpj`: 11-digit text when it could be read (or the digits found, for the schema to judge), <NA>
    otherwise; `kpj_raw`: the cell as text; `kpj_padded`: leading zeros were put back, and
    `kpj_zeros_restored` how many; `kpj_problem`: why `kpj` is <NA> although the cell was not blank.
    """
    cells = np.asarray(values, dtype=object)
    unlabelled, labelled = _without_labels(cells)
    read = read_identifiers(pd.Series(unlabelled, index=values.index))
    zeros = _zeros_lost(read["digits"])
    padded = pd.Series(zeros > 0, index=values.index)
    kpj = read["digits"].where(~padded, read["digits"].str.zfill(KPJ_LENGTH))
    raw = read["raw"].copy()
    raw.iloc[labelled] = [v.strip() for v in cells[labelled]]  # the cell as written, label and all
    return pd.DataFrame(
        {
            "kpj": kpj,
            "kpj_raw": raw,
            "kpj_padded": padded,
            "kpj_zeros_restored": zeros,
            "kpj_problem": read["problem"],
        },
        index=values.index,
    )


def _without_labels(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`without_label` of every cell, and the positions where a label was dropped.

    Only text that is not plain digits can carry a label, and that is few cells of a column.
    """
    text = text_positions(cells)
    maybe_labelled = text[~plain_digit_text(cells)[text]]
    read = np.array([without_label(v) for v in cells[maybe_labelled]], dtype=object)
    labelled = maybe_labelled[read != cells[maybe_labelled]]
    out = cells.copy()
    out[maybe_labelled] = read
    return out, labelled


def _zeros_lost(digits: pd.Series) -> np.ndarray:
    """How many leading zeros each digit reading lost: 11 minus its length where that is 9 or 10, else 0."""
    length = digits.str.len().to_numpy(dtype="float64", na_value=np.nan)
    paddable = np.isin(length, KPJ_PADDABLE)
    return np.where(paddable, KPJ_LENGTH - np.nan_to_num(length), 0).astype(np.int64)
