"""Errors users can act on. Each carries the exit code of ../shared/CONTRACT.md.

They are raised anywhere and translated to a message and an exit code at one place: the CLI.
"""

from __future__ import annotations


class ReconError(Exception):
    """Base of every error the product expects; never shown as a traceback."""

    exit_code = 1


class InputError(ReconError):
    """Unusable input or arguments (exit 2).

    The message names the file, the sheet when there is one, what was expected and what was found.
    """

    exit_code = 2

    def __init__(self, message: str, *, path: str = "", sheet: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.sheet = sheet

    def __str__(self) -> str:
        where = self.path
        if self.sheet:
            where = f"{where} [sheet {self.sheet}]"
        text = super().__str__()
        return f"{where}: {text}" if where else text
