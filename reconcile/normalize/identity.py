"""Who a row is about: NIK, KPJ, name, birth date and place, with the warnings reading them gave."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from reconcile.normalize.columns import raw_column
from reconcile.values import KPJ_LENGTH, parse_dates, parse_kpj, parse_nik, parse_place_dates, parse_texts
from schemas.issues import DATE_EXPECTED, WARNING, issues_where

#: Why a NIK / KPJ cell could not be read as digits, for the warning.
_PROBLEM_TEXT = {
    "scientific": "notasi ilmiah (mis. 1,87E+15), digit hilang; diharapkan {n} digit sebagai teks",
    "not_digits": "berisi huruf atau tanda; diharapkan {n} digit angka",
    "fraction": "berupa angka pecahan; diharapkan {n} digit",
}
#: A KPJ of 9 or 10 digits read as 11: Excel had dropped its leading zeros (see reconcile.values.kpj).
_ZEROS_RESTORED = (
    "KPJ berisi {found} digit, diharapkan {n}: {zeros} angka 0 di depan yang dibuang Excel dikembalikan"
)


def identity_columns(
    raw: pd.DataFrame, *, today: dt.date | None = None
) -> tuple[dict[str, pd.Series], list[pd.DataFrame]]:
    """nik, nik_raw, nik_numeric, kpj, name, birth_date, birth_place, and the issues found.

    Also `birth_date_text`: the cell text of a birth date that was there but could not be read
    (<NA> otherwise), so that a row rejected for lack of identity can say so instead of "blank".
    It is not a column of the normalised frame.
    """
    issues: list[pd.DataFrame] = []
    nik = parse_nik(raw_column(raw, "nik"))
    kpj = parse_kpj(raw_column(raw, "kpj"))
    for field, parsed, digits in (("nik", nik, 16), ("kpj", kpj, 11)):
        problem = parsed[f"{field}_problem"]
        for key, text in _PROBLEM_TEXT.items():
            mask = (problem == key).fillna(False)
            message = f"{field.upper()} tidak valid: {text.format(n=digits)}"
            issues.append(issues_where(mask, field, WARNING, message))
    for zeros in (1, 2):
        message = _ZEROS_RESTORED.format(found=KPJ_LENGTH - zeros, n=KPJ_LENGTH, zeros=zeros)
        issues.append(issues_where(kpj["kpj_zeros_restored"] == zeros, "kpj", WARNING, message))

    birth = parse_dates(raw_column(raw, "birth_date"), today=today)
    message = f"Tanggal lahir tidak terbaca; {DATE_EXPECTED}"
    issues.append(issues_where(birth["unreadable"], "birth_date", WARNING, message))
    place_date = parse_place_dates(raw_column(raw, "birth_place_date"), today=today)
    # The birth-date column wins; the date in "Tempat/Tgl Lahir" fills in where it is blank.
    needs_ttl_date = birth["date"].isna() & ~birth["unreadable"]
    issues.append(
        issues_where(
            place_date["unreadable"] & needs_ttl_date,
            "birth_place_date",
            WARNING,
            f"Tanggal dalam tempat/tanggal lahir tidak terbaca; {DATE_EXPECTED}",
        )
    )
    columns = {
        "nik": nik["nik"],
        "nik_raw": nik["nik_raw"],
        "nik_numeric": nik["nik_numeric"],
        "kpj": kpj["kpj"],
        "name": parse_texts(raw_column(raw, "name")),
        "birth_date": birth["date"].where(~needs_ttl_date, place_date["date"]),
        "birth_place": place_date["place"],
        "birth_date_text": _texts_where(raw_column(raw, "birth_date"), birth["unreadable"]).fillna(
            _texts_where(raw_column(raw, "birth_place_date"), place_date["unreadable"] & needs_ttl_date)
        ),
    }
    return columns, issues


def _texts_where(values: pd.Series, mask: pd.Series) -> pd.Series:
    """The cleaned text of the cells where `mask` is True, <NA> elsewhere (only those are cleaned)."""
    keep = mask.to_numpy(dtype=bool)
    out = pd.Series(pd.NA, index=values.index, dtype="string")
    if keep.any():
        out.iloc[keep] = parse_texts(values[keep]).to_numpy()
    return out


def parse_join_dates(raw: pd.DataFrame, *, today: dt.date | None = None) -> tuple[pd.Series, pd.DataFrame]:
    """The BPJS join date and a warning per unreadable one."""
    return date_column(raw, "join_date", "Tanggal kepesertaan", today=today)


def date_column(
    raw: pd.DataFrame, field: str, label: str, *, today: dt.date | None = None
) -> tuple[pd.Series, pd.DataFrame]:
    """An optional date column (NaT where blank or absent) and a warning per unreadable cell."""
    parsed = parse_dates(raw_column(raw, field), today=today)
    issue = issues_where(parsed["unreadable"], field, WARNING, f"{label} tidak terbaca; {DATE_EXPECTED}")
    return parsed["date"], issue
