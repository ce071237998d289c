"""NIK (national ID, 16 digits `PP RR SS DDMMYY NNNN`): read cells, and take the NIK apart."""

from __future__ import annotations

import pandas as pd

from reconcile.values.identifier import read_identifiers

#: Columns of `parse_nik`'s result.
NIK_PARSE_COLUMNS = ["nik", "nik_raw", "nik_numeric", "nik_problem"]

#: Women's NIKs carry the birth day plus 40.
WOMAN_DAY_OFFSET = 40


def parse_nik(values: pd.Series) -> pd.DataFrame:
    """Read a column of NIK cells.

    `nik`: digit text or <NA> (blank, letters inside, scientific notation). `nik_raw`: the cell as
    text. `nik_numeric`: the cell was a number. `nik_problem`: why `nik` is <NA> although the cell
    was not blank ("not_digits", "scientific", "fraction"). Length and codes are checked by the
    schema, not here.
    """
    read = read_identifiers(values)
    return read.set_axis(NIK_PARSE_COLUMNS, axis=1)


def embedded_birth_parts(nik: pd.Series) -> pd.DataFrame:
    """Day, month, two-digit year and sex embedded in 16-digit NIKs (digits 7-12, DDMMYY).

    `day` is the true day (40 taken off for women); `female` says whether 40 was taken off. Rows
    whose NIK is not 16 digits get <NA>.
    """
    ok = nik.str.fullmatch(r"[0-9]{16}").fillna(False).astype(bool)
    # Sixteen digits fit an int64; arithmetic on it is much faster than slicing text.
    number = pd.Series(nik.where(ok, "0").astype("int64").to_numpy(), index=nik.index).where(ok)
    number = number.astype("Int64")
    raw_day = (number // 10**8) % 100
    female = raw_day > WOMAN_DAY_OFFSET
    return pd.DataFrame(
        {
            "day": raw_day.where(~female.fillna(False), raw_day - WOMAN_DAY_OFFSET),
            "month": (number // 10**6) % 100,
            "yy": (number // 10**4) % 100,
            "female": female,
        },
        index=nik.index,
    )


def last4(nik: str | None) -> str:
    """What a message may show of a NIK (UU PDP): its last four characters, e.g. "...0001"."""
    return f"...{nik[-4:]}" if nik else ""
