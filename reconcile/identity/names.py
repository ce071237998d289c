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

Keys are for comparison only, never for display. They are computed once per unique name, for
all names of a column at once: reconcile.identity.name_tokens cuts the names into tokens with
Arrow kernels, and the rules below work on whole token arrays; Python runs once per distinct
word or comma segment, not once per name.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from reconcile.identity.name_tokens import Token, TokenTable, run_starts, tokenise

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
_PIECE = re.compile(r"[A-Z.]+")
_DOUBLED = re.compile(r"([A-Z])\1+")
#: A segment after a comma that is an academic title: short letter groups joined by dots
#: ("S.Pd.I", "M. Kes", "A.Md.Kep", "Ns").
_TITLE_SEGMENT = re.compile(r"^\s*([A-Z]{1,5}\s*\.\s*)+[A-Z]{0,5}\s*\.?\s*$")
#: Names normalised together; bounds the memory of one batch's token table.
_BATCH = 1 << 17


def _fold_unicode(text: str) -> str:
    """Upper case without accents or apostrophes ("Ma'ruf" -> "MARUF"), for any text."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _APOSTROPHES.sub("", text).upper()


def _folded(text: pa.Array) -> pa.Array:
    """Each text folded by `_fold_unicode`: ASCII text, nearly all of it, by Arrow kernels."""
    unicode = pc.invert(pc.string_is_ascii(text))
    if pc.any(unicode).as_py():
        folded = [_fold_unicode(t) for t in text.filter(unicode).to_pylist()]
        text = pc.replace_with_mask(text, unicode, pa.array(folded, type=text.type))
    for apostrophe in "'`":
        text = pc.replace_substring(text, apostrophe, "")
    return pc.ascii_upper(text)


def _text_array(values: pd.Index) -> pa.Array:
    """Distinct names as Arrow strings; "" for a non-string.

    A lone surrogate, which Arrow refuses, becomes "?": like any other character that is not a
    letter, it only separates words.
    """
    if isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow":
        text = pa.array(values.array)
        return text.combine_chunks() if isinstance(text, pa.ChunkedArray) else text
    return pa.array(
        [
            (v if v.isascii() else v.encode("utf-8", "replace").decode()) if isinstance(v, str) else ""
            for v in values
        ],
        type=pa.string(),
    )


def _is_title_segment(segment: str) -> bool:
    """After a comma come titles ("S.Pd., M.Si"); whatever follows them is kept ("bin ...")."""
    letters = segment.replace(".", "").replace(" ", "")
    if not letters:
        return True
    return bool(_TITLE_SEGMENT.match(segment)) or letters in SUFFIX_TITLES


def _piece_tokens(piece: str) -> tuple[Token, ...]:
    """The tokens of one run of letters and dots; "M.RIZKI" splits in two, "S.PD" stays one title."""
    if "." not in piece:
        return ((piece, False),)
    whole = piece.replace(".", "")
    if not whole:
        return ()
    if whole in SUFFIX_TITLES or whole in PREFIX_TITLES:
        return ((whole, True),)
    return tuple((p, True) for p in piece.split(".") if p)


def _chunk_tokens(chunk: str) -> tuple[Token, ...]:
    """The tokens of text without white space: of each run of letters and dots in it."""
    return tuple(token for piece in _PIECE.findall(chunk) for token in _piece_tokens(piece))


def _canonical_spelling(word: str) -> str:
    if _MUHAMMAD.match(word):
        return _MUHAMMAD_KEY
    if _ABDUL.match(word):
        return _ABDUL_KEY
    for old, new in _OLD_SPELLINGS:
        word = word.replace(old, new)
    return _DOUBLED.sub(r"\1", word)


def _before_patronym(tokens: TokenTable) -> TokenTable:
    """The patronym goes first: titles may sit before it ("Ahmad S.Pd bin Umar")."""
    position = np.arange(len(tokens.owner)) - run_starts(tokens.owner)
    patronym = tokens.has(_PATRONYMS) & (position > 0)
    cut = np.full(tokens.owner[-1] + 1 if len(tokens.owner) else 0, np.iinfo(np.int64).max)
    owners, first = np.unique(tokens.owner[patronym], return_index=True)
    cut[owners] = position[patronym][first]
    keep = position < cut[tokens.owner]
    return TokenTable(tokens.owner[keep], tokens.code[keep], tokens.dotted[keep], tokens.vocabulary)


def _strip_suffix_titles(tokens: TokenTable, start: np.ndarray, length: np.ndarray) -> None:
    """Shorten `length` (per name) past trailing titles; never below one word (a name "SE")."""
    title = tokens.has(SUFFIX_TITLES) & (tokens.dotted | ~tokens.has(AMBIGUOUS_SUFFIX_TITLES))
    active = np.flatnonzero(length > 1)
    while active.size:
        last = start[active] + length[active] - 1
        one = title[last]
        # "S. Pd" written with a space: two words making one dotted title.
        two = ~one & (length[active] > 2) & tokens.dotted[last - 1]
        words = tokens.vocabulary[tokens.code[last[two] - 1]], tokens.vocabulary[tokens.code[last[two]]]
        two[two] = [a + b in SUFFIX_TITLES for a, b in zip(*words, strict=True)]
        length[active] -= one + 2 * two
        active = active[(one | two) & (length[active] > 1)]


def _skip_prefix_titles(tokens: TokenTable, start: np.ndarray, length: np.ndarray) -> None:
    """Move `start` past leading honorifics ("Drs. H."); never past the last word."""
    prefix = tokens.has(PREFIX_TITLES)
    active = np.flatnonzero(length > 1)
    while active.size:
        skip = prefix[start[active]]
        start[active[skip]] += 1
        length[active[skip]] -= 1
        active = active[skip & (length[active] > 1)]


def _keys(text: pa.Array) -> np.ndarray:
    """The key of each name in `text`, as an object array of str."""
    if len(text) > _BATCH:
        return np.concatenate([_keys(text.slice(i, _BATCH)) for i in range(0, len(text), _BATCH)])
    tokens = _before_patronym(tokenise(_folded(text), _is_title_segment, _chunk_tokens, SUFFIX_TITLES))
    length = np.bincount(tokens.owner, minlength=len(text))
    start = np.cumsum(length) - length
    _strip_suffix_titles(tokens, start, length)
    _skip_prefix_titles(tokens, start, length)

    position = np.arange(len(tokens.owner)) - start[tokens.owner]
    code = tokens.code[(position >= 0) & (position < length[tokens.owner])]
    spellings = pa.array([*map(_canonical_spelling, tokens.vocabulary), _MUHAMMAD_KEY], type=pa.string())
    # "M." is Muhammad only as the first of several words ("M. Rizki"), not an initial elsewhere.
    first = np.cumsum(length) - length
    several = np.flatnonzero(length > 1)
    initial = tokens.vocabulary[tokens.code[start[several]]] == "M"
    code[first[several[initial]]] = len(spellings) - 1
    words = pa.ListArray.from_arrays(np.concatenate([[0], np.cumsum(length)]), spellings.take(code))
    return pc.binary_join(words, " ").to_numpy(zero_copy_only=False)


def normalize_name(name: str) -> str:
    """The comparison key of one raw name: "Drs. H. Moch. Djoko S., M.Si" -> "MHD YOKO S"."""
    return str(name_keys(pd.Series([name], dtype=object)).iloc[0])


def name_keys(names: pd.Series) -> pd.Series:
    """`normalize_name` over a column, computed once per unique value; missing names give ""."""
    codes, uniques = pd.factorize(names, use_na_sentinel=True)
    keys = np.append(_keys(_text_array(uniques)), "")
    # Code -1 (missing) picks the trailing "".
    return pd.Series(keys[codes], index=names.index, dtype=object, name=names.name)
