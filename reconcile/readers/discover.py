"""Expand the PATHs a user gave (files or folders) into the input files to read, in a stable order.

`find_inputs` keeps going past a missing path or an empty folder, so that a run can report every
bad input at once; `discover_inputs` stops at the first.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from reconcile.errors import InputError

SUPPORTED = (".xlsx", ".xlsm", ".csv")
_EXPECTED = "expected an .xlsx, .xlsm or .csv file"


def check_extension(path: Path, display_path: str) -> str:
    """The lower-case suffix of a supported file; InputError saying what was expected otherwise."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InputError(
            "legacy Excel 97-2003 (.xls) is not supported; open it in Excel and save it as .xlsx",
            path=display_path,
        )
    if suffix not in SUPPORTED:
        raise InputError(f"{_EXPECTED}, found {suffix or 'a file without extension'}", path=display_path)
    return suffix


def _ignored(name: str) -> bool:
    return name.startswith(("~$", "."))  # Office lock files and hidden files


def _folder_files(folder: Path) -> list[Path]:
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files += [Path(root, n) for n in names if not _ignored(n)]
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


def discover_inputs(paths: Sequence[str]) -> list[tuple[Path, str]]:
    """(real path, display path) for every input file; the same file named twice is read once."""
    found, errors = find_inputs(paths)
    if errors:
        raise errors[0]
    return found


def find_inputs(paths: Sequence[str]) -> tuple[list[tuple[Path, str]], list[InputError]]:
    """(the input files found, an InputError per PATH that gives none: missing, empty folder, bad type)."""
    found: list[tuple[Path, str]] = []
    errors: list[InputError] = []
    seen: set[Path] = set()
    for given in paths:
        try:
            pairs = _expand(given)
        except InputError as e:
            errors.append(e)
            continue
        for real, display in pairs:
            resolved = real.resolve()
            if resolved not in seen:
                seen.add(resolved)
                found.append((resolved, display))
    return found, errors


def _expand(given: str) -> list[tuple[Path, str]]:
    """The (file, display path) pairs one PATH stands for; InputError when it stands for none."""
    path = Path(given)
    if not path.exists():
        raise InputError("not found", path=given)
    if not path.is_dir():
        check_extension(path, given)
        return [(path, given)]
    files = _folder_files(path)
    inputs = [p for p in files if p.suffix.lower() in SUPPORTED]
    if not inputs:
        legacy = [p.name for p in files if p.suffix.lower() == ".xls"]
        hint = (
            f"; found legacy Excel 97-2003 files ({', '.join(legacy[:5])}): save them as .xlsx"
            if legacy
            else ""
        )
        raise InputError(f"the folder holds no input file; {_EXPECTED}{hint}", path=given)
    prefix = given.rstrip("/\\")
    return [(p, f"{prefix}/{p.relative_to(path).as_posix()}") for p in inputs]
