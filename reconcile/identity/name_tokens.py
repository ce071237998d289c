"""Many folded names cut into one flat table of tokens at once, with Arrow string kernels.

A name is cut at commas into segments; the first segment is the name itself, a later one is
dropped when it is a title (`is_title_segment`). Each segment is cut at white space into chunks,
and each distinct chunk into tokens by `chunk_tokens`. In a later segment the tokens before its
first word not in `leading_titles` are dropped ("S.Kep Ns bin Umar" keeps "BIN UMAR").
The Python callbacks run once per distinct segment or chunk, never once per name.
"""

from __future__ import annotations

from collections.abc import Callable, Set
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

Token = tuple[str, bool]  # (word, written with a dot)


@dataclass(frozen=True)
class TokenTable:
    """Tokens of all names in reading order; `owner` is the name's position, nondecreasing.

    A token's text is `vocabulary[code]`, so a property of words is computed once per word.
    """

    owner: np.ndarray  # int64
    code: np.ndarray  # int64 index into vocabulary
    dotted: np.ndarray  # bool: written with a dot
    vocabulary: np.ndarray  # object: the distinct token texts, without dots

    def has(self, words: Set[str]) -> np.ndarray:
        """Per token: is its text one of `words`."""
        return np.array([w in words for w in self.vocabulary], dtype=bool)[self.code]


def run_starts(keys: np.ndarray) -> np.ndarray:
    """For each element of a nondecreasing array, the index where its run of equal keys starts."""
    if not len(keys):
        return np.zeros(0, dtype=np.int64)
    change = np.empty(len(keys), dtype=bool)
    change[0] = True
    np.not_equal(keys[1:], keys[:-1], out=change[1:])
    return np.flatnonzero(change)[np.cumsum(change) - 1]


def _flatten(lists: pa.Array) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """Values of a list array, the list each came from, and its position in that list."""
    values = pc.list_flatten(lists)
    parent = pc.list_parent_indices(lists).to_numpy(zero_copy_only=False).astype(np.int64)
    offsets = lists.offsets.to_numpy(zero_copy_only=False).astype(np.int64)
    return values, parent, np.arange(len(values), dtype=np.int64) - offsets[parent]


def _per_distinct(values: pa.Array, decide: Callable[[str], bool]) -> np.ndarray:
    """`decide` of each string, called once per distinct value."""
    encoded = pc.dictionary_encode(values)
    verdicts = np.array([decide(v) for v in encoded.dictionary.to_pylist()], dtype=bool)
    return verdicts[encoded.indices.to_numpy(zero_copy_only=False)]


def tokenise(
    texts: pa.Array,
    is_title_segment: Callable[[str], bool],
    chunk_tokens: Callable[[str], tuple[Token, ...]],
    leading_titles: Set[str],
) -> TokenTable:
    """The tokens of every folded name in `texts` (an Arrow string array, upper case, no apostrophes)."""
    segments, seg_owner, seg_no = _flatten(pc.split_pattern(texts, ","))
    keep = np.ones(len(segments), dtype=bool)
    later = np.flatnonzero(seg_no > 0)
    if later.size:
        keep[later] = ~_per_distinct(segments.take(later), is_title_segment)
    segments, seg_owner, later_segment = segments.filter(keep), seg_owner[keep], seg_no[keep] > 0

    chunks, chunk_seg, _ = _flatten(pc.ascii_split_whitespace(segments))
    encoded = pc.dictionary_encode(chunks)
    # Tokens of each distinct chunk, laid end to end; then repeated for every occurrence.
    per_chunk = [chunk_tokens(c) for c in encoded.dictionary.to_pylist()]
    counts = np.array([len(t) for t in per_chunk], dtype=np.int64)
    firsts = np.cumsum(counts) - counts
    word_code, vocabulary = pd.factorize(np.array([w for t in per_chunk for w, _ in t], dtype=object))
    dotted = np.array([d for t in per_chunk for _, d in t], dtype=bool)
    chunk = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    occurrence = np.repeat(np.arange(len(chunk)), counts[chunk])
    entry = firsts[chunk][occurrence] + np.arange(len(occurrence)) - run_starts(occurrence)
    token_seg = chunk_seg[occurrence]

    # In a later segment, drop the tokens before its first word not in leading_titles.
    named = ~np.array([w in leading_titles for w in vocabulary], dtype=bool)[word_code[entry]]
    named_total = np.cumsum(named)
    start = run_starts(token_seg)
    named_so_far = named_total - named_total[start] + named[start]  # within the token's segment
    kept = ~later_segment[token_seg] | (named_so_far > 0)
    entry = entry[kept]
    return TokenTable(seg_owner[token_seg[kept]], word_code[entry], dotted[entry], np.asarray(vocabulary))
