"""The top of the summary when a run was not clean: the incomplete-report banner and the run notices.

A run that went ahead without some input files (`--allow-partial`) must say so where nobody can miss
it: a red block right under the title, naming every file left out, why, and what that does to the
findings. Run notices (e.g. an accepted period mismatch) go in a highlighted box under the header.
Reasons and notices worded in English by the readers are shown in the report's language
(`reconcile.input_text`).
"""

from __future__ import annotations

from collections.abc import Mapping

from reconcile.categories import Category
from reconcile.input_text import input_text
from reconcile.report import styles
from reconcile.report.labels import Labels
from reconcile.report.layout_grid import LayoutGrid

#: What a file left out of each side does to the findings: the category it inflates.
TALL_ROW_PT = 22.0  # a 14 pt headline does not fit Excel's default 15 pt row

CONSEQUENCE = {"payroll": Category.NOT_ON_PAYROLL, "bpjs": Category.UNREGISTERED}


def _reason(entry: Mapping[str, object]) -> str:
    """The reason without the path it usually starts with (InputError reads '<path>: <message>')."""
    path, reason = str(entry.get("path") or ""), str(entry.get("reason") or "")
    for prefix in (f"{path}: ", path):
        if path and reason.startswith(prefix):
            return reason[len(prefix) :].lstrip() or reason
    return reason


def incomplete_headline(L: Labels, count: int) -> str:
    return L("incomplete.title", n=L.number(count))


def incomplete_lines(excluded: tuple[Mapping[str, object], ...], L: Labels) -> list[str]:
    """Each file and reason, then what it means for the findings (the sides actually affected)."""
    lines = [
        L("incomplete.file", path=str(e.get("path") or "-"), reason=input_text(_reason(e), L.lang) or "-")
        for e in excluded
    ]
    kinds = {str(e.get("kind") or "") for e in excluded}
    if not kinds <= set(CONSEQUENCE):  # a side we cannot tell: say what either would do
        kinds = set(CONSEQUENCE)
    lines.append(L("incomplete.means"))
    for kind, category in CONSEQUENCE.items():
        if kind in kinds:
            lines.append(L(f"incomplete.{kind}", category=L(f"cat.{category}")))
    lines.append(L("incomplete.action"))
    return lines


def incomplete_banner(grid: LayoutGrid, excluded: tuple[Mapping[str, object], ...], L: Labels) -> None:
    """The red block: a headline (repeated on every printed page), then the files and what they mean."""
    if not excluded:
        return
    row = grid.line(
        incomplete_headline(L, len(excluded)),
        font=styles.ALARM_TITLE_FONT,
        fill=styles.ALARM_FILL,
        alignment=styles.HEADER_ALIGN,
    )
    grid.heights[row] = TALL_ROW_PT


def incomplete_details(grid: LayoutGrid, excluded: tuple[Mapping[str, object], ...], L: Labels) -> None:
    if not excluded:
        return
    for text in incomplete_lines(excluded, L):
        grid.line(text, font=styles.ALARM_TEXT_FONT, fill=styles.ALARM_FILL, alignment=styles.WRAP)


def notices_box(grid: LayoutGrid, notices: tuple[str, ...], L: Labels) -> None:
    """Run notices in a highlighted box; nothing at all when there are none."""
    if not notices:
        return
    grid.blank()
    grid.line(L("summary.notices"), font=styles.NOTICE_TITLE_FONT, fill=styles.NOTICE_FILL)
    for notice in notices:
        grid.line(
            input_text(notice, L.lang), font=styles.BOLD, fill=styles.NOTICE_FILL, alignment=styles.WRAP
        )
