"""Run notices about the rules a run used: unverified figures, and a period the tables cannot know.

- A rule row marked `verified = no` was taken from secondary sources; every such row a run used
  gets a notice naming its table file, key, months in force and regulation.
- A period after the month of the run (a future period) is reconciled with the rows in force at
  the tables' latest known change: the notice names that month, as later changes are not known yet.

`run_month` is given by the caller (the flow), so these functions stay pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from reconcile.messages import Lang, message
from reconcile.rules.period import is_period
from reconcile.rules.rulebook import RuleBook
from reconcile.rules.tables import SPECS


def rule_notices(
    rules_used: Iterable[Mapping[str, Any]], period: str, run_month: str, rules: RuleBook, lang: Lang
) -> tuple[str, ...]:
    """The unverified-figure notices, then the future-period notice when `period` > `run_month`."""
    notices = list(unverified_notices(rules_used, lang))
    if period > run_month:
        latest = latest_change(rules, period)
        notices.append(
            message("rules_future_period", lang, period=period, run_month=run_month, latest=latest)
        )
    return tuple(notices)


def unverified_notices(rules_used: Iterable[Mapping[str, Any]], lang: Lang) -> list[str]:
    """One notice per unverified rule row used (several columns of one row give one notice)."""
    notices: list[str] = []
    seen: set[tuple[str, str, str]] = set()
    for used in rules_used:
        row = (str(used["table"]), str(used["key"]), str(used["effective_from"]))
        if used.get("verified", True) or row in seen:
            continue
        seen.add(row)
        notices.append(
            message(
                "rules_unverified",
                lang,
                rule=f"{SPECS[row[0]].file_name} {row[1]}",
                span=_span(row[2], str(used.get("effective_to") or ""), lang),
                regulation=used.get("regulation", ""),
            )
        )
    return notices


def _span(start: str, end: str, lang: Lang) -> str:
    if end:
        return f"{start} s.d. {end}" if lang == "id" else f"{start} to {end}"
    return f"sejak {start}" if lang == "id" else f"since {start}"


def latest_change(rules: RuleBook, period: str) -> str:
    """The last month, at or before `period`, from which some table row starts or stops applying."""
    months: set[str] = set()
    for name in SPECS:
        table = rules.table(name)
        months.update(table["effective_from"])
        months.update(next_month(end) for end in table["effective_to"] if is_period(end))
    return max(m for m in months if m <= period)


def next_month(period: str) -> str:
    """The month after `period` ("2020-12" gives "2021-01")."""
    year, month = int(period[:4]), int(period[5:])
    return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
