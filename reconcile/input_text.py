"""Refusals and input notices in the user's language.

Readers and checks word an InputError in English ("<path> [sheet S]: <what was expected and found>"),
and so do the notices of a run that left files out or accepted a file for another month. Where
such a text is shown (the console, the report), an Indonesian run rewrites it with the patterns of
reconcile/data/input_messages.csv: each matches one English text after its "<path>: " prefix and
gives the Indonesian wording, with the path, sheet, row and found/expected values kept as they are.
A text made of "; "-separated parts that no whole pattern knows is rewritten part by part. A text no
pattern knows (or one already in Indonesian) stays as it is; a test keeps the table complete for
every InputError text in the source.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources

from reconcile.messages import Lang

#: Where a text starts after its location: the start, or after any "<location>: ".
_LOCATION_END = re.compile(r": ")
#: English words for the kind of input inside a message (a \N group), in Indonesian.
_WORDS = {
    "BPJS file": "berkas BPJS",
    "payroll file": "berkas daftar gaji",
    "its title rows say": "baris judulnya menyebut",
    "its sheet names say": "nama sheet-nya menyebut",
    "none": "tidak ada",
    "blank": "kosong",
    "a file without extension": "berkas tanpa ekstensi",
    "a file": "sebuah berkas",
    "nothing": "tidak ada apa pun",
}


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    text = resources.files("reconcile").joinpath("data/input_messages.csv").read_text(encoding="utf-8")
    return tuple((re.compile(r["pattern"], re.S), r["id"]) for r in csv.DictReader(text.splitlines()))


def input_text(text: str, lang: Lang | str = "id") -> str:
    """`text` (a refusal or an input notice, maybe several lines) in `lang`; English stays as it is."""
    if lang == "en" or not text:
        return text
    return "\n".join(_line(line) for line in text.split("\n"))


def input_texts(texts: tuple[str, ...] | list[str], lang: Lang | str = "id") -> tuple[str, ...]:
    """Each of `texts` in `lang`."""
    return tuple(input_text(t, lang) for t in texts)


def _line(line: str) -> str:
    """One line: its leading spaces and "- " / "-> " marks kept, the location kept, the rest rewritten."""
    body = line.lstrip(" ")
    indent = line[: len(line) - len(body)]
    for mark in ("-> ", "- "):
        if body.startswith(mark):
            indent, body = indent + mark, body[len(mark) :]
            break
    found = [
        (rank, start, text) for start in _starts(body) for rank, text in [_rewrite(body[start:])] if text
    ]
    if not found:
        return line
    _, start, text = min(found)  # the most specific pattern, then the earliest start
    return indent + body[:start] + text


def _starts(text: str) -> list[int]:
    """Where the message may start: at the beginning, or after each ": " (a path, a sheet, a key)."""
    return [0, *(m.end() for m in _LOCATION_END.finditer(text))]


def translate_body(body: str) -> str | None:
    """The Indonesian for an English message without its location, or None when no pattern knows it."""
    return _rewrite(body)[1]


_UNKNOWN = (1 << 30, None)


def _rewrite(body: str) -> tuple[int, str | None]:
    """(rank of the least specific pattern used, the Indonesian), or (_UNKNOWN) when none fits.

    The whole message first; else each of its "; "-separated parts."""
    whole = _match(body)
    if whole[1] is not None:
        return whole
    parts = body.split("; ")
    if len(parts) < 2:
        return _UNKNOWN
    rewritten = [_match(p) for p in parts]
    if any(text is None for _, text in rewritten):
        return _UNKNOWN
    return max(rank for rank, _ in rewritten), "; ".join(str(text) for _, text in rewritten)


def _match(text: str) -> tuple[int, str | None]:
    for rank, (pattern, template) in enumerate(_patterns()):
        m = pattern.fullmatch(text)
        if m:
            return rank, _filled(template, m)
    return _UNKNOWN


def _filled(template: str, m: re.Match[str]) -> str:
    """`template` with \\N replaced by group N: a known English word or part (the evidence of a
    period mismatch) in Indonesian, any other value (path, sheet, row, found) as it is."""
    result = template
    for number in range(len(m.groups()), 0, -1):  # \\12 before \\1
        group = m.group(number) or ""
        result = result.replace(f"\\{number}", _WORDS.get(group) or _inner(group))
    return result


def _inner(group: str) -> str:
    """A group that is itself a known English part (e.g. "its title rows say 2024-05"), else as is."""
    if " " not in group:
        return group
    return translate_body(group) or group
