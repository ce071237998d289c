"""The nightly inbox: every `<inbox>/<YYYY-MM>/` whose `payroll/` and `bpjs/` both hold an input file
is a period to consider.

Offices create the folder tree ahead of time, so a month whose `payroll/` or `bpjs/` is missing, or
holds no input file yet (nothing, or only Office lock files, hidden files and other non-input files
such as a .txt), is "waiting", not refused. A folder holding only legacy .xls files is not waiting:
its run refuses it, saying to save them as .xlsx.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reconcile.errors import InputError
from reconcile.ledger.digest import file_sha256
from reconcile.readers import discover_inputs
from reconcile.readers.discover import find_inputs

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
    return [PeriodInbox(d.name, d) for d in _month_folders(root) if waiting_for(d) is None]


def incomplete_periods(inbox: str | Path) -> list[tuple[str, str]]:
    """Month folders that are not a period yet: (YYYY-MM, the first subfolder still without input)."""
    root = Path(inbox)
    if not root.is_dir():
        return []
    return [(d.name, missing) for d in _month_folders(root) if (missing := waiting_for(d)) is not None]


def waiting_for(month: Path) -> str | None:
    """`payroll/` or `bpjs/`: the first side of `month` with no input file yet; None when both have one."""
    for _, folder in KINDS:
        if not _holds_input(month / folder):
            return f"{folder}/"
    return None


def _month_folders(root: Path) -> list[Path]:
    return [d for d in sorted(root.iterdir()) if d.is_dir() and _PERIOD.match(d.name)]


def _holds_input(folder: Path) -> bool:
    """A file a run would read, or a legacy .xls it would refuse with advice; lock files do not count."""
    if not folder.is_dir():
        return False
    found, _ = find_inputs([str(folder)])
    return bool(found) or _holds_legacy_excel(folder)


def _holds_legacy_excel(folder: Path) -> bool:
    return any(
        p.suffix.lower() == ".xls" and not p.name.startswith(("~$", "."))
        for p in folder.rglob("*")
        if p.is_file()
    )


def period_entries(period: PeriodInbox) -> list[tuple[str, str]]:
    """Digest entries of the files a run of this period would read (the readers' own file choice)."""
    entries = []
    for kind, folder in KINDS:
        root = str(period.folder / folder)
        for path, display in discover_inputs([root]):
            entries.append((f"{kind}/{display[len(root) + 1 :]}", file_sha256(path)))
    return entries
