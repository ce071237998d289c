"""The schema part both sides share: row reference, NIK, KPJ and birth date.

Schemas are plain `DataFrameSchema` objects, not `DataFrameModel` classes: building a model's
schema makes pandera import dask.dataframe when dask is installed (it is, for prefect-dask),
about 0.7 s on every start, and the object form states the same rules.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from schemas import checks

#: Text columns: pandas' string dtype (Arrow-backed), as the normalisers produce them.
TEXT = pd.StringDtype()


def text(nullable: bool = True, rules: list[pa.Check] | None = None) -> pa.Column:
    return pa.Column(TEXT, nullable=nullable, checks=rules)


def amount() -> pa.Column:
    """A Rupiah amount or a count: missing is judged elsewhere, negative is an error."""
    return pa.Column(float, nullable=True, checks=[pa.Check(lambda a: a.ge(0), name="amount_not_negative")])


def premium_amount() -> pa.Column:
    """A BPJS premium amount: its sign is judged with the row's (schemas.bpjs), negative on a correction."""
    return pa.Column(float, nullable=True)


def side_schema(
    name: str, columns: dict[str, pa.Column], row_checks: list[pa.Check] | None = None
) -> pa.DataFrameSchema:
    """The identity rules plus one side's own `columns` and frame-wide `row_checks`.

    Nulls pass: a missing value is judged elsewhere. Not strict: flags (nik_valid, rejected ...)
    are added after validation.
    """
    return pa.DataFrameSchema(
        {**_identity_columns(), **columns},
        checks=[pa.Check(checks.nik_matches_birth_date, name="nik_matches_birth_date"), *(row_checks or [])],
        strict=False,
        name=name,
    )


def _identity_columns() -> dict[str, pa.Column]:
    """Format rules for who a row is about."""
    return {
        "source_file": text(nullable=False),
        "source_sheet": text(nullable=False),
        "source_row": pa.Column(int, checks=[pa.Check.ge(1)]),
        "nik": text(
            rules=[
                pa.Check(checks.nik_has_16_digits, name="nik_has_16_digits"),
                pa.Check(checks.nik_province_known, name="nik_province_known"),
                pa.Check(checks.nik_date_exists, name="nik_date_exists"),
            ]
        ),
        "nik_raw": text(),
        "nik_numeric": pa.Column(bool),
        "kpj": text(rules=[pa.Check(checks.kpj_has_11_digits, name="kpj_has_11_digits")]),
        "name": text(),
        "birth_date": pa.Column(pa.DateTime, nullable=True),
    }


#: The shared rules alone.
IdentitySchema = side_schema("IdentitySchema", {})
