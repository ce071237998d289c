"""KPJ (BPJS participant card number, 11 digits): read cells into digit text."""

from __future__ import annotations

import pandas as pd

from reconcile.values.identifier import IdentifierCell, read_identifier, read_identifiers

KPJ_LENGTH = 11
#: A numeric KPJ cell this short has lost its leading zeros to Excel; shorter is something else.
_PADDABLE = (9, 10)


def read_kpj(value: object) -> tuple[IdentifierCell, bool]:
    """One KPJ cell as digit text, and whether leading zeros lost by Excel were put back."""
    cell = read_identifier(value)
    if cell.numeric and cell.digits is not None and len(cell.digits) in _PADDABLE:
        padded = cell.digits.zfill(KPJ_LENGTH)
        return IdentifierCell(padded, cell.raw, True, None), True
    return cell, False


def parse_kpj(values: pd.Series) -> pd.DataFrame:
    """Read a column of KPJ cells: `kpj` (digit text or <NA>), `kpj_raw`, `kpj_padded`, `kpj_problem`."""
    read = read_identifiers(values)
    short = read["digits"].str.len().isin(_PADDABLE).fillna(False).astype(bool)
    padded = read["numeric"] & short
    kpj = read["digits"].where(~padded, read["digits"].str.zfill(KPJ_LENGTH))
    return pd.DataFrame(
        {"kpj": kpj, "kpj_raw": read["raw"], "kpj_padded": padded, "kpj_problem": read["problem"]},
        index=values.index,
    )
