"""Calendar arithmetic on YYYY-MM periods."""

from __future__ import annotations


def shift(period: str, months: int) -> str:
    """`period` moved by `months` (negative: back in time)."""
    year, month = int(period[:4]), int(period[5:7])
    index = year * 12 + (month - 1) + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def previous(period: str) -> str:
    return shift(period, -1)


def window(upto: str, months: int) -> list[str]:
    """The `months` periods ending with `upto`, oldest first."""
    return [shift(upto, -k) for k in range(months - 1, -1, -1)]
