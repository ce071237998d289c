"""Find the header of a sheet: the row (or pair of rows) in the first 30 that names the most fields.

A two-row header has a merged parent ("IURAN", "TEMPAT/TGL LAHIR") over sub-headers ("JKK",
"TGL LAHIR"). Calamine gives a merged value at its top-left cell only, so a parent is carried right
over the columns that have a sub-header and no parent text of their own. Each column then tries
parent + child text, the child alone, and (when it has no child) the parent alone.

When several columns name one field, the alias with the lowest priority (column_aliases.csv) wins,
then the leftmost: "JUMLAH GAJI" is the wage, not "GAJI POKOK" to its left. An allowance column
("TUNJANGAN") is kept only beside a basic wage (priority BASIC_WAGE_PRIORITY), to be added to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from reconcile.readers.aliases import IDENTITY_FIELDS, AliasTable
from reconcile.readers.grid import Row, cell, is_empty

#: The header may sit anywhere in the first 30 rows (CONTRACT.md).
HEADER_SEARCH_ROWS = 30

#: The priority column_aliases.csv gives a basic wage ("Gaji Pokok"): only a wage without allowances.
BASIC_WAGE_PRIORITY = 3


@dataclass(frozen=True)
class HeaderMatch:
    """Where the header is and which column holds which field (0-based indexes)."""

    index: int  # first header row
    height: int  # 1 or 2 rows
    columns: dict[str, int]  # field -> column
    texts: dict[str, str]  # field -> header text as found

    @property
    def data_start(self) -> int:
        return self.index + self.height

    @property
    def score(self) -> int:
        return len(self.columns)


def is_header(match: HeaderMatch | None) -> bool:
    """At least two fields, one of them a name or an identity number."""
    if match is None or match.score < 2:
        return False
    return any(f in match.columns for f in ("name", *IDENTITY_FIELDS))


def missing_required(match: HeaderMatch) -> str:
    """What a header lacks to be read as a data sheet: "name", "identity" (NIK or KPJ), or ""."""
    if "name" not in match.columns:
        return "name"
    if not any(f in match.columns for f in IDENTITY_FIELDS):
        return "identity"
    return ""


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


@dataclass
class _Choice:
    """The column chosen so far for one field, and whether its text used the parent / child row."""

    priority: int
    column: int
    text: str
    uses_parent: bool = False
    uses_child: bool = True


def _improves(chosen: dict[str, _Choice], field: str, choice: _Choice) -> bool:
    """Whether `choice` is the first column for `field`, or names it more strongly (lower priority)."""
    return field not in chosen or choice.priority < chosen[field].priority


def _without_unused_allowance(chosen: dict[str, _Choice]) -> dict[str, _Choice]:
    """An allowance counts only beside a basic wage; beside a total wage it is already in the total."""
    wage = chosen.get("monthly_wage")
    if "allowance" in chosen and (wage is None or wage.priority != BASIC_WAGE_PRIORITY):
        return {f: c for f, c in chosen.items() if f != "allowance"}
    return chosen


def _match(i: int, height: int, chosen: dict[str, _Choice]) -> HeaderMatch:
    columns = {f: c.column for f, c in chosen.items()}
    return HeaderMatch(i, height, columns, {f: c.text for f, c in chosen.items()})


def _single(rows: list[Row], i: int, table: AliasTable) -> HeaderMatch:
    chosen: dict[str, _Choice] = {}
    for c, value in enumerate(rows[i]):
        found = table.field_for(value)
        choice = _Choice(table.priority(value), c, _text(value))
        if found and _improves(chosen, found, choice):
            chosen[found] = choice
    return _match(i, 1, _without_unused_allowance(chosen))


def _two_row_cells(parent_row: Row, child_row: Row) -> Iterator[tuple[int, str, str]]:
    """(column, parent text, child text) per column; a parent is carried over the sub-headers to its right."""
    carried = ""
    for c in range(max(len(parent_row), len(child_row))):
        parent, child = _text(cell(parent_row, c)), _text(cell(child_row, c))
        if parent:
            carried = parent
        elif child and carried:
            parent = carried  # inside a merged parent
        else:
            carried = ""
        yield c, parent, child


def _double(rows: list[Row], i: int, table: AliasTable) -> HeaderMatch | None:
    """The pair (i, i+1) as parent and child rows; None unless both rows name a field."""
    chosen: dict[str, _Choice] = {}
    for c, parent, child in _two_row_cells(rows[i], rows[i + 1]):
        tries = [(f"{parent} {child}", True, True), (child, False, True)] if child else []
        if parent and not child:
            tries.append((parent, True, False))
        for text, uses_parent, uses_child in tries:
            found = table.field_for(text)
            choice = _Choice(table.priority(text), c, text, uses_parent, uses_child)
            if found and _improves(chosen, found, choice):
                chosen[found] = choice
                break
    chosen = _without_unused_allowance(chosen)
    from_parent = any(c.uses_parent for c in chosen.values())
    from_child = any(c.uses_child for c in chosen.values())
    if not (from_parent and from_child):
        return None
    return _match(i, 2, chosen)


def find_header(rows: list[Row], table: AliasTable) -> HeaderMatch | None:
    """The best header in the first rows: most fields, then the earliest, then two rows over one."""
    best: HeaderMatch | None = None
    best_key: tuple[int, int, int] = (0, 0, 0)
    last = min(len(rows), HEADER_SEARCH_ROWS)
    for i in range(last):
        if all(is_empty(v) for v in rows[i]):
            continue
        candidates = [_single(rows, i, table)]
        if i + 1 < len(rows):
            double = _double(rows, i, table)
            if double is not None:
                candidates.append(double)
        for match in candidates:
            if not is_header(match):
                continue
            key = (match.score, -i, match.height)
            if best is None or key > best_key:
                best, best_key = match, key
    return best


def header_cells(rows: list[Row], match: HeaderMatch) -> list[str]:
    """For messages: every non-empty header cell of the match, left to right; for a two-row header,
    each column's parent (carried over its merged span) and sub-header joined, as they were matched."""
    if match.height == 1:
        return [t for t in (_text(v) for v in rows[match.index]) if t]
    pairs = _two_row_cells(rows[match.index], rows[match.index + 1])
    return [text for _, parent, child in pairs if (text := " ".join(t for t in (parent, child) if t))]


def most_header_like(rows: list[Row], table: AliasTable) -> tuple[int, list[str]]:
    """For messages: the row (0-based) naming most fields, else with most text cells, and its texts."""
    best_i, best_key = -1, (0, 0)
    for i in range(min(len(rows), HEADER_SEARCH_ROWS)):
        texts = [t for t in (_text(v) for v in rows[i]) if t]
        key = (_single(rows, i, table).score, len(texts))
        if key > best_key:
            best_i, best_key = i, key
    if best_i < 0:
        return -1, []
    return best_i, [t for t in (_text(v) for v in rows[best_i]) if t]
