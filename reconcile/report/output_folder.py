"""The --out folder checked before any work: a path that names a file is refused in words."""

from __future__ import annotations

from pathlib import Path

from reconcile.errors import InputError
from reconcile.messages import Lang, message


def _existing_part(path: Path) -> Path | None:
    """`path` or its nearest parent that exists (None when none does, e.g. an empty relative path)."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return None


def check_output_folder(out_dir: str | Path, lang: Lang = "id") -> None:
    """InputError when `out_dir`, or the part of it that exists, is a file instead of a folder.

    A folder that does not exist yet is fine: the run creates it. The message names the file.
    """
    found = _existing_part(Path(out_dir))
    if found is not None and not found.is_dir():
        raise InputError(message("out_not_a_folder", lang, path=str(found)))
