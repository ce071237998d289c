"""The one exception a value parser raises: the cell holds something, but not a readable value."""

from __future__ import annotations


class UnreadableValue(ValueError):
    """A non-blank cell whose text cannot be read as the expected kind of value.

    Internal to parsing: the vectorised parsers catch it and flag the row; it never reaches a user.
    """
