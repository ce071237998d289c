"""Score findings against a generator's truth file: precision and recall per category.

A finding is keyed on (category, file, sheet, row) of the row on the category's side: payroll for
payroll-side categories, BPJS for BPJS-side ones and for WAGE_MISMATCH, and whichever side is
filled for INVALID_ROW. Files are compared relative to the data folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from reconcile.categories import CATEGORY_ORDER

BPJS_SIDE = {"NOT_ON_PAYROLL", "PREMIUM_MISMATCH", "DUPLICATE_PARTICIPANT", "WAGE_MISMATCH"}

Key = tuple[str, str, str, int]


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _rel(path: str, root: Path) -> str:
    p = Path(path)
    try:
        return p.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return p.as_posix()


def finding_keys(exceptions: pd.DataFrame, root: Path) -> set[Key]:
    keys: set[Key] = set()
    for row in exceptions.fillna("").itertuples(index=False):
        cat = row.category
        side = "bpjs" if cat in BPJS_SIDE or (cat == "INVALID_ROW" and not row.payroll_file) else "payroll"
        file, sheet, line = (
            getattr(row, f"{side}_file"),
            getattr(row, f"{side}_sheet"),
            getattr(row, f"{side}_row"),
        )
        keys.add((cat, _rel(str(file), root), str(sheet), int(line)))
    return keys


def truth_keys(truth: pd.DataFrame) -> set[Key]:
    t = truth.fillna("")
    return {(r.category, str(r.file), str(r.sheet), int(r.row)) for r in t.itertuples(index=False)}


def score(found: set[Key], truth: set[Key]) -> dict[str, Score]:
    out = {}
    for cat in CATEGORY_ORDER:
        f = {k for k in found if k[0] == cat}
        t = {k for k in truth if k[0] == cat}
        out[str(cat)] = Score(tp=len(f & t), fp=len(f - t), fn=len(t - f))
    return out


def report(scores: dict[str, Score]) -> str:
    return "\n".join(
        f"{c:<22} tp={s.tp:<4} fp={s.fp:<4} fn={s.fn:<4} P={s.precision:.3f} R={s.recall:.3f}"
        for c, s in scores.items()
    )
