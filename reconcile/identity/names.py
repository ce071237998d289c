"""Indonesian name normalisation: the key two spellings of one person's name share.

A key drops what differs between two lists that name the same person (../shared/DOMAIN.md):
case, accents, punctuation and spacing; titles and honorifics before and after the name;
the many spellings of Muhammad and Abdul; the old (pre-1972) spellings; and a patronym
("bin" / "binti" and what follows). The old-spelling mapping is one-way onto a phonetic key
(oe->u, dj->j, tj->c, ch->kh, then j->y, which also covers nj->ny and sj->sy; ty->c and dy->y
because "tj" / "dj" also stood for those) and is applied to both sides alike, so "Djoko" and
"Joko" both become "YOKO", "Jusuf" and "Yusuf" both "YUSUF", "Prasetjo" and "Prasetyo" both
"PRASECO".
Doubled letters are collapsed ("Abdullah" / "Abdulah").

Keys are for comparison only, never for display. Normalisation runs once per unique name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np
import pandas as pd

#: Honorifics and titles written before a name (dots removed). Haji / Hajjah, doctor, engineer,
#: professor, Raden (R., RA., RR.), Kyai Haji, Nyonya, Ners (nurse: "Ns. Dewi").
PREFIX_TITLES = frozenset("H HJ HJH HAJI HAJJAH HAJAH DR DRS DRA DRG IR PROF R RA RR KH NY TN NS".split())

#: Academic and professional titles written after a name (dots removed). Those that could also be
#: a name part ("ambiguous") are only dropped when written with a dot or after a comma.
SUFFIX_TITLES = frozenset(
    """SPD SPDI SPDSD SE SH SHI SKOM SIKOM AMD AMDKEP AMDKEB AMDKES AMKEP AMKEB AMK MM MSI SSOS SIP
    SKEP NS ST MPD SAG SSI SKM MKES MKM MH MT ME MAG MSC MBA SPSI SFARM APT SSTP STP SKED SKEB SST
    SAN MAP MKOM SPT SHUT SP SGZ SPAR SSN SDS LC MA SS SAP MKN SKG SIKOM SPDK SKEPNS SKPM SSY SHUM
    SMB STR SGIZI SKG SPSIC MPSI MHUM MSY SM SAKUN SIKEP SPI SIA BA BSC""".split()
)
AMBIGUOUS_SUFFIX_TITLES = frozenset(
    "SE SH ST MM NS SS SIP MA ME MH MT SP LC APT SAN MAP AMK STP SM BA".split()
)

#: Spellings of Muhammad as one word (written in full, old spelling, or abbreviated).
_MUHAMMAD = re.compile(
    r"^(M(U|O|OE)(C?H|KH)?A?M{1,2}[AE]D{1,2}|MUHAMMAT|MUH|MOH|MHD|MUHD|MOCH|MOC|MUCH|MCH)$"
)
_ABDUL = re.compile(r"^(ABDUL|ABDOEL|ABDOL|ABD)$")
_MUHAMMAD_KEY = "MHD"
_ABDUL_KEY = "ABD"
_PATRONYMS = frozenset({"BIN", "BINTI"})

#: Old spellings, in order: the two-letter forms first, then j->y (which also turns nj / sj into
#: ny / sy). "ch" is the old "kh" ("Chairul" = "Khairul"). The old "tj" / "dj" also stood for
#: today's "ty" / "dy" ("Prasetjo" = "Prasetyo", "Widja" = "Widya"), so those map alike.
_OLD_SPELLINGS = (("OE", "U"), ("DJ", "J"), ("TJ", "C"), ("CH", "KH"), ("J", "Y"), ("TY", "C"), ("DY", "Y"))

_APOSTROPHES = re.compile(r"['`\u2018\u2019\u02bc]")
_SEGMENT_SPLIT = re.compile(r",")
_TOKEN_SPLIT = re.compile(r"[^A-Z.]+")
_DOUBLED = re.compile(r"([A-Z])\1+")
#: A segment after a comma that is an academic title: short letter groups joined by dots
#: ("S.Pd.I", "M. Kes", "A.Md.Kep", "Ns").
_TITLE_SEGMENT = re.compile(r"^\s*([A-Z]{1,5}\s*\.\s*)+[A-Z]{0,5}\s*\.?\s*$")


def _fold(text: str) -> str:
    """Upper case without accents or apostrophes ("Ma'ruf" -> "MARUF")."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _APOSTROPHES.sub("", text).upper()


