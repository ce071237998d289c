"""Build input tables from inline pipe tables, and run the pure pipeline on them.

    payroll = table("payroll", '''
        nik              | name         | birth_date | monthly_wage
        1871015505850001 | Siti Aminah  | 15-05-1985 | 2000000
    ''')

Cells are text as an office would type them; "" is an empty cell. Row numbers start at 2
(the header is row 1), like a sheet without title rows.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from reconcile.config import ReconConfig
from reconcile.messages import Lang
from reconcile.model import InputTable, SheetInfo
from reconcile.pipeline import prepare, reconcile
from reconcile.result import ReconResult
from reconcile.rules import Policy, RuleBook


def nik(day: int, month: int, yy: int, *, female: bool = False, serial: int = 1, area: str = "187101") -> str:
    """A structurally valid Lampung NIK: area code, DDMMYY (+40 on the day for women), serial."""
    return f"{area}{day + (40 if female else 0):02d}{month:02d}{yy:02d}{serial:04d}"


def table(
    kind: str, text: str, *, file: str | None = None, sheet: str = "Lembar1", unit: str = "Dinas Uji"
) -> InputTable:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    header = [h.strip() for h in lines[0].split("|")]
    rows = [[c.strip() for c in ln.split("|")] for ln in lines[1:]]
    data = {h: [r[i] if r[i] != "" else None for r in rows] for i, h in enumerate(header)}
    file = file or f"{kind}/{kind}.xlsx"
    frame = pd.DataFrame(
        {
            "source_file": [file] * len(rows),
            "source_sheet": [sheet] * len(rows),
            "source_row": list(range(2, 2 + len(rows))),
            "unit_hint": [unit] * len(rows),
            **data,
        }
    )
    digest = hashlib.sha256(text.encode()).hexdigest()
    info = SheetInfo(sheet, 1, {h: h for h in header}, len(rows), 0, "")
    return InputTable(path=file, kind=kind, sha256=digest, sheets=(info,), frame=frame)  # type: ignore[arg-type]


def run(
    payroll: Sequence[InputTable],
    bpjs: Sequence[InputTable],
    period: str = "2018-02",
    lang: Lang = "id",
    policy: Policy | None = None,
    **config: float,
) -> ReconResult:
    prepared = [prepare(t) for t in [*payroll, *bpjs]]
    return reconcile(
        prepared,
        period=period,
        policy=policy or Policy.load(None),
        rules=RuleBook.load(),
        config=ReconConfig(**config),
        run_id="test",
        lang=lang,
    )


def flat(result: ReconResult) -> list[tuple[str, str, int]]:
    """Findings as [(category, side, row)], the compact form tests compare."""
    out = []
    for r in result.findings.itertuples(index=False):
        if pd.notna(r.payroll_row):
            out.append((r.category, "payroll", int(r.payroll_row)))
        if pd.notna(r.bpjs_row):
            out.append((r.category, "bpjs", int(r.bpjs_row)))
    return sorted(out)


#: The workers most scenario tests start from (a woman's NIK has 40 added to the day of birth).
SITI = nik(15, 5, 85, female=True, serial=1)
BUDI = nik(3, 8, 90, serial=2)
ANI = nik(21, 1, 79, female=True, serial=3)
DEWI = nik(9, 9, 91, female=True, serial=4)

#: Siti, Budi and Ani on one payroll at Rp2,000,000 each (Dewi is on no payroll).
THREE_ON_PAYROLL = f"""
nik    | name         | birth_date | monthly_wage
{SITI} | Siti Aminah  | 15-05-1985 | 2000000
{BUDI} | Budi Santoso | 03-08-1990 | 2000000
{ANI}  | Ani Lestari  | 21-01-1979 | 2000000
"""


def copy_shipped_rules(folder: Path) -> Path:
    """`folder` (created) with a copy of every shipped rule table, for an analyst's (a test's) edits."""
    from reconcile.rules.rulebook import DEFAULT_DIRECTORY

    folder.mkdir()
    for table in DEFAULT_DIRECTORY.glob("rules_*.csv"):
        shutil.copy(table, folder / table.name)
    return folder
