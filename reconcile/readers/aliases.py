"""The column alias table: which header texts name which canonical field, per input kind.

The table is a data file (`reconcile/data/column_aliases.csv`, columns kind,field,alias) so users
can extend it. Matching compares `header_key`s: case, spaces, punctuation and text in parentheses
such as "(Rp)" are ignored, so "NO. KTP", "No KTP" and "no_ktp" are one alias.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reconcile.errors import InputError
from reconcile.model import BPJS_FIELDS, PAYROLL_FIELDS, Side

ALIAS_FILE = Path(__file__).resolve().parent.parent / "data" / "column_aliases.csv"

#: Not a canonical field: the running number column, kept to tell data rows from trailer rows.
ROW_NO = "row_no"

#: Fields each kind may carry (besides row_no).
KIND_FIELDS: dict[str, list[str]] = {"payroll": PAYROLL_FIELDS, "bpjs": BPJS_FIELDS}

#: One of these must be present, with `name`, in every sheet read.
IDENTITY_FIELDS = ("nik", "kpj")

_PARENTHESISED = re.compile(r"\([^)]*\)")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def header_key(text: object) -> str:
    """The comparable form of a header cell: lower case letters and digits, "(...)" dropped."""
    if not isinstance(text, str):
        return ""
    return _NOT_ALNUM.sub("", _PARENTHESISED.sub(" ", text).casefold())


@dataclass(frozen=True)
class AliasTable:
    """Header keys -> canonical field for one kind, plus the aliases to quote in messages."""

    kind: Side
    by_key: dict[str, str]
    aliases: dict[str, tuple[str, ...]]  # field -> aliases as written in the table

    def field_for(self, text: object) -> str | None:
        return self.by_key.get(header_key(text))

    def accepted(self, field: str) -> str:
        """For messages: every header accepted for `field`, in the data file's order, one spelling per key."""
        spellings: dict[str, str] = {}
        for alias in self.aliases.get(field, ()):
            spellings.setdefault(header_key(alias), alias)
        return ", ".join(spellings.values())


@cache
def alias_table(kind: Side, path: Path = ALIAS_FILE) -> AliasTable:
    """Load the aliases for `kind` (rows of kind `both` apply to every kind)."""
    allowed = {*KIND_FIELDS[kind], ROW_NO}
    by_key: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        for line, rec in enumerate(csv.DictReader(f), start=2):
            if rec.get("kind") not in (kind, "both"):
                continue
            field, alias = (rec.get("field") or "").strip(), rec.get("alias") or ""
            key = header_key(alias)
            if field not in allowed or not key:
                raise InputError(f"line {line}: unknown field {field!r} or empty alias", path=str(path))
            if by_key.setdefault(key, field) != field:
                raise InputError(
                    f"line {line}: alias {alias!r} already names {by_key[key]!r} for {kind}", path=str(path)
                )
            aliases.setdefault(field, []).append(alias)
    return AliasTable(kind, by_key, {f: tuple(a) for f, a in aliases.items()})
