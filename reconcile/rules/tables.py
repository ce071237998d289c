"""What each rule table looks like, and reading one CSV into a checked DataFrame.

Every table shares the dating columns (effective_from, effective_to) and the provenance columns
(regulation, verified, note). A table's `keys` say which rows describe the same thing over time:
a later row with the same key takes over from its effective_from (see reconcile.rules.effective).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from reconcile.errors import InputError
from reconcile.rules.period import is_period

PROGRAMS = ("JKK", "JKM", "JHT", "JP")
RISK_GROUPS = ("I", "II", "III", "IV", "V")
DATING = ("effective_from", "effective_to")
PROVENANCE = ("regulation", "verified", "note")

_NUMBER = re.compile(r"^\d+(\.\d+)?$")

RowCheck = Callable[[Mapping[str, str]], str | None]


@dataclass(frozen=True)
class TableSpec:
    """The columns of one rule table and the values each may hold."""

    name: str
    keys: tuple[str, ...]
    values: tuple[str, ...]
    numeric: frozenset[str]  # parsed as non-negative numbers (float64)
    choices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # allowed text values
    row_check: RowCheck | None = None  # cross-column rule; returns a problem or None

    @property
    def file_name(self) -> str:
        return f"rules_{self.name}.csv"

    @property
    def columns(self) -> tuple[str, ...]:
        return (*DATING, *self.keys, *self.values, *PROVENANCE)


def _pu_rate_row(row: Mapping[str, str]) -> str | None:
    # JKK rates depend on the risk group and JKP participation; the other programs on neither.
    if row["program"] == "JKK":
        if not row["risk_group"] or not row["jkp"]:
            return "a JKK row needs risk_group (I..V) and jkp (yes/no)"
    elif row["risk_group"] or row["jkp"]:
        return f"risk_group and jkp must be blank for {row['program']}"
    return None


SPECS: dict[str, TableSpec] = {
    s.name: s
    for s in (
        TableSpec(
            "pu_rates",
            keys=("program", "risk_group", "jkp"),
            values=("employer_rate", "worker_rate"),
            numeric=frozenset({"employer_rate", "worker_rate"}),
            choices={"program": PROGRAMS, "risk_group": ("", *RISK_GROUPS), "jkp": ("", "yes", "no")},
            row_check=_pu_rate_row,
        ),
        TableSpec("jp_wage_cap", keys=(), values=("cap",), numeric=frozenset({"cap"})),
        TableSpec(
            "bpu_tariff",
            keys=("bracket",),
            values=("jkk_rate", "jkm_flat"),
            numeric=frozenset({"bracket", "jkk_rate", "jkm_flat"}),
        ),
        TableSpec(
            "relief",
            keys=("program",),
            values=("payable_fraction",),
            numeric=frozenset({"payable_fraction"}),
            choices={"program": PROGRAMS},
        ),
        TableSpec(
            "benefits",
            keys=("benefit",),
            values=("unit", "value"),
            numeric=frozenset({"value"}),
            choices={"unit": ("x_wage", "idr")},
        ),
        TableSpec("late_fee", keys=(), values=("rate_per_month",), numeric=frozenset({"rate_per_month"})),
    )
}


def _problems(row: dict[str, str], spec: TableSpec) -> list[str]:
    found: list[str] = []
    for col in DATING:
        value = row[col]
        if (value or col == "effective_from") and not is_period(value):
            found.append(
                f"{col}: expected YYYY-MM{' or blank' if col == 'effective_to' else ''}, found {value!r}"
            )
    if is_period(row["effective_from"]) and is_period(row["effective_to"]):
        if row["effective_to"] < row["effective_from"]:
            found.append(
                f"effective_to {row['effective_to']} is before effective_from {row['effective_from']}"
            )
    for col in sorted(spec.numeric):
        if not _NUMBER.match(row[col]):
            found.append(f"{col}: expected a non-negative number like 0.0024 or 1000000, found {row[col]!r}")
    for col, allowed in spec.choices.items():
        if row[col] not in allowed:
            shown = ", ".join(a if a else "blank" for a in allowed)
            found.append(f"{col}: expected one of {shown}, found {row[col]!r}")
    if row["verified"] not in ("yes", "no"):
        found.append(f"verified: expected yes or no, found {row['verified']!r}")
    if not row["regulation"]:
        found.append("regulation: expected the regulation the figure comes from, found blank")
    if not found and spec.row_check is not None:
        problem = spec.row_check(row)
        if problem:
            found.append(problem)
    return found


def read_table(path: Path, spec: TableSpec) -> pd.DataFrame:
    """One rule table as a DataFrame; every problem in the file is listed in one InputError."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            # reader.line_num is the physical line where the record ended (1-based): what an editor shows.
            lines = [(reader.line_num, cells) for cells in reader if any(c.strip() for c in cells)]
    except FileNotFoundError:
        raise InputError(f"rule table {spec.file_name} not found", path=str(path)) from None
    except UnicodeDecodeError:
        raise InputError("expected a UTF-8 CSV file, found undecodable bytes", path=str(path)) from None
    if not lines:
        raise InputError(f"expected a header {','.join(spec.columns)}, found an empty file", path=str(path))
    header = [c.strip() for c in lines[0][1]]
    missing = [c for c in spec.columns if c not in header]
    unknown = [c for c in header if c not in spec.columns]
    if missing or unknown:
        raise InputError(
            f"expected columns {', '.join(spec.columns)}; missing {', '.join(missing) or 'none'}, "
            f"unknown {', '.join(unknown) or 'none'}",
            path=str(path),
        )
    records: list[dict[str, str]] = []
    errors: list[str] = []
    seen: dict[tuple[str, ...], int] = {}
    for line, cells in lines[1:]:
        if len(cells) != len(header):
            errors.append(f"line {line}: expected {len(header)} cells, found {len(cells)}")
            continue
        row = {h: c.strip() for h, c in zip(header, cells, strict=True)}
        errors.extend(f"line {line}: {p}" for p in _problems(row, spec))
        ident = (*(row[k] for k in spec.keys), row["effective_from"])
        if ident in seen:
            errors.append(f"line {line}: same key and effective_from as line {seen[ident]}")
        seen.setdefault(ident, line)
        records.append(row)
    if errors:
        raise InputError("; ".join(errors), path=str(path))
    frame = pd.DataFrame.from_records(records, columns=list(spec.columns))
    for col in spec.numeric:
        frame[col] = frame[col].astype("float64")
    return frame
