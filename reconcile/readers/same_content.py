"""The same content given twice: a copy under another name on one side, or one file on both sides.

Files are compared by the sha256 of their bytes, after reading. A copy on one side ("disdik (1).xlsx"
next to "disdik.xlsx") would make every worker of it DUPLICATE_PAYROLL (or DUPLICATE_PARTICIPANT):
it refuses the run, naming both paths, unless --allow-partial, which leaves the copy out with a
notice (nothing is lost: its rows are read from the other file). One file given as payroll and as
the BPJS list pairs every row with itself and finds nothing: that always refuses the run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reconcile.errors import InputError
from reconcile.messages import Lang, message

_SIDE = {"payroll": "a payroll file (--payroll)", "bpjs": "a BPJS file (--participants)"}


@dataclass(frozen=True)
class SameContent:
    """File `path` (of `kind`) has the bytes of `same_as` (of `same_as_kind`), read before it."""

    path: str
    kind: str
    same_as: str
    same_as_kind: str
    sha256: str

    @property
    def both_sides(self) -> bool:
        return self.kind != self.same_as_kind

    def error(self) -> InputError:
        """Why the run is refused, naming both paths."""
        if self.both_sides:
            this, other = _SIDE.get(self.kind, self.kind), _SIDE.get(self.same_as_kind, self.same_as_kind)
            text = (
                f"given as {this}, has the same content (sha256 {self.sha256[:12]}) as {self.same_as}, "
                f"given as {other}: one file cannot be both the payroll and the BPJS list "
                "(every row would pair with itself); give each side its own files"
            )
        else:
            text = (
                f"same content (sha256 {self.sha256[:12]}) as {self.same_as}: the file is given twice "
                "and its rows would count twice; remove the copy, or run with --allow-partial to leave it out"
            )
        return InputError(text, path=self.path)

    def notice(self, lang: Lang = "id") -> str:
        """For the report of a run that left the copy out (--allow-partial)."""
        return message("same_content_left_out", lang, file=self.path, same_as=self.same_as)

    def entry(self) -> dict[str, str]:
        """The manifest record of a copy left out."""
        return {"path": self.path, "kind": self.kind, "same_as": self.same_as, "sha256": self.sha256}


def same_content(files: Sequence[tuple[Any, str, str]], read: Sequence[object]) -> list[SameContent]:
    """Every file read whose content an earlier file of `files` has (files that failed are skipped)."""
    first: dict[str, tuple[str, str]] = {}
    found = []
    for (_, display, kind), value in zip(files, read, strict=True):
        sha = getattr(value, "sha256", None)
        if isinstance(value, InputError) or not isinstance(sha, str) or not sha:
            continue
        if sha in first:
            found.append(SameContent(display, kind, *first[sha], sha))
        else:
            first[sha] = (display, kind)
    return found
