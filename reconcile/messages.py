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


class RupiahText(str):
    """A Rupiah figure as text, grouped the Indonesian way (1.234.567), that also knows its English
    grouping (1,234,567): `message` and `localise` put the one that fits the text's language."""

    english: str

    def __new__(cls, indonesian: str, english: str) -> RupiahText:
        text = super().__new__(cls, indonesian)
        text.english = english
        return text


def localise(value: object, lang: Lang | str) -> object:
    """`value` as a text in `lang` shows it: a RupiahText grouped the English way in English."""
    return value.english if lang == "en" and isinstance(value, RupiahText) else value


def message(key: str, lang: Lang = "id", /, **params: object) -> str:
    """The text for `key` in `lang`, with `{param}` placeholders filled in."""
    return _catalogue()[key][lang].format(**{k: localise(v, lang) for k, v in params.items()})


def rupiah(amount: float) -> str:
    """Rupiah without the symbol: 1.234.567 (1,234,567 once put in an English message)."""
    whole = round(amount)
    return RupiahText(f"{whole:,}".replace(",", "."), f"{whole:,}")


def rupiah_amount(amount: float) -> str:
    """Rupiah with the symbol, the sign before it: Rp1.234.567, -Rp134.400 (never Rp-134.400)."""
    whole = round(amount)
    sign = "-" if whole < 0 else ""
    return RupiahText(f"{sign}Rp{abs(whole):,}".replace(",", "."), f"{sign}Rp{abs(whole):,}")
