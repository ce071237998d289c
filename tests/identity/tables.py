"""Small hand-built payroll / BPJS frames from pipe tables, for readable tier tests."""

from __future__ import annotations

import pandas as pd

from reconcile.model import BPJS_COLUMNS, PAYROLL_COLUMNS
from tests.identity.synthetic import nik_is_valid


def pipe_table(text: str) -> pd.DataFrame:
    """Rows of `| a | b |` text; the first row is the header, blank cells are None."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    cells = [[c.strip() for c in ln.strip("|").split("|")] for ln in lines]
    header, rows = cells[0], cells[1:]
    return pd.DataFrame([[c or None for c in row] for row in rows], columns=header)


def side_frame(text: str, kind: str) -> pd.DataFrame:
    """A normalised frame from a table with idx, nik, name, birth and optional num, kpj columns.

    `num` = "y" marks a NIK that came from a number cell. Validity follows the schema's rules.
    Extra columns (like `expected`) are kept for the test to read.
    """
    table = pipe_table(text)
    columns = PAYROLL_COLUMNS if kind == "payroll" else BPJS_COLUMNS
    frame = pd.DataFrame(index=pd.Index(table["idx"].astype(int).to_numpy()), columns=columns)
    frame["nik"] = table["nik"].to_numpy() if "nik" in table else None
    frame["nik_numeric"] = (table["num"] == "y").to_numpy() if "num" in table else False
    frame["kpj"] = table["kpj"].to_numpy() if "kpj" in table else None
    frame["name"] = table["name"].to_numpy()
    frame["birth_date"] = pd.to_datetime(table["birth"].to_numpy())
    frame["nik_valid"] = [nik_is_valid(n) for n in frame["nik"]]
    frame["kpj_valid"] = [isinstance(k, str) and len(k) == 11 for k in frame["kpj"]]
    frame["rejected"] = False
    for extra in table.columns.difference(["idx", "nik", "num", "kpj", "name", "birth"]):
        frame[extra] = table[extra].to_numpy()
    return frame


def outcome(pairs: pd.DataFrame) -> dict[int, str]:
    """payroll_idx -> "bpjs_idx method" for each pair (a payroll row paired twice lists both)."""
    out: dict[int, str] = {}
    for row in pairs.sort_values(["payroll_idx", "bpjs_idx"]).itertuples():
        text = f"{row.bpjs_idx} {row.match_method}"
        out[row.payroll_idx] = f"{out[row.payroll_idx]}, {text}" if row.payroll_idx in out else text
    return out


def expected(frame: pd.DataFrame) -> dict[int, str]:
    return {int(i): e for i, e in frame["expected"].items() if e != "-"}
