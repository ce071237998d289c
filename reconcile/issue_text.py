"""Row-issue messages in the report's language.

Readers and schemas word their messages in Indonesian, the product's default. For an English
report each message is matched against the patterns of reconcile/data/issue_messages.csv and
rewritten; field names inside a message are translated too. A message no pattern knows stays as
it is (and a test keeps the table complete for every message the product writes).
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources

import pandas as pd

from reconcile.messages import Lang

#: Field names as Indonesian messages call them (schemas.issues.FIELD_LABELS) -> English.
_FIELDS = {
    "Upah": "Wage",
    "Upah harian": "Daily wage",
    "Hari kerja": "Days worked",
    "Upah dilaporkan": "Reported wage",
    "Iuran JKK": "JKK contribution",
    "Iuran JKM": "JKM contribution",
    "Iuran JHT": "JHT contribution",
    "Iuran JP": "JP contribution",
    "Total iuran": "Total contribution",
    "Tanggal lahir": "Birth date",
    "Tanggal kepesertaan": "Join date",
    "Tunjangan": "Allowance",
}


def field_label(label: str, lang: Lang) -> str:
    """An Indonesian field label (schemas.issues.FIELD_LABELS) in `lang`."""
    return _FIELDS.get(label, label) if lang == "en" else label


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    text = resources.files("reconcile").joinpath("data/issue_messages.csv").read_text(encoding="utf-8")
    return tuple((re.compile(r["pattern"]), r["en"]) for r in csv.DictReader(text.splitlines()))


def translate_message(message: str) -> str:
    """One message in English (unchanged when no pattern knows it)."""
    for pattern, template in _patterns():
        m = pattern.match(message)
        if m:
            text = template
            for number, group in enumerate(m.groups(), start=1):
                text = text.replace(f"\\{number}", _FIELDS.get(group, group))
            return text
    return message


def translate_issues(issues: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The issues frame with its messages in `lang` (unchanged for Indonesian)."""
    if lang == "id" or issues.empty:
        return issues
    unique = issues["message"].astype(str).unique()
    table = {m: translate_message(m) for m in unique}
    return issues.assign(message=issues["message"].astype(str).map(table))
