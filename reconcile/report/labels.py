"""Every visible text of the report, in Indonesian and English, read from reconcile/data/labels.csv."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")


@dataclass(frozen=True)
class Labels:
    """Texts of one language. A missing key is a bug, so it raises instead of showing the key."""

    lang: Lang
    texts: dict[str, str]

    def __call__(self, key: str, **values: object) -> str:
        try:
            text = self.texts[key]
        except KeyError:
            raise KeyError(f"label {key!r} is missing from reconcile/data/labels.csv") from None
        return text.format(**values) if values else text

    def number(self, value: int) -> str:
        """A whole number with the language's thousands separator: 1.234 (id), 1,234 (en)."""
        text = f"{value:,}"
        return text.replace(",", ".") if self.lang == "id" else text


@cache
def _table() -> dict[str, dict[str, str]]:
    source = resources.files("reconcile").joinpath("data/labels.csv")
    table: dict[str, dict[str, str]] = {}
    text = source.read_text(encoding="utf-8")
    for row in csv.DictReader(io.StringIO(text, newline="")):
        key = row["key"].strip()
        if key in table:
            raise ValueError(f"labels.csv: duplicate key {key!r}")
        table[key] = {lang: row[lang] for lang in LANGS}
    return table


def load_labels(lang: Lang) -> Labels:
    """The texts of `lang` ("id" or "en")."""
    if lang not in LANGS:
        raise ValueError(f"language must be one of {', '.join(LANGS)}, found {lang!r}")
    return Labels(lang, {key: texts[lang] for key, texts in _table().items()})


def all_keys() -> frozenset[str]:
    """Every key of labels.csv (for tests that check both languages are complete)."""
    return frozenset(_table())
