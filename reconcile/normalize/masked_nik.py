"""Files whose NIK column is masked by their source: one notice each, not one warning per row.

BPJS exports often hide most of each NIK ("1871**********31"). Such a cell is no invalid NIK and
needs no correction (reconcile.values.nik reads it as "masked"), but the reader of the report must
know that pairing for that file rests on the KPJ and on name + birth date instead.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from reconcile.messages import Lang, message
from reconcile.values.nik import masked_nik_patterns


def masked_nik_rows(frame: pd.DataFrame) -> int:
    """How many rows of a normalised frame hold a NIK masked by its source."""
    if "nik_raw" not in frame or "nik" not in frame:
        return 0
    raw = frame["nik_raw"][frame["nik"].isna() & frame["nik_raw"].notna()]
    return int(masked_nik_patterns(raw).notna().sum())


def masked_nik_notices(inputs: Iterable[object], lang: Lang = "id") -> list[str]:
    """One notice per input file with masked NIKs, naming the file and counting its rows."""
    notices = []
    for item in inputs:
        prepared = getattr(item, "prepared", None)
        rows = masked_nik_rows(prepared.frame) if prepared is not None else 0
        if rows:
            notices.append(message("masked_nik_notice", lang, file=str(getattr(item, "path", "")), rows=rows))
    return notices
