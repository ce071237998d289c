"""Read .xlsx / .xlsm workbooks into grids safely, turning every failure into InputError.

Untrusted files pass two gates before and while calamine reads them:
1. `zip_guard.check_zip`: what the file really is (empty, encrypted, legacy .xls, HTML, cut short)
   and what its zip would expand to, from the central directory alone;
2. `sandbox.read_workbook_sandboxed`: calamine runs in a child process with memory and time limits.

Row i of a grid is Excel row i + 1: the empty rows and columns above and left of the data are kept,
so title rows are counted as a person sees them. Dates follow the workbook's date system (calamine
reads `date1904` from workbook.xml). Error cells and formulas without a cached value come out as
their text ("#N/A", "=VLOOKUP(...)"), never as blanks.
"""

from __future__ import annotations

from pathlib import Path

from reconcile.readers.grid import Grid
from reconcile.readers.sandbox import DEFAULT_SANDBOX, SandboxLimits, read_workbook_sandboxed
from reconcile.readers.zip_guard import DEFAULT_LIMITS, ZipLimits, check_zip, sniff_workbook

__all__ = ["read_workbook", "sniff_workbook"]


def read_workbook(
    path: Path,
    display_path: str,
    *,
    zip_limits: ZipLimits = DEFAULT_LIMITS,
    sandbox_limits: SandboxLimits = DEFAULT_SANDBOX,
) -> list[Grid]:
    """Every worksheet of the workbook as a grid, hidden ones too (`Grid.visibility`); no chart sheets."""
    check_zip(path, display_path, zip_limits)
    return read_workbook_sandboxed(path, display_path, sandbox_limits)
