"""Both BPJS documents of the month given at once: the participant list beside the contribution detail.

BPJS sends two documents a month: the participant list (daftar peserta: KPJ, NIK, name, status, no
contribution columns) and the contribution detail (rincian iuran: the same people with the premium
billed). Given together they list every participant twice, so every one would become a
DUPLICATE_PARTICIPANT. A file is a contribution detail when one of its sheets has a premium column
(jkk, jkm, jht, jp or total), else a participant list. A list whose participants are mostly (at least
`MOSTLY_SAME`) in a detail refuses the run, naming both files; with --allow-partial the list is left
out (the excluded-inputs mechanism) and the detail, which bills the premiums, is kept. Two details or
two lists that overlap are not this case: their participants are duplicates the classifier reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from reconcile.errors import InputError
from reconcile.messages import Lang, message

#: The prepared columns that only a contribution detail has.
PREMIUM_COLUMNS = frozenset({"jkk", "jkm", "jht", "jp", "total"})
#: Share of the smaller document's participants found in the other for the two to be the same list.
MOSTLY_SAME = 0.5


@dataclass(frozen=True)
class ListBesideDetail:
    """Participant list `path` names mostly the participants of contribution detail `detail`."""

    path: str
    detail: str
    common_kpj: int
    common_nik: int

    def error(self, lang: Lang = "id") -> InputError:
        """Why the run is refused, naming both files and what they have in common."""
        text = message(
            "bpjs_list_beside_detail",
            lang,
            detail=self.detail,
            kpj=self.common_kpj,
            nik=self.common_nik,
        )
        return InputError(text, path=self.path)

    def consequence(self, lang: Lang = "id") -> str:
        """What leaving the list out (--allow-partial) does to the findings."""
        return message("bpjs_list_left_out", lang, detail=self.detail)


def is_contribution_detail(item: Any) -> bool:
    """Whether one of the file's sheets has a premium column (PreparedInput.sheets[*]["columns"])."""
    return any(PREMIUM_COLUMNS & set(dict(s.get("columns") or {})) for s in item.sheets)


def lists_beside_details(prepared: Sequence[Any]) -> list[ListBesideDetail]:
    """Every BPJS participant list that names mostly the same participants as a contribution detail.

    `prepared` are PreparedInput (path, kind, sheets, prepared.frame); payroll files are skipped.
    Each list is named once, beside the detail it shares the most participants with.
    """
    bpjs = [p for p in prepared if p.kind == "bpjs"]
    details = [p for p in bpjs if is_contribution_detail(p)]
    found = []
    for item in bpjs:
        if is_contribution_detail(item):
            continue
        overlaps = [_overlap(item, d) for d in details]
        same = [o for o in overlaps if o is not None]
        if same:
            found.append(max(same, key=lambda o: o.common_kpj + o.common_nik))
    return found


def _identities(frame: pd.DataFrame, key: str) -> set[str]:
    valid = frame[f"{key}_valid"].fillna(False).to_numpy(dtype=bool)
    return set(frame[key][valid].dropna().astype(str))


def _overlap(listed: Any, detail: Any) -> ListBesideDetail | None:
    """The two as one case when most participants of the smaller one are in the other, else None."""
    a, b = listed.prepared.frame, detail.prepared.frame
    kpj_a, kpj_b = _identities(a, "kpj"), _identities(b, "kpj")
    nik_a, nik_b = _identities(a, "nik"), _identities(b, "nik")
    common_kpj, common_nik = kpj_a & kpj_b, nik_a & nik_b
    shared = _rows_known_in(a, common_kpj, common_nik)
    smaller = min(_rows_with_identity(a), _rows_with_identity(b))
    if not smaller or shared / smaller < MOSTLY_SAME:
        return None
    return ListBesideDetail(listed.path, detail.path, len(common_kpj), len(common_nik))


def _rows_with_identity(frame: pd.DataFrame) -> int:
    has = frame["kpj_valid"].fillna(False) | frame["nik_valid"].fillna(False)
    return int(has.sum())


def _rows_known_in(frame: pd.DataFrame, kpjs: set[str], niks: set[str]) -> int:
    """Rows of `frame` whose valid KPJ or valid NIK is among the given ones."""
    by_kpj = frame["kpj_valid"].fillna(False) & frame["kpj"].astype("string").isin(kpjs).fillna(False)
    by_nik = frame["nik_valid"].fillna(False) & frame["nik"].astype("string").isin(niks).fillna(False)
    return int((by_kpj | by_nik).sum())


def left_out_reads(
    files: Sequence[tuple[Any, str, str]],
    read: Sequence[object],
    lists: Sequence[ListBesideDetail],
    lang: Lang = "id",
) -> list[object]:
    """`read`, with each list's entry replaced by its InputError: an unusable input like any other
    (it refuses the run, or is left out with --allow-partial)."""
    by_path = {x.path: x for x in lists}
    return [
        by_path[display].error(lang) if display in by_path and not isinstance(value, InputError) else value
        for (_, display, _), value in zip(files, read, strict=True)
    ]


def explain_left_out(
    excluded: list[dict[str, Any]], lists: Sequence[ListBesideDetail]
) -> list[dict[str, Any]]:
    """The excluded-inputs entries, with the consequence of leaving a list out said exactly: its
    participants are read from the contribution detail."""
    by_path = {x.path: x for x in lists}
    out = []
    for entry in excluded:
        known = by_path.get(str(entry.get("path")))
        if known is not None:
            entry = {
                **entry,
                "consequence": known.consequence("en"),
                "consequence_id": known.consequence("id"),
            }
        out.append(entry)
    return out
