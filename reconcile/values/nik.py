"""NIK (national ID, 16 digits `PP RR SS DDMMYY NNNN`): read cells, and take the NIK apart.

BPJS exports often mask the NIK themselves ("1871**********31", "************0126", "1871XXXX31"):
such a cell is a NIK withheld by its source, not an invalid one. `masked_nik_patterns` gives what
is left of it, 16 characters with "?" where a digit is hidden, so the visible digits can still
corroborate a pairing (`visible_digits_agree`).
"""

from __future__ import annotations

import re

import pandas as pd

from reconcile.values.identifier import SEPARATORS, read_identifiers
from reconcile.values.unique import map_unique, spread

#: Columns of `parse_nik`'s result.
NIK_PARSE_COLUMNS = ["nik", "nik_raw", "nik_numeric", "nik_problem"]

#: Women's NIKs carry the birth day plus 40.
WOMAN_DAY_OFFSET = 40

NIK_LENGTH = 16
#: A hidden digit in a masked NIK, in the pattern `masked_nik_patterns` gives.
HIDDEN = "?"
#: What exports put in place of a hidden digit: asterisks, X, bullets, hashes.
_MASK = "*\u2217xX\u2022\u25cf\u00b7#"
#: All 16 places kept, some hidden: "1871**********31", "187101********01".
_FULL_MASK = re.compile(f"[0-9{_MASK}]{{{NIK_LENGTH}}}")
#: Digits around one run of mask characters that stands for any number of digits: "1871XXXX31".
_SHORT_MASK = re.compile(f"([0-9]*)[{_MASK}]{{3,}}([0-9]*)")
_MASK_CHAR = re.compile(f"[{_MASK}]")


def parse_nik(values: pd.Series) -> pd.DataFrame:
    """Read a column of NIK cells.

    `nik`: digit text or <NA> (blank, letters inside, scientific notation). `nik_raw`: the cell as
    text. `nik_numeric`: the cell was a number. `nik_problem`: why `nik` is <NA> although the cell
    was not blank ("not_digits", "scientific", "fraction"). Length and codes are checked by the
    schema, not here. A masked NIK (see `masked_nik_pattern`) is no NIK either: its problem is
    "masked", which is no fault of the file.
    """
    read = read_identifiers(values).set_axis(NIK_PARSE_COLUMNS, axis=1)
    unreadable = (read["nik_problem"] == "not_digits").fillna(False).to_numpy(dtype=bool)
    if unreadable.any():
        masked = masked_nik_patterns(read["nik_raw"][unreadable]).notna().to_numpy(dtype=bool)
        problem = read["nik_problem"].to_numpy(dtype=object)
        problem[unreadable.nonzero()[0][masked]] = "masked"
        read["nik_problem"] = pd.array(problem, dtype="string")
    return read


def masked_nik_pattern(text: object) -> str | None:
    """The NIK a masked cell still shows, 16 characters with HIDDEN for each masked digit; None
    when the cell is not a masked NIK.

    "1871**********31" gives "1871??????????31"; a shorter run of mask characters stands for the
    digits between those shown at the start and at the end ("1871XXXX31" gives the same pattern).
    """
    if not isinstance(text, str):
        return None
    cleaned = SEPARATORS.sub("", text)
    if _FULL_MASK.fullmatch(cleaned) and _MASK_CHAR.search(cleaned):
        return _MASK_CHAR.sub(HIDDEN, cleaned)
    short = _SHORT_MASK.fullmatch(cleaned)
    if short is None:
        return None
    head, tail = short.groups()
    hidden = NIK_LENGTH - len(head) - len(tail)
    return head + HIDDEN * hidden + tail if hidden > 0 else None


def masked_nik_patterns(raw: pd.Series) -> pd.Series:
    """`masked_nik_pattern` of each cell text (<NA> where none), each distinct text once."""
    codes, found = map_unique(raw, masked_nik_pattern)
    return pd.Series(pd.array(spread(codes, found), dtype="string"), index=raw.index)


def visible_digits_agree(nik: str, pattern: str) -> bool:
    """Whether a 16-digit NIK has the digits a masked NIK's pattern shows, at the same places."""
    return len(nik) == len(pattern) and all(p in (HIDDEN, d) for d, p in zip(nik, pattern, strict=True))


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
