"""The column alias table: which header texts name which canonical field, per input kind.

The table is a data file (`reconcile/data/column_aliases.csv`, columns kind,field,alias,priority)
so users can extend it. When several columns of one sheet name the same field, the alias with the
lowest `priority` wins (blank = 1), e.g. a total wage ("Jumlah Gaji") over a basic wage ("Gaji Pokok").
Matching compares `header_key`s: case, spaces, punctuation and text in parentheses
such as "(Rp)" are ignored, so "NO. KTP", "No KTP" and "no_ktp" are one alias.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reconcile.errors import InputError
from reconcile.model import BPJS_FIELDS, PAYROLL_FIELDS, Side

ALIAS_FILE = Path(__file__).resolve().parent.parent / "data" / "column_aliases.csv"

#: Not a canonical field: the running number column, kept to tell data rows from trailer rows.
ROW_NO = "row_no"

#: Fields each kind may carry (besides row_no).
KIND_FIELDS: dict[str, list[str]] = {"payroll": PAYROLL_FIELDS, "bpjs": BPJS_FIELDS}

#: The priority of an alias whose `priority` cell is blank.
DEFAULT_PRIORITY = 1

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
    priorities: dict[str, int] = field(default_factory=dict)  # header key -> priority (lower wins)

    def field_for(self, text: object) -> str | None:
        return self.by_key.get(header_key(text))

    def priority(self, text: object) -> int:
        """How strongly `text` names its field: lower wins among columns naming the same field."""
        return self.priorities.get(header_key(text), DEFAULT_PRIORITY)

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
    priorities: dict[str, int] = {}
    aliases: dict[str, list[str]] = {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        for line, rec in enumerate(csv.DictReader(f), start=2):
            if rec.get("kind") not in (kind, "both"):
                continue
            name, alias = (rec.get("field") or "").strip(), rec.get("alias") or ""
            key = header_key(alias)
            if name not in allowed or not key:
                raise InputError(f"line {line}: unknown field {name!r} or empty alias", path=str(path))
            if by_key.setdefault(key, name) != name:
                raise InputError(
                    f"line {line}: alias {alias!r} already names {by_key[key]!r} for {kind}", path=str(path)
                )
            priorities[key] = _priority(rec.get("priority"), line, path)
            aliases.setdefault(name, []).append(alias)
    return AliasTable(kind, by_key, {f: tuple(a) for f, a in aliases.items()}, priorities)


def _priority(cell: str | None, line: int, path: Path) -> int:
    """A priority cell: blank, or a whole number of 1 or more."""
    text = (cell or "").strip()
    if not text:
        return DEFAULT_PRIORITY
    if not text.isdigit() or int(text) < 1:
        raise InputError(
            f"line {line}: column priority: expected a whole number of 1 or more or blank, found {text!r}",
            path=str(path),
        )
    return int(text)
