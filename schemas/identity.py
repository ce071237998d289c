"""The schema part both sides share: row reference, NIK, KPJ and birth date."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas import checks


class IdentitySchema(pa.DataFrameModel):
    """Format rules for who a row is about. Nulls pass: a missing value is judged elsewhere."""

    source_file: Series[str]
    source_sheet: Series[str]
    source_row: Series[int] = pa.Field(ge=1)
    nik: Series[pd.StringDtype] = pa.Field(nullable=True)
    nik_raw: Series[pd.StringDtype] = pa.Field(nullable=True)
    nik_numeric: Series[bool]
    kpj: Series[pd.StringDtype] = pa.Field(nullable=True)
    name: Series[pd.StringDtype] = pa.Field(nullable=True)
    birth_date: Series[pa.DateTime] = pa.Field(nullable=True)

    @pa.check("nik", name="nik_has_16_digits")
    def nik_has_16_digits(cls, nik: Series[str]) -> Series[bool]:
        return checks.nik_has_16_digits(nik)

    @pa.check("nik", name="nik_province_known")
    def nik_province_known(cls, nik: Series[str]) -> Series[bool]:
        return checks.nik_province_known(nik)

    @pa.check("nik", name="nik_date_exists")
    def nik_date_exists(cls, nik: Series[str]) -> Series[bool]:
        return checks.nik_date_exists(nik)

    @pa.check("kpj", name="kpj_has_11_digits")
    def kpj_has_11_digits(cls, kpj: Series[str]) -> Series[bool]:
        return checks.kpj_has_11_digits(kpj)

    @pa.dataframe_check(name="nik_matches_birth_date")
    def nik_matches_birth_date(cls, frame: pd.DataFrame) -> Series[bool]:
        return checks.nik_matches_birth_date(frame)

    class Config:
        strict = False  # flags (nik_valid, rejected ...) are added after validation
