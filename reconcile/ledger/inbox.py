"""The nightly inbox: every `<inbox>/<YYYY-MM>/` holding `payroll/` and `bpjs/` is a period to consider."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reconcile.errors import InputError
from reconcile.ledger.digest import file_sha256
from reconcile.readers import discover_inputs

_PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
KINDS = (("payroll", "payroll"), ("bpjs", "bpjs"))  # (kind, folder name)


@dataclass(frozen=True)
class PeriodInbox:
    period: str
    folder: Path

    @property
    def payroll(self) -> str:
        return str(self.folder / "payroll")

    @property
    def bpjs(self) -> str:
        return str(self.folder / "bpjs")


def find_periods(inbox: str | Path) -> list[PeriodInbox]:
    """Periods in the inbox, oldest first (so ageing sees each month before the next)."""
    root = Path(inbox)
    if not root.is_dir():
        raise InputError(
            "the inbox is not a folder; expected DIR/<YYYY-MM>/payroll/ and .../bpjs/", path=str(inbox)
        )
    return [
        PeriodInbox(d.name, d)
        for d in sorted(root.iterdir())
        if d.is_dir() and _PERIOD.match(d.name) and (d / "payroll").is_dir() and (d / "bpjs").is_dir()
    ]


def incomplete_periods(inbox: str | Path) -> list[tuple[str, str]]:
    """Month folders that are not a period yet: (YYYY-MM, the subfolder that is missing)."""
    root = Path(inbox)
    if not root.is_dir():
        return []
    return [
        (d.name, "payroll/" if not (d / "payroll").is_dir() else "bpjs/")
        for d in sorted(root.iterdir())
        if d.is_dir() and _PERIOD.match(d.name) and not ((d / "payroll").is_dir() and (d / "bpjs").is_dir())
    ]


def period_entries(period: PeriodInbox) -> list[tuple[str, str]]:
    """Digest entries of the files a run of this period would read (the readers' own file choice)."""
    entries = []
    for kind, folder in KINDS:
        root = str(period.folder / folder)
        for path, display in discover_inputs([root]):
            entries.append((f"{kind}/{display[len(root) + 1 :]}", file_sha256(path)))
    return entries
