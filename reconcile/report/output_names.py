"""Names of the four output files of one run, and the next free version in an output folder.

Version 1 is `recon-<period>.xlsx` etc.; later runs write `recon-<period>-v2.xlsx`, `-v3`, ... . All
four files of one run share one version. The next version is one above the highest present, so a
deleted older version is never refilled with newer content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = {
    "xlsx": ".xlsx",
    "exceptions_csv": "-exceptions.csv",
    "matches_csv": "-matches.csv",
    "manifest": "-manifest.json",
}


@dataclass(frozen=True)
class OutputPaths:
    """Where one run's outputs were written."""

    xlsx: Path
    exceptions_csv: Path
    matches_csv: Path
    manifest: Path
    version: int = 1

    def all(self) -> tuple[Path, Path, Path, Path]:
        return (self.xlsx, self.exceptions_csv, self.matches_csv, self.manifest)


def output_paths(out_dir: Path, period: str, version: int) -> OutputPaths:
    """The four paths of `version` (1 has no version tag)."""
    stem = f"recon-{period}" if version == 1 else f"recon-{period}-v{version}"
    paths = {field: out_dir / f"{stem}{suffix}" for field, suffix in SUFFIXES.items()}
    return OutputPaths(**paths, version=version)


def next_version(out_dir: Path, period: str) -> int:
    """One above the highest version of `period` with any output file in `out_dir` (1 when none)."""
    ends = "|".join(re.escape(s) for s in SUFFIXES.values())
    pattern = re.compile(rf"recon-{re.escape(period)}(?:-v(\d+))?(?:{ends})")
    found = [int(m.group(1) or 1) for p in out_dir.iterdir() if (m := pattern.fullmatch(p.name))]
    return max(found, default=0) + 1
