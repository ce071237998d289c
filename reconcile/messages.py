"""Finding details in the user's language, from the catalogue reconcile/data/messages.csv."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from typing import Literal

Lang = Literal["id", "en"]


@cache
def _catalogue() -> dict[str, dict[str, str]]:
    text = resources.files("reconcile").joinpath("data/messages.csv").read_text(encoding="utf-8")
    return {row["key"]: {"id": row["id"], "en": row["en"]} for row in csv.DictReader(text.splitlines())}


def message(key: str, lang: Lang = "id", /, **params: object) -> str:
    """The text for `key` in `lang`, with `{param}` placeholders filled in."""
    return _catalogue()[key][lang].format(**params)


def rupiah(amount: float) -> str:
    """Rupiah the Indonesian way, without the symbol: 1.234.567."""
    return f"{round(amount):,}".replace(",", ".")


def rupiah_amount(amount: float) -> str:
    """Rupiah with the symbol, the sign before it: Rp1.234.567, -Rp134.400 (never Rp-134.400)."""
    whole = round(amount)
    return f"{'-' if whole < 0 else ''}Rp{rupiah(abs(whole))}"