def _is_title_segment(segment: str) -> bool:
    letters = segment.replace(".", "").replace(" ", "")
    if not letters:
        return True
    return bool(_TITLE_SEGMENT.match(segment)) or letters in SUFFIX_TITLES


def _tokens(head: str) -> list[tuple[str, bool]]:
    """(token, written with a dot) pairs; "M.RIZKI" splits in two, "S.PD" stays one title."""
    out: list[tuple[str, bool]] = []
    for raw in _TOKEN_SPLIT.split(head):
        if not raw.strip("."):
            continue
        if "." not in raw:
            out.append((raw, False))
            continue
        whole = raw.replace(".", "")
        if whole in SUFFIX_TITLES or whole in PREFIX_TITLES:
            out.append((whole, True))
        else:
            parts = [p for p in raw.split(".") if p]
            out.extend((p, True) for p in parts)
    return out


def _strip_titles(tokens: list[tuple[str, bool]]) -> list[str]:
    # Never strip the last remaining word: a one-word name "R" or "SE" is still a name.
    while len(tokens) > 1:
        word, dotted = tokens[-1]
        if word in SUFFIX_TITLES and (dotted or word not in AMBIGUOUS_SUFFIX_TITLES):
            tokens.pop()
            continue
        # "S. Pd" written with a space: two words making one dotted title.
        if len(tokens) > 2 and tokens[-2][1] and tokens[-2][0] + word in SUFFIX_TITLES:
            del tokens[-2:]
            continue
        break
    while len(tokens) > 1 and tokens[0][0] in PREFIX_TITLES:
        tokens.pop(0)
    return [word for word, _ in tokens]


def _canonical_word(word: str, first: bool, last: bool) -> str:
    # "M." is Muhammad only as the first of several words ("M. Rizki"), not an initial elsewhere.
    if word == "M" and first and not last:
        return _MUHAMMAD_KEY
    return _canonical_spelling(word)


@lru_cache(maxsize=1 << 16)
def _canonical_spelling(word: str) -> str:
    if _MUHAMMAD.match(word):
        return _MUHAMMAD_KEY
    if _ABDUL.match(word):
        return _ABDUL_KEY
    for old, new in _OLD_SPELLINGS:
        word = word.replace(old, new)
    return _DOUBLED.sub(r"\1", word)


@lru_cache(maxsize=1 << 18)
def normalize_name(name: str) -> str:
    """The comparison key of one raw name: "Drs. H. Moch. Djoko S., M.Si" -> "MHD YOKO S"."""
    if not isinstance(name, str):
        return ""
    head, *rest = _SEGMENT_SPLIT.split(_fold(name))
    tokens = _tokens(head)
    for segment in rest:
        # After a comma come titles ("S.Pd., M.Si"); whatever follows them is kept ("bin ...").
        if not _is_title_segment(segment):
            more = _tokens(segment)
            while more and more[0][0] in SUFFIX_TITLES:
                more.pop(0)
            tokens.extend(more)
    # The patronym goes first: titles may sit before it ("Ahmad S.Pd bin Umar").
    for i, (word, _) in enumerate(tokens):
        if i > 0 and word in _PATRONYMS:
            tokens = tokens[:i]
            break
    words = _strip_titles(tokens)
    n = len(words)
    return " ".join(_canonical_word(w, i == 0, i == n - 1) for i, w in enumerate(words))


def name_keys(names: pd.Series) -> pd.Series:
    """`normalize_name` over a column, computed once per unique value; missing names give ""."""
    codes, uniques = pd.factorize(names, use_na_sentinel=True)
    keys = np.array([normalize_name(u) for u in uniques] + [""], dtype=object)
    # Code -1 (missing) picks the trailing "".
    return pd.Series(keys[codes], index=names.index, dtype=object, name=names.name)
